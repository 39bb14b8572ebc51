// Independent ES256 JWS verifier on Node's crypto (OpenSSL underneath).
// Usage: node verify_jws.js PUBLIC_KEY.pem JWS_FILE [DETACHED_PAYLOAD_FILE]
// Prints one JSON line {valid, kid, thumbprint, alg, payloadBase64} and exits 0 when valid, 1 when not.
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const [pemPath, jwsPath, detachedPath] = process.argv.slice(2);
const key = crypto.createPublicKey(fs.readFileSync(pemPath, 'utf8'));
const parts = fs.readFileSync(jwsPath, 'utf8').trim().split('.');
if (parts.length !== 3) {
  console.log(JSON.stringify({ valid: false, error: 'not three parts' }));
  process.exit(1);
}

const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
const payload = detachedPath ? fs.readFileSync(detachedPath) : Buffer.from(parts[1], 'base64url');
const encodedPayload = detachedPath ? payload.toString('base64url') : parts[1];
const signature = Buffer.from(parts[2], 'base64url');

// RFC 7638 thumbprint, computed here from the PEM so the C# key id is checked too.
const jwk = key.export({ format: 'jwk' });
const thumbprint = crypto
  .createHash('sha256')
  .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
  .digest('base64url');

const valid = header.alg === 'ES256' && crypto.verify(
  'sha256',
  Buffer.from(parts[0] + '.' + encodedPayload, 'ascii'),
  { key, dsaEncoding: 'ieee-p1363' },
  signature);

console.log(JSON.stringify({ valid, kid: header.kid, thumbprint, alg: header.alg, payloadBase64: payload.toString('base64') }));
process.exit(valid ? 0 : 1);
