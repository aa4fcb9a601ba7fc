import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { bech32Decode, bech32Encode } from './bech32';
import { officeFingerprint } from './fingerprint';
import { privateKeyFromRaw, rawPrivateKey, rawPublicKey } from './raw-keys';

const KEY_ID_DOMAIN = Buffer.from('mingjing-minisign-key-id-v1\0', 'latin1');

/** The public half of an office identity. */
export interface OfficePublicKeys {
  /** Ed25519 public key (32 bytes). */
  signing: Buffer;
  /** X25519 public key (32 bytes). */
  encryption: Buffer;
}

/**
 * An office's key pairs. The two 32-byte secrets are what the vault stores; everything
 * else derives from them. Never log or serialise this object except into the vault.
 */
export class OfficeIdentity {
  readonly signingKey: KeyObject;
  readonly encryptionKey: KeyObject;
  readonly publicKeys: OfficePublicKeys;

  private constructor(signingSeed: Uint8Array, encryptionSecret: Uint8Array) {
    this.signingKey = privateKeyFromRaw('ed25519', signingSeed);
    this.encryptionKey = privateKeyFromRaw('x25519', encryptionSecret);
    this.publicKeys = {
      signing: rawPublicKey(this.signingKey),
      encryption: rawPublicKey(this.encryptionKey),
    };
  }

  static generate(): OfficeIdentity {
    const ed = generateKeyPairSync('ed25519').privateKey;
    const x = generateKeyPairSync('x25519').privateKey;
    return new OfficeIdentity(rawPrivateKey(ed), rawPrivateKey(x));
  }

  /** From the two stored secrets (the Ed25519 seed and the X25519 scalar). */
  static fromSecrets(signingSeed: Uint8Array, encryptionSecret: Uint8Array): OfficeIdentity {
    return new OfficeIdentity(signingSeed, encryptionSecret);
  }

  /** The two secrets to store in the vault (32 bytes each). */
  exportSecrets(): { signingSeed: Buffer; encryptionSecret: Buffer } {
    return {
      signingSeed: rawPrivateKey(this.signingKey),
      encryptionSecret: rawPrivateKey(this.encryptionKey),
    };
  }

  get fingerprint(): string {
    return officeFingerprint(this.publicKeys.signing, this.publicKeys.encryption);
  }

  get keyId(): Buffer {
    return minisignKeyId(this.publicKeys.signing);
  }

  get ageRecipient(): string {
    return ageRecipientFromPublicKey(this.publicKeys.encryption);
  }

  /** `AGE-SECRET-KEY-1…`: what a recipient puts in a key file for `age -d -i`. Secret. */
  ageIdentity(): string {
    return bech32Encode('age-secret-key-', rawPrivateKey(this.encryptionKey), true);
  }
}

/** Our minisign key id: derived from the public key, so a card needs no extra field. */
export function minisignKeyId(signingPublicKey: Uint8Array): Buffer {
  return createHash('sha256').update(KEY_ID_DOMAIN).update(signingPublicKey).digest().subarray(0, 8);
}

export function ageRecipientFromPublicKey(publicKey: Uint8Array): string {
  return bech32Encode('age', publicKey);
}

/** The X25519 public key of an `age1…` recipient, or null if it is not one. */
export function parseAgeRecipient(text: string): Buffer | null {
  const decoded = bech32Decode(text);
  if (!decoded || decoded.hrp !== 'age' || decoded.bytes.length !== 32 || text !== text.toLowerCase())
    return null;
  return decoded.bytes;
}

/** The X25519 secret of an `AGE-SECRET-KEY-1…` identity, or null. */
export function parseAgeIdentity(text: string): Buffer | null {
  const decoded = bech32Decode(text);
  if (
    !decoded ||
    decoded.hrp !== 'age-secret-key-' ||
    decoded.bytes.length !== 32 ||
    text !== text.toUpperCase()
  )
    return null;
  return decoded.bytes;
}

export function x25519PublicFromSecret(secret: Uint8Array): Buffer {
  return rawPublicKey(privateKeyFromRaw('x25519', secret));
}
