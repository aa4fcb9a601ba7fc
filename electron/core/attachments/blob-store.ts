import type { Db } from '../db/open-database';

/**
 * File contents inside the vault: a blob is cut into fixed-size rows of
 * `attachment_chunks`, written and read one chunk at a time, so the core never holds
 * a whole file. The database is SQLCipher, so the chunks are encrypted at rest like
 * every other page; temp_store is memory, so nothing spills to a temporary file.
 */

export function createStagingBlob(
  db: Db,
  blobId: string,
  size: number,
  chunkBytes: number,
  at: string,
): void {
  db.prepare(
    `INSERT INTO attachment_blobs (id, state, sha256, size, chunk_size, created_at)
     VALUES (?, 'staging', NULL, ?, ?, ?)`,
  ).run(blobId, size, chunkBytes, at);
}

export function appendChunk(db: Db, blobId: string, seq: number, data: Uint8Array): void {
  db.prepare('INSERT INTO attachment_chunks (blob_id, seq, data) VALUES (?, ?, ?)').run(blobId, seq, data);
}

export function readChunk(db: Db, blobId: string, seq: number): Buffer | undefined {
  const row = db
    .prepare('SELECT data FROM attachment_chunks WHERE blob_id = ? AND seq = ?')
    .get(blobId, seq) as { data: Buffer } | undefined;
  return row?.data;
}

/** Removes an upload's staged content (never a stored blob). */
export function dropStagingBlob(db: Db, blobId: string): void {
  db.transaction(() => {
    const staging = db
      .prepare(`SELECT 1 FROM attachment_blobs WHERE id = ? AND state = 'staging'`)
      .get(blobId);
    if (!staging) return;
    db.prepare('DELETE FROM attachment_chunks WHERE blob_id = ?').run(blobId);
    db.prepare('DELETE FROM attachment_blobs WHERE id = ?').run(blobId);
  })();
}

/** Removes every staged upload except those still under way; returns how many went. */
export function dropStagingExcept(db: Db, keep: ReadonlySet<string>): number {
  const ids = (
    db.prepare(`SELECT id FROM attachment_blobs WHERE state = 'staging'`).all() as { id: string }[]
  )
    .map((r) => r.id)
    .filter((id) => !keep.has(id));
  ids.forEach((id) => dropStagingBlob(db, id));
  return ids.length;
}

/**
 * Turns a complete staged upload into stored content, inside the commit's
 * transaction. When the same bytes are already stored (same SHA-256), the staged
 * copy is dropped and the stored one is shared. Returns the blob to reference.
 */
export function storeBlob(db: Db, blobId: string, sha256: string): { blobId: string; duplicate: boolean } {
  const existing = db
    .prepare(`SELECT id FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`)
    .get(sha256) as { id: string } | undefined;
  if (existing) {
    db.prepare('DELETE FROM attachment_chunks WHERE blob_id = ?').run(blobId);
    db.prepare('DELETE FROM attachment_blobs WHERE id = ?').run(blobId);
    return { blobId: existing.id, duplicate: true };
  }
  db.prepare(
    `UPDATE attachment_blobs SET state = 'stored', sha256 = ? WHERE id = ? AND state = 'staging'`,
  ).run(sha256, blobId);
  return { blobId, duplicate: false };
}

/**
 * After an attachment is removed: when no live attachment holds the content any
 * more, its chunks are deleted and the removed attachments keep only name and hash.
 */
export function purgeIfUnreferenced(db: Db, blobId: string): boolean {
  const live = db
    .prepare('SELECT 1 FROM attachments WHERE blob_id = ? AND deleted_hlc IS NULL LIMIT 1')
    .get(blobId);
  if (live) return false;
  db.prepare('UPDATE attachments SET blob_id = NULL WHERE blob_id = ?').run(blobId);
  db.prepare('DELETE FROM attachment_chunks WHERE blob_id = ?').run(blobId);
  db.prepare('DELETE FROM attachment_blobs WHERE id = ?').run(blobId);
  return true;
}
