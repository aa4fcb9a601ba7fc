import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

// DER prefixes that wrap a raw 32-byte key in PKCS#8 / SPKI (RFC 8410), the form
// node:crypto imports; the key bytes follow the prefix.
const PKCS8 = {
  ed25519: Buffer.from('302e020100300506032b657004220420', 'hex'),
  x25519: Buffer.from('302e020100300506032b656e04220420', 'hex'),
};
const SPKI = {
  ed25519: Buffer.from('302a300506032b6570032100', 'hex'),
  x25519: Buffer.from('302a300506032b656e032100', 'hex'),
};

export type Curve = 'ed25519' | 'x25519';

export function privateKeyFromRaw(curve: Curve, secret: Uint8Array): KeyObject {
  if (secret.length !== 32) throw new Error(`${curve} secret must be 32 bytes`);
  return createPrivateKey({ key: Buffer.concat([PKCS8[curve], secret]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(curve: Curve, publicKey: Uint8Array): KeyObject {
  if (publicKey.length !== 32) throw new Error(`${curve} public key must be 32 bytes`);
  return createPublicKey({ key: Buffer.concat([SPKI[curve], publicKey]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

export function rawPrivateKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return Buffer.from(der.subarray(der.length - 32));
}
