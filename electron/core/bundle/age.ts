import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { encodeRawBase64 } from './base64';
import { checkHeaderMac, headerMac, headerMacInput, readAgeHeader } from './age-header';
import { decryptStream, encryptStream, PAYLOAD_NONCE_BYTES, payloadKey } from './age-stream';
import { unwrapFileKeyX25519, wrapFileKeyX25519, type X25519Identity } from './age-x25519';
import { ByteReader, type ByteSource } from './byte-reader';
import { parseAgeIdentity, parseAgeRecipient, x25519PublicFromSecret } from './office-keys';

/**
 * age v1 files with X25519 recipients, streaming both ways. Output decrypts with
 * `age -d -i KEY`; files from `age -r` decrypt here. See docs/bundle-format.md §3.
 */

export const MAX_AGE_RECIPIENTS = 16;

/** Fixed randomness for the published test vectors only. */
export interface AgeDeterminism {
  fileKey: Buffer;
  nonce: Buffer;
  ephemeralSecrets: Buffer[];
}

function recipientKeys(recipients: readonly string[]): Buffer[] {
  if (recipients.length === 0 || recipients.length > MAX_AGE_RECIPIENTS) {
    throw new Error(`between 1 and ${MAX_AGE_RECIPIENTS} recipients`);
  }
  return recipients.map((r) => {
    const key = parseAgeRecipient(r);
    if (!key) throw new Error('not an age X25519 recipient');
    return key;
  });
}

export async function* encryptAgeWith(
  recipients: readonly string[],
  source: ByteSource,
  fixed: AgeDeterminism,
): AsyncGenerator<Buffer> {
  const keys = recipientKeys(recipients);
  const stanzas = keys.map((key, i) => wrapFileKeyX25519(fixed.fileKey, key, fixed.ephemeralSecrets[i]));
  const macInput = headerMacInput(stanzas);
  const mac = headerMac(fixed.fileKey, macInput);
  yield Buffer.concat([macInput, Buffer.from(` ${encodeRawBase64(mac)}\n`, 'latin1'), fixed.nonce]);
  yield* encryptStream(payloadKey(fixed.fileKey, fixed.nonce), source);
}

/** Encrypts `source` to the `age1…` recipients. */
export function encryptAge(recipients: readonly string[], source: ByteSource): AsyncGenerator<Buffer> {
  return encryptAgeWith(recipients, source, {
    fileKey: randomBytes(16),
    nonce: randomBytes(PAYLOAD_NONCE_BYTES),
    ephemeralSecrets: [],
  });
}

/** An identity as `AGE-SECRET-KEY-1…` text or as the raw 32-byte X25519 secret. */
export type AgeIdentityInput = string | Uint8Array;

function toIdentity(input: AgeIdentityInput): X25519Identity {
  const secret = typeof input === 'string' ? parseAgeIdentity(input) : Buffer.from(input);
  if (!secret || secret.length !== 32) throw new Error('not an age X25519 identity');
  return { secret, publicKey: x25519PublicFromSecret(secret) };
}

/**
 * Decrypts an age file. Throws (as the iteration fails) BUNDLE_HEADER_INVALID,
 * BUNDLE_NOT_FOR_US, BUNDLE_HEADER_ALTERED, BUNDLE_PAYLOAD_ALTERED or BUNDLE_TRUNCATED.
 * Plaintext comes out one authenticated chunk at a time; treat it as provisional until
 * the iteration ends without error.
 */
export async function* decryptAge(
  identities: readonly AgeIdentityInput[],
  source: ByteSource,
): AsyncGenerator<Buffer> {
  const ids = identities.map(toIdentity);
  const reader = new ByteReader(source);
  try {
    const header = await readAgeHeader(reader);
    const fileKey = unwrapFileKeyX25519(header.stanzas, ids);
    checkHeaderMac(fileKey, header);
    const nonce = await reader.readUpTo(PAYLOAD_NONCE_BYTES);
    if (nonce.length < PAYLOAD_NONCE_BYTES) throw new AppError('BUNDLE_TRUNCATED');
    yield* decryptStream(payloadKey(fileKey, nonce), reader);
  } finally {
    await reader.close();
  }
}
