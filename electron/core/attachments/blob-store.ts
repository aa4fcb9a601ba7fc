import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { BlobFileError, type BlobFileWriter, type BlobFiles } from '../vault/blob-files';

/**
 * Attachment contents. `attachment_blobs` has one row per content (by SHA-256, shared
 * by every attachment of the same bytes); the bytes are a file of the vault's
 * encrypted file store named by the blob id (`store = 'files'`), written and read one
 * chunk at a time, so the core never holds a whole file. Contents stored before the
 * file store existed stay in `attachment_chunks` (`store = 'database'`) and are read
 * from there.
 *
 * A file exists before its row is committed and outlives a removed row until the
 * commit is through; `tidyFileStore` removes files no row names when a session starts.
 */

interface BlobRow {
  store: 'database' | 'files';
  size: number;
  chunk_size: number;
}

function blobRow(db: Db, blobId: string): BlobRow | undefined {
  return db.prepare('SELECT store, size, chunk_size FROM attachment_blobs WHERE id = ?').get(blobId) as
    BlobRow | undefined;
}

/** Registers an upload under way and opens its file; the caller appends chunks to the writer. */
export function createStagingBlob(
  db: Db,
  files: BlobFiles,
  blobId: string,
  size: number,
  chunkBytes: number,
  at: string,
): BlobFileWriter {
  const writer = files.create(files.dir, blobId, chunkBytes);
  try {
    db.prepare(
      `INSERT INTO attachment_blobs (id, state, sha256, size, chunk_size, created_at, store)
       VALUES (?, 'staging', NULL, ?, ?, ?, 'files')`,
    ).run(blobId, size, chunkBytes, at);
  } catch (err) {
    writer.abort();
    throw err;
  }
  return writer;
}

/** Chunk `seq` of a stored content (undefined past its end). */
export function readChunk(db: Db, files: BlobFiles, blobId: string, seq: number): Buffer | undefined {
  const blob = blobRow(db, blobId);
  if (!blob) return undefined;
  if (blob.store === 'database') {
    const row = db
      .prepare('SELECT data FROM attachment_chunks WHERE blob_id = ? AND seq = ?')
      .get(blobId, seq) as { data: Buffer } | undefined;
    return row?.data;
  }
  return damagedAsAppError(() => {
    const reader = files.open(files.dir, blobId);
    try {
      return seq < reader.chunkCount ? reader.chunk(seq) : undefined;
    } finally {
      reader.close();
    }
  });
}

/** A stored file that fails to authenticate (or is gone) is reported as damaged content. */
function damagedAsAppError<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof BlobFileError) throw new AppError('ATTACHMENT_CONTENT_DAMAGED');
    throw err;
  }
}

/** Every chunk of a stored content, in order, one at a time. */
export function* blobChunks(db: Db, files: BlobFiles, blobId: string): Generator<Buffer> {
  const blob = blobRow(db, blobId);
  if (!blob) return;
  if (blob.store === 'database') {
    const chunk = db.prepare('SELECT data FROM attachment_chunks WHERE blob_id = ? AND seq = ?');
    for (let seq = 0; ; seq++) {
      const row = chunk.get(blobId, seq) as { data: Buffer } | undefined;
      if (!row) return;
      yield row.data;
    }
  }
  const reader = damagedAsAppError(() => files.open(files.dir, blobId));
  try {
    for (let i = 0; i < reader.chunkCount; i++) yield damagedAsAppError(() => reader.chunk(i));
  } finally {
    reader.close();
  }
}

/** Removes an upload's staged content (never a stored blob). */
export function dropStagingBlob(db: Db, files: BlobFiles, blobId: string): void {
  const removed = db.prepare(`DELETE FROM attachment_blobs WHERE id = ? AND state = 'staging'`).run(blobId);
  if (removed.changes > 0) files.removeStored(blobId);
}

/**
 * Turns a complete staged upload into stored content, inside the commit's
 * transaction. When the same bytes are already stored (same SHA-256), the staged
 * copy is dropped and the stored one is shared. Returns the blob to reference.
 */
export function storeBlob(
  db: Db,
  files: BlobFiles,
  blobId: string,
  sha256: string,
): { blobId: string; duplicate: boolean } {
  const existing = db
    .prepare(`SELECT id FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`)
    .get(sha256) as { id: string } | undefined;
  if (existing) {
    dropStagingBlob(db, files, blobId);
    return { blobId: existing.id, duplicate: true };
  }
  db.prepare(
    `UPDATE attachment_blobs SET state = 'stored', sha256 = ? WHERE id = ? AND state = 'staging'`,
  ).run(sha256, blobId);
  return { blobId, duplicate: false };
}

/**
 * After an attachment is removed: when no live attachment holds the content any
 * more, its row goes and the removed attachments keep only name and hash. Returns
 * the file to delete once the transaction has committed (null: nothing to delete).
 */
export function purgeIfUnreferenced(db: Db, blobId: string): string | null {
  const live = db
    .prepare('SELECT 1 FROM attachments WHERE blob_id = ? AND deleted_hlc IS NULL LIMIT 1')
    .get(blobId);
  if (live) return null;
  const blob = blobRow(db, blobId);
  db.prepare('UPDATE attachments SET blob_id = NULL WHERE blob_id = ?').run(blobId);
  db.prepare('DELETE FROM attachment_chunks WHERE blob_id = ?').run(blobId);
  db.prepare('DELETE FROM attachment_blobs WHERE id = ?').run(blobId);
  return blob?.store === 'files' ? blobId : null;
}

/**
 * When a session starts nothing can be under way: staged uploads and import staging
 * go, and so does any stored file no committed row names (left by a crash between
 * writing a file and committing its row, or between a removal's commit and the unlink).
 */
export function tidyFileStore(db: Db, files: BlobFiles): { orphans: number } {
  db.prepare(`DELETE FROM attachment_blobs WHERE state = 'staging'`).run();
  const known = new Set(
    (db.prepare(`SELECT id FROM attachment_blobs WHERE store = 'files'`).all() as { id: string }[]).map(
      (r) => r.id,
    ),
  );
  let orphans = 0;
  for (const name of files.storedNames()) {
    if (known.has(name)) continue;
    files.removeStored(name);
    orphans++;
  }
  return { orphans };
}
