import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../errors';
import type { ByteSource } from './byte-reader';
import { decodePaddedBase64 } from './base64';
import { publicKeyFromRaw } from './raw-keys';

/**
 * The minisign file formats (as written by minisign 0.11): public key files and
 * prehashed ("ED") detached signatures. Only the prehashed form is written or accepted,
 * so a file of any size is signed and checked while streaming.
 */

export const MAX_SIGNATURE_FILE_BYTES = 4096;
export const MAX_TRUSTED_COMMENT_BYTES = 1000;

export interface MinisignPublicKey {
  keyId: Buffer;
  publicKey: Buffer;
}

export interface MinisignSignature {
  untrustedComment: string;
  algorithm: 'ED' | 'Ed';
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

/** The key id as minisign prints it: the 8 bytes read as a little-endian number, in hex. */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** The base64 line of a public key file (`RW…`). */
export function minisignPublicKeyLine(key: MinisignPublicKey): string {
  return Buffer.concat([Buffer.from('Ed', 'latin1'), key.keyId, key.publicKey]).toString('base64');
}

/** A public key file `minisign -V -p FILE` reads. */
export function formatMinisignPublicKey(key: MinisignPublicKey): string {
  return `untrusted comment: minisign public key ${keyIdHex(key.keyId)}\n${minisignPublicKeyLine(key)}\n`;
}

/** Accepts a whole public key file or just its base64 line; null if it is neither. */
export function parseMinisignPublicKey(text: string): MinisignPublicKey | null {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 2 && !lines[0]!.startsWith('untrusted comment: ')) return null;
  if (lines.length !== 1 && lines.length !== 2) return null;
  const bytes = decodePaddedBase64(lines[lines.length - 1]!);
  if (!bytes || bytes.length !== 42 || bytes.toString('latin1', 0, 2) !== 'Ed') return null;
  return { keyId: Buffer.from(bytes.subarray(2, 10)), publicKey: Buffer.from(bytes.subarray(10)) };
}

/** BLAKE2b-512 streaming hasher: the "prehash" of the ED algorithm. */
export function createPrehash() {
  return createHash('blake2b512');
}

export async function prehashStream(source: ByteSource): Promise<{ hash: Buffer; size: number }> {
  const hasher = createPrehash();
  let size = 0;
  for await (const chunk of source) {
    hasher.update(chunk);
    size += chunk.length;
  }
  return { hash: hasher.digest(), size };
}

function assertCommentLine(comment: string, max: number): void {
  if (/[\r\n]/.test(comment) || Buffer.byteLength(comment, 'utf8') > max) {
    throw new Error('a minisign comment is one line within the size limit');
  }
}

/** Signs a BLAKE2b-512 prehash; returns the `.minisig` text. */
export function signPrehash(
  prehash: Buffer,
  key: { signingKey: KeyObject; keyId: Buffer },
  trustedComment: string,
  untrustedComment = 'signature from minisign secret key',
): string {
  assertCommentLine(trustedComment, MAX_TRUSTED_COMMENT_BYTES);
  assertCommentLine(untrustedComment, MAX_TRUSTED_COMMENT_BYTES);
  const signature = sign(null, prehash, key.signingKey);
  const globalSignature = sign(
    null,
    Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]),
    key.signingKey,
  );
  const line = Buffer.concat([Buffer.from('ED', 'latin1'), key.keyId, signature]).toString('base64');
  return `untrusted comment: ${untrustedComment}\n${line}\ntrusted comment: ${trustedComment}\n${globalSignature.toString('base64')}\n`;
}

const malformed = () => new AppError('BUNDLE_SIGNATURE_MALFORMED');

/** Parses a `.minisig` file; throws BUNDLE_SIGNATURE_MALFORMED for anything else. */
export function parseMinisignSignature(text: string | Buffer): MinisignSignature {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  if (raw.length > MAX_SIGNATURE_FILE_BYTES) throw malformed();
  const decoded = raw.toString('utf8');
  if (Buffer.from(decoded, 'utf8').compare(raw) !== 0) throw malformed();
  const lines = decoded.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length === 5 && lines[4] === '') lines.pop();
  if (lines.length !== 4) throw malformed();
  const [untrusted, sigLine, trusted, globalLine] = lines as [string, string, string, string];
  if (!untrusted.startsWith('untrusted comment: ') || !trusted.startsWith('trusted comment: '))
    throw malformed();
  const sig = decodePaddedBase64(sigLine);
  const globalSignature = decodePaddedBase64(globalLine);
  if (!sig || sig.length !== 74 || !globalSignature || globalSignature.length !== 64) throw malformed();
  const algorithm = sig.toString('latin1', 0, 2);
  if (algorithm !== 'ED' && algorithm !== 'Ed') throw malformed();
  const trustedComment = trusted.slice('trusted comment: '.length);
  if (Buffer.byteLength(trustedComment, 'utf8') > MAX_TRUSTED_COMMENT_BYTES) throw malformed();
  return {
    untrustedComment: untrusted.slice('untrusted comment: '.length),
    algorithm,
    keyId: Buffer.from(sig.subarray(2, 10)),
    signature: Buffer.from(sig.subarray(10)),
    trustedComment,
    globalSignature,
  };
}

/** Algorithm and key id: the checks before any signature math. */
export function checkAlgorithmAndKey(sig: MinisignSignature, key: MinisignPublicKey): void {
  if (sig.algorithm !== 'ED') throw new AppError('BUNDLE_SIGNATURE_UNSUPPORTED');
  if (!sig.keyId.equals(key.keyId))
    throw new AppError('BUNDLE_SIGNER_MISMATCH', { keyId: keyIdHex(sig.keyId) });
}

/** The global signature over signature ‖ trusted comment: once it holds, the comment can be believed. */
export function globalSignatureHolds(sig: MinisignSignature, key: MinisignPublicKey): boolean {
  const signed = Buffer.concat([sig.signature, Buffer.from(sig.trustedComment, 'utf8')]);
  return verify(null, signed, publicKeyFromRaw('ed25519', key.publicKey), sig.globalSignature);
}

/** The signature over the file's BLAKE2b-512 prehash. */
export function checkFileSignature(sig: MinisignSignature, key: MinisignPublicKey, prehash: Buffer): void {
  const publicKey = publicKeyFromRaw('ed25519', key.publicKey);
  if (!verify(null, prehash, publicKey, sig.signature)) throw new AppError('BUNDLE_SIGNATURE_INVALID');
}

/** Full minisign verification of a stream; returns the (now trusted) comment. */
export async function verifyMinisignStream(
  source: ByteSource,
  signatureText: string | Buffer,
  key: MinisignPublicKey,
): Promise<string> {
  const sig = parseMinisignSignature(signatureText);
  checkAlgorithmAndKey(sig, key);
  const { hash } = await prehashStream(source);
  // minisign's own order: the file signature, then the comment's.
  checkFileSignature(sig, key, hash);
  if (!globalSignatureHolds(sig, key)) throw new AppError('BUNDLE_COMMENT_ALTERED');
  return sig.trustedComment;
}
