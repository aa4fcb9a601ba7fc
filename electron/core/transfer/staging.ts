import { randomUUID } from 'node:crypto';
import { bundleKey } from '../replication';
import { ATTACHMENT_CHUNK_BYTES } from '../../../shared/contracts/attachments';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { BlobFileError, type BlobFileWriter, type BlobFiles } from '../vault/blob-files';

/**
 * The staging area of an import in progress: the record lines and attachment contents
 * of a bundle being opened, as files of the vault's encrypted file store in the
 * folder `staging/import-<id>` (vault/blob-files.ts), and in the database only which
 * staged file holds which attachment (`transfer_staged_blobs`). Nothing here is domain
 * content until confirm renames the attachment files into the store and merges the
 * records in one transaction; `clearStaging` empties it on confirm, discard and
 * failure, and a new session starts with no staging at all.
 */

/** Record lines are staged in chunks of this size (one chunk in memory at a time). */
const RECORDS_CHUNK_BYTES = 1024 * 1024;
const RECORDS_FILE = 'records';
const TAB = 0x09;
const LF = 0x0a;

export const stagingArea = (importId: string) => `import-${importId}`;

/**
 * Record lines as they stream, one `type TAB line LF` each (a JSON line holds neither
 * a raw tab nor a raw line feed), into the staging area's encrypted `records` file.
 */
export class RecordStager {
  private readonly writer: BlobFileWriter;
  readonly counts: Record<string, number> = {};
  /** `bundleKey` of every staged record, for the preview's orphan check. */
  readonly keys = new Set<string>();

  constructor(files: BlobFiles, importId: string) {
    this.writer = files.create(files.stagingDir(stagingArea(importId)), RECORDS_FILE, RECORDS_CHUNK_BYTES);
  }

  add(type: string, id: string, line: string): void {
    this.writer.append(Buffer.from(`${type}\t${line}\n`, 'utf8'));
    this.counts[type] = (this.counts[type] ?? 0) + 1;
    this.keys.add(bundleKey(type, id));
  }

  /** Staging is not kept across a crash, so it is not synced. */
  finish(): void {
    this.writer.finish(false);
  }

  abort(): void {
    this.writer.abort();
  }
}

/** Staged files are authenticated: one that fails (altered, cut, gone) ends the import. */
function stagingIntact<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof BlobFileError) throw new AppError('TRANSFER_STAGING_DAMAGED');
    throw err;
  }
}

/** The staged lines of an import, in the order they arrived (parents first). */
export function* stagedLines(files: BlobFiles, importId: string): Generator<{ type: string; line: string }> {
  const reader = stagingIntact(() => files.open(files.stagingDir(stagingArea(importId)), RECORDS_FILE));
  try {
    let rest: Buffer = Buffer.alloc(0);
    for (let i = 0; i < reader.chunkCount; i++) {
      const chunk = stagingIntact(() => reader.chunk(i));
      const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = data.indexOf(LF); end >= 0; end = data.indexOf(LF, start)) {
        const tab = data.indexOf(TAB, start);
        yield {
          type: data.toString('utf8', start, tab),
          line: data.toString('utf8', tab + 1, end),
        };
        start = end + 1;
      }
      rest = data.subarray(start);
    }
  } finally {
    reader.close();
  }
}

/**
 * Stores one attachment entry as it streams into its own encrypted file, named by the
 * blob id it will have in the store. The container reader hashes exactly these bytes
 * and refuses the bundle when they do not match the entry's name (before the import
 * can be confirmed), so they are not hashed twice.
 */
export async function stageAttachment(
  db: Db,
  files: BlobFiles,
  importId: string,
  sha256: string,
  data: AsyncIterable<Buffer>,
): Promise<number> {
  const blobId = randomUUID();
  const writer = files.create(files.stagingDir(stagingArea(importId)), blobId, ATTACHMENT_CHUNK_BYTES);
  try {
    for await (const part of data) writer.append(part);
    // Synced when confirm moves it into the store (staging does not outlive a crash).
    writer.finish(false);
  } catch (err) {
    writer.abort();
    throw err;
  }
  db.prepare('INSERT INTO transfer_staged_blobs (import_id, sha256, blob_id, size) VALUES (?, ?, ?, ?)').run(
    importId,
    sha256,
    blobId,
    writer.size,
  );
  return writer.size;
}

export function stagedBlobs(db: Db, importId: string): { sha256: string; blob_id: string; size: number }[] {
  return db
    .prepare('SELECT sha256, blob_id, size FROM transfer_staged_blobs WHERE import_id = ? ORDER BY sha256')
    .all(importId) as { sha256: string; blob_id: string; size: number }[];
}

/**
 * Moves staged attachment files into the store (renames, made durable) for the
 * contents not stored yet, before the confirm transaction that registers them (so a
 * committed row never names a missing file). If that transaction fails, the caller
 * removes them again; after a crash the next session's tidy-up does. Returns the
 * blobs to register inside the transaction.
 */
export function moveStagedFiles(
  db: Db,
  files: BlobFiles,
  importId: string,
): { sha256: string; blob_id: string; size: number }[] {
  const known = db.prepare(`SELECT 1 FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`);
  const moving = stagedBlobs(db, importId).filter((b) => !known.get(b.sha256));
  const dir = files.stagingDir(stagingArea(importId));
  const moved: typeof moving = [];
  try {
    for (const b of moving) {
      stagingIntact(() => files.commitStaged(dir, b.blob_id));
      moved.push(b);
    }
  } catch (err) {
    for (const b of moved) files.removeStored(b.blob_id);
    throw err;
  }
  if (moving.length > 0) files.syncStoreDir();
  return moving;
}

/** Registers moved files as stored contents (inside the confirm transaction). */
export function registerMovedBlobs(
  db: Db,
  moved: readonly { sha256: string; blob_id: string; size: number }[],
  at: string,
): number {
  const insert = db.prepare(
    `INSERT INTO attachment_blobs (id, state, sha256, size, chunk_size, created_at, store)
     VALUES (?, 'stored', ?, ?, ?, ?, 'files')`,
  );
  for (const b of moved) insert.run(b.blob_id, b.sha256, b.size, ATTACHMENT_CHUNK_BYTES, at);
  return moved.length;
}

/** Empties the staging area of one import. */
export function clearStaging(db: Db, files: BlobFiles, importId: string): void {
  db.prepare('DELETE FROM transfer_staged_blobs WHERE import_id = ?').run(importId);
  files.removeStaging(stagingArea(importId));
}

/** Empties the whole staging area (at the start of a session nothing can still be open). */
export function clearAllStaging(db: Db, files: BlobFiles): void {
  db.prepare('DELETE FROM transfer_staged_blobs').run();
  files.removeAllStaging();
}
