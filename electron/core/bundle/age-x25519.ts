import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { AppError } from '../errors';
import { decodeRawBase64, encodeRawBase64 } from './base64';
import type { Stanza } from './age-header';
import { privateKeyFromRaw, publicKeyFromRaw, rawPrivateKey, rawPublicKey } from './raw-keys';

/** The age X25519 recipient type: wraps the 16-byte file key for one public key. */

const INFO = 'age-encryption.org/v1/X25519';
const ZERO_NONCE = Buffer.alloc(12);

function wrapKey(shared: Buffer, ephemeralShare: Buffer, recipient: Buffer): Buffer {
  if (shared.every((b) => b === 0)) throw new AppError('BUNDLE_HEADER_INVALID');
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralShare, recipient]), INFO, 32));
}

function sharedSecret(secret: Buffer, publicKey: Buffer): Buffer {
  try {
    return diffieHellman({
      privateKey: privateKeyFromRaw('x25519', secret),
      publicKey: publicKeyFromRaw('x25519', publicKey),
    });
  } catch {
    // OpenSSL refuses low-order points (an all-zero shared secret).
    throw new AppError('BUNDLE_HEADER_INVALID');
  }
}

/** `ephemeralSecret` is only passed by the test-vector generator; normally random. */
export function wrapFileKeyX25519(fileKey: Buffer, recipient: Buffer, ephemeralSecret?: Buffer): Stanza {
  const secret = ephemeralSecret ?? rawPrivateKey(generateKeyPairSync('x25519').privateKey);
  const share = rawPublicKey(privateKeyFromRaw('x25519', secret));
  const key = wrapKey(sharedSecret(secret, recipient), share, recipient);
  const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  return { type: 'X25519', args: [encodeRawBase64(share)], body };
}

export interface X25519Identity {
  secret: Buffer;
  publicKey: Buffer;
}

/**
 * The file key from the first X25519 stanza one of `identities` opens. A malformed
 * X25519 stanza met before a match is a header error; no match is BUNDLE_NOT_FOR_US.
 */
export function unwrapFileKeyX25519(stanzas: Stanza[], identities: X25519Identity[]): Buffer {
  if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length > 1)
    throw new AppError('BUNDLE_HEADER_INVALID');
  for (const stanza of stanzas) {
    if (stanza.type !== 'X25519') continue;
    const share = stanza.args.length === 1 ? decodeRawBase64(stanza.args[0]!) : null;
    if (!share || share.length !== 32 || stanza.body.length !== 32)
      throw new AppError('BUNDLE_HEADER_INVALID');
    for (const identity of identities) {
      const key = wrapKey(sharedSecret(identity.secret, share), share, identity.publicKey);
      try {
        const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
        decipher.setAuthTag(stanza.body.subarray(16));
        return Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]);
      } catch {
        // Not this identity's stanza: try the next.
      }
    }
  }
  throw new AppError('BUNDLE_NOT_FOR_US');
}
