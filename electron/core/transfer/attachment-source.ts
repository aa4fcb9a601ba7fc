import type { EntryInput } from '../bundle/container-writer';
import { attachmentEntryName } from '../bundle/entry-names';
import type { Db } from '../db/open-database';
import { readChunk } from '../attachments/blob-store';

export interface StoredBlob {
  id: string;
  sha256: string;
  size: number;
}

/** The stored blobs among these hashes (content removed since is skipped), ordered by hash. */
export function storedBlobs(db: Db, hashes: readonly string[]): StoredBlob[] {
  const find = db.prepare(
    `SELECT id, sha256, size FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`,
  );
  return [...new Set(hashes)]
    .sort()
    .map((h) => find.get(h) as StoredBlob | undefined)
    .filter((b): b is StoredBlob => !!b);
}

/** One chunk at a time out of the vault: a large file is never held whole. */
async function* blobChunks(db: Db, blobId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = readChunk(db, blobId, seq);
    if (!chunk) return;
    yield chunk;
  }
}

/** `attachments/<sha256>` entries streamed from the attachment store. */
export function* attachmentEntries(db: Db, blobs: readonly StoredBlob[]): Generator<EntryInput> {
  for (const b of blobs)
    yield { name: attachmentEntryName(b.sha256), size: b.size, data: blobChunks(db, b.id) };
}
