import type { EntryInput } from '../bundle/container-writer';
import { attachmentEntryName } from '../bundle/entry-names';
import type { Db } from '../db/open-database';
import { blobChunks } from '../attachments/blob-store';
import type { BlobFiles } from '../vault/blob-files';

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

/**
 * `attachments/<sha256>` entries streamed from the attachment store, one chunk at a
 * time (a large file is never held whole). The content's SHA-256 is the one checked
 * when it was stored; the store's files are authenticated, so it is not computed again.
 */
export function* attachmentEntries(
  db: Db,
  files: BlobFiles,
  blobs: readonly StoredBlob[],
): Generator<EntryInput> {
  for (const b of blobs)
    yield {
      name: attachmentEntryName(b.sha256),
      size: b.size,
      sha256: b.sha256,
      data: blobChunks(db, files, b.id),
    };
}
