import { createHash } from 'node:crypto';
import { BLOCK, paddingFor, ustarHeader } from './ustar';

/** One entry to write: its declared size must match the bytes its data yields. */
export interface EntryInput {
  name: string;
  size: number;
  /** The content's SHA-256 when the source already vouches for it (then it is not computed). */
  sha256?: string;
  data: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
}

async function* asChunks(data: EntryInput['data']): AsyncIterable<Uint8Array> {
  if (data instanceof Uint8Array) yield data;
  else yield* data;
}

/**
 * Streams the archive (docs/bundle-format.md §4.1). `onWritten` runs after each entry,
 * before the next one is pulled, so a later entry (the manifest) can list earlier ones.
 */
export async function* writeContainer(
  entries: AsyncIterable<EntryInput> | Iterable<EntryInput>,
  mtime: number,
  onWritten: (entry: WrittenEntry) => void = () => {},
): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    yield ustarHeader(entry.name, entry.size, mtime);
    const hash = entry.sha256 ? null : createHash('sha256');
    let written = 0;
    for await (const chunk of asChunks(entry.data)) {
      written += chunk.length;
      if (written > entry.size) break;
      hash?.update(chunk);
      yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    }
    // A source that grew or shrank after its size was taken would corrupt the archive.
    if (written !== entry.size)
      throw new Error(`entry ${entry.name}: ${written} bytes, ${entry.size} declared`);
    const pad = paddingFor(entry.size);
    if (pad > 0) yield Buffer.alloc(pad);
    onWritten({ name: entry.name, size: entry.size, sha256: entry.sha256 ?? hash!.digest('hex') });
  }
  yield Buffer.alloc(2 * BLOCK);
}
