import { createHash, randomUUID } from 'node:crypto';
import { ATTACHMENT_CHUNK_BYTES } from '../../../shared/contracts/attachments';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/**
 * The staging area of an import in progress (migration 0009): record lines and
 * attachment bytes of a bundle being opened, inside the encrypted vault, keyed by the
 * import id. Nothing here is domain content; `clearStaging` empties it on confirm,
 * discard, failure, and for imports left open by an earlier session.
 */

/** Record lines are written in batches, one transaction each, while the bundle streams. */
const LINE_BATCH = 1000;

/**
 * Attachment chunks are written the same way: one transaction per this many chunks
 * (8 MiB at the store's 512 KiB chunk size), so memory stays bounded per attachment.
 */
const CHUNK_BATCH = 16;

export class RecordStager {
  private batch: { type: string; line: string }[] = [];
  private ord = 0;
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: Db,
    private readonly importId: string,
  ) {}

  add(type: string, line: string): void {
    this.batch.push({ type, line });
    this.counts[type] = (this.counts[type] ?? 0) + 1;
    if (this.batch.length >= LINE_BATCH) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    const insert = this.db.prepare(
      'INSERT INTO transfer_staged_records (import_id, ord, type, line) VALUES (?, ?, ?, ?)',
    );
    const rows = this.batch;
    this.batch = [];
    this.db.transaction(() => {
      for (const r of rows) insert.run(this.importId, ++this.ord, r.type, r.line);
    })();
  }
}

/**
 * Stores one attachment entry as it streams, cut into the attachment store's chunk
 * size so that confirm can move the chunks as they are. Checks the content's SHA-256
 * against its name (the container reader does too; this is the bytes actually kept).
 */
export async function stageAttachment(
  db: Db,
  importId: string,
  sha256: string,
  data: AsyncIterable<Buffer>,
): Promise<number> {
  const insert = db.prepare(
    'INSERT INTO transfer_staged_chunks (import_id, sha256, seq, data) VALUES (?, ?, ?, ?)',
  );
  const hash = createHash('sha256');
  // One chunk is assembled in place; full chunks wait in `ready` and go in one transaction.
  let chunk = Buffer.allocUnsafe(ATTACHMENT_CHUNK_BYTES);
  let used = 0;
  let ready: Buffer[] = [];
  let seq = 0;
  let size = 0;
  const writeReady = db.transaction((rows: Buffer[]) => {
    for (const bytes of rows) insert.run(importId, sha256, seq++, bytes);
  });
  const flush = () => {
    if (ready.length === 0) return;
    const rows = ready;
    ready = [];
    writeReady(rows);
  };
  for await (const part of data) {
    hash.update(part);
    size += part.length;
    let at = 0;
    while (at < part.length) {
      const n = part.copy(chunk, used, at, Math.min(part.length, at + ATTACHMENT_CHUNK_BYTES - used));
      used += n;
      at += n;
      if (used === ATTACHMENT_CHUNK_BYTES) {
        ready.push(chunk);
        chunk = Buffer.allocUnsafe(ATTACHMENT_CHUNK_BYTES);
        used = 0;
        if (ready.length >= CHUNK_BATCH) flush();
      }
    }
  }
  if (used > 0 || (seq === 0 && ready.length === 0)) ready.push(chunk.subarray(0, used));
  flush();
  if (hash.digest('hex') !== sha256) {
    throw new AppError('BUNDLE_MANIFEST_MISMATCH', { name: `attachments/${sha256.slice(0, 16)}…` });
  }
  db.prepare('INSERT INTO transfer_staged_blobs (import_id, sha256, size) VALUES (?, ?, ?)').run(
    importId,
    sha256,
    size,
  );
  return size;
}

/** The staged lines of an import, in the order they arrived (parents first), read in pages. */
export function* stagedLines(db: Db, importId: string): Generator<{ type: string; line: string }> {
  const page = db.prepare(
    'SELECT ord, type, line FROM transfer_staged_records WHERE import_id = ? AND ord > ? ORDER BY ord LIMIT 500',
  );
  let after = 0;
  for (;;) {
    const rows = page.all(importId, after) as { ord: number; type: string; line: string }[];
    if (rows.length === 0) return;
    for (const r of rows) yield { type: r.type, line: r.line };
    after = rows[rows.length - 1]!.ord;
  }
}

export function stagedBlobs(db: Db, importId: string): { sha256: string; size: number }[] {
  return db
    .prepare('SELECT sha256, size FROM transfer_staged_blobs WHERE import_id = ? ORDER BY sha256')
    .all(importId) as { sha256: string; size: number }[];
}

/**
 * Moves staged attachment bytes into the attachment store (inside the confirm
 * transaction): content already stored (same SHA-256) is shared, not copied.
 * Returns how many blobs were added.
 */
export function moveStagedBlobs(db: Db, importId: string, at: string): number {
  let added = 0;
  for (const blob of stagedBlobs(db, importId)) {
    const stored = db
      .prepare(`SELECT id FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`)
      .get(blob.sha256);
    if (stored) continue;
    const blobId = randomUUID();
    db.prepare(
      `INSERT INTO attachment_blobs (id, state, sha256, size, chunk_size, created_at)
       VALUES (?, 'stored', ?, ?, ?, ?)`,
    ).run(blobId, blob.sha256, blob.size, ATTACHMENT_CHUNK_BYTES, at);
    db.prepare(
      `INSERT INTO attachment_chunks (blob_id, seq, data)
       SELECT ?, seq, data FROM transfer_staged_chunks WHERE import_id = ? AND sha256 = ? ORDER BY seq`,
    ).run(blobId, importId, blob.sha256);
    added++;
  }
  return added;
}

/** Empties the staging area of one import. */
export function clearStaging(db: Db, importId: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM transfer_staged_records WHERE import_id = ?').run(importId);
    db.prepare('DELETE FROM transfer_staged_chunks WHERE import_id = ?').run(importId);
    db.prepare('DELETE FROM transfer_staged_blobs WHERE import_id = ?').run(importId);
  })();
}

/** Empties the whole staging area (at the start of a session nothing can still be open). */
export function clearAllStaging(db: Db): void {
  db.transaction(() => {
    db.prepare('DELETE FROM transfer_staged_records').run();
    db.prepare('DELETE FROM transfer_staged_chunks').run();
    db.prepare('DELETE FROM transfer_staged_blobs').run();
  })();
}
