// Independent ES256 JWS signer on Node's crypto: makes a fresh P-256 key and signs a payload.
// Usage: node make_jws.js PAYLOAD_FILE [detached]
// Prints one JSON line {publicKeyPem, kid, jws}; kid is the RFC 7638 thumbprint computed here.
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const payload = fs.readFileSync(process.argv[2]);
const detached = process.argv[3] === 'detached';
const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = publicKey.export({ format: 'jwk' });
const kid = crypto
  .createHash('sha256')
  .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
  .digest('base64url');

// Member order differs from ours on purpose: verifiers must not depend on header layout.
const header = Buffer.from(JSON.stringify({ typ: 'test+jws', kid, alg: 'ES256' })).toString('base64url');
const body = payload.toString('base64url');
const signature = crypto
  .sign('sha256', Buffer.from(header + '.' + body, 'ascii'), { key: privateKey, dsaEncoding: 'ieee-p1363' })
  .toString('base64url');

const jws = header + '.' + (detached ? '' : body) + '.' + signature;
console.log(JSON.stringify({ publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }), kid, jws }));
