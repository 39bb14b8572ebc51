// Independent RFC 8785 (JCS) canonicalizer in a few lines, relying on V8's own JSON.stringify for
// strings and numbers (RFC 8785 §3.2.2 defines both as ECMAScript does) and on JS's default sort,
// which compares UTF-16 code units (RFC 8785 §3.2.3).
// Input: one JSON document per line. Output: base64 of the canonical UTF-8 bytes, one per line.
'use strict';

function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalize).join(',') + ']';
  const names = Object.keys(value).sort();
  return '{' + names.map((n) => JSON.stringify(n) + ':' + canonicalize(value[n])).join(',') + '}';
}

const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
const out = lines.map((l) => Buffer.from(canonicalize(JSON.parse(l)), 'utf8').toString('base64'));
process.stdout.write(out.join('\n') + '\n');
