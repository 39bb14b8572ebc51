// Independent reference for ECMAScript number formatting: for each line of stdin holding the
// 16 hex digits of an IEEE-754 double (big-endian bit pattern), print String(value) as Node's V8 does.
'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
const buf = Buffer.alloc(8);
const out = [];
for (const line of lines) {
  buf.write(line.trim(), 0, 'hex');
  out.push(String(buf.readDoubleBE(0)));
}
process.stdout.write(out.join('\n') + '\n');
