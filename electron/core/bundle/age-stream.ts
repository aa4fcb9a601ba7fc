import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { AppError } from '../errors';
import type { ByteReader, ByteSource } from './byte-reader';

/**
 * The age payload: ChaCha20-Poly1305 "STREAM" over 64 KiB chunks, nonce = 11-byte
 * counter ‖ last-chunk flag. OpenSSL's cipher via node:crypto (fast and constant-time).
 */

export const CHUNK = 64 * 1024;
const TAG = 16;
export const SEALED_CHUNK = CHUNK + TAG;
export const PAYLOAD_NONCE_BYTES = 16;

export function payloadKey(fileKey: Buffer, nonce: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * One sealed chunk as its two pieces, ciphertext then tag: the bytes are those of the
 * sealed chunk, without copying the ciphertext into a joined buffer.
 */
function seal(key: Buffer, counter: number, last: boolean, plaintext: Buffer): [Buffer, Buffer] {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG });
  const ciphertext = cipher.update(plaintext);
  // ChaCha20-Poly1305 is a stream cipher: final() yields no bytes, it computes the tag.
  const rest = cipher.final();
  return [rest.length > 0 ? Buffer.concat([ciphertext, rest]) : ciphertext, cipher.getAuthTag()];
}

function open(key: Buffer, counter: number, last: boolean, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG) return null;
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
      authTagLength: TAG,
    });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const out = decipher.update(sealed.subarray(0, sealed.length - TAG));
    decipher.final();
    return out;
  } catch {
    return null;
  }
}

/**
 * Encrypts a plaintext stream; a full chunk is held back until we know whether it is the last.
 * Each sealed chunk comes out as two buffers (ciphertext, tag).
 */
export async function* encryptStream(key: Buffer, source: ByteSource): AsyncGenerator<Buffer> {
  const pending = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let counter = 0;
  for await (const piece of source) {
    let input = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
    while (input.length > 0) {
      // Fast path: a whole chunk straight from the input when more bytes follow it.
      if (used === 0 && input.length > CHUNK) {
        yield* seal(key, counter++, false, input.subarray(0, CHUNK));
        input = input.subarray(CHUNK);
        continue;
      }
      if (used === CHUNK) {
        yield* seal(key, counter++, false, pending);
        used = 0;
      }
      const n = input.copy(pending, used, 0, Math.min(input.length, CHUNK - used));
      used += n;
      input = input.subarray(n);
    }
  }
  yield* seal(key, counter, true, pending.subarray(0, used));
}

/**
 * Decrypts the payload after the nonce. Each chunk is released only after its tag
 * checks (a full chunk is tried as a middle chunk first, as the age reference does);
 * the stream is accepted only if it ends exactly with a chunk flagged last.
 */
export async function* decryptStream(key: Buffer, reader: ByteReader): AsyncGenerator<Buffer> {
  for (let counter = 0; ; counter++) {
    const sealed = await reader.readUpTo(SEALED_CHUNK);
    // The file ended after a middle chunk, inside the nonce or before any chunk.
    if (sealed.length < TAG) throw new AppError('BUNDLE_TRUNCATED');
    if (sealed.length === SEALED_CHUNK) {
      const middle = open(key, counter, false, sealed);
      if (middle !== null) {
        yield middle;
        continue;
      }
    }
    const last = open(key, counter, true, sealed);
    // Only an empty file may end with an empty chunk.
    if (last === null || (last.length === 0 && counter > 0)) throw new AppError('BUNDLE_PAYLOAD_ALTERED');
    if (last.length > 0) yield last;
    if (!(await reader.atEnd())) throw new AppError('BUNDLE_PAYLOAD_ALTERED');
    return;
  }
}
