/**
 * The benchmark's attachment content, generated as a stream and never held whole:
 * pseudo-random bytes from AES-256-CTR keyed per file, so a file can be produced again
 * without keeping it.
 */
import { createCipheriv, createHash } from 'node:crypto';

export const MiB = 1024 * 1024;
/** Size of one generated attachment; the last one takes the remainder. */
export const ATTACHMENT_FILE_BYTES = 32 * MiB;
const CHUNK = MiB;

/** Attachment sizes for a total: 32 MiB files. */
export function attachmentSizes(total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= ATTACHMENT_FILE_BYTES)
    sizes.push(Math.min(left, ATTACHMENT_FILE_BYTES));
  return sizes;
}

/** The bytes of attachment `index` (of one seeding round `round`): an AES-CTR keystream, 1 MiB at a time. */
export function* attachmentBytes(index: number, size: number, round = 0): Generator<Buffer> {
  const key = createHash('sha256').update(`mingjing-bench-attachment-${round}-${index}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  for (let left = size; left > 0; left -= CHUNK)
    yield cipher.update(zeros.subarray(0, Math.min(CHUNK, left)));
}
