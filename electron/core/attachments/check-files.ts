import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';
import type { BlobFiles } from '../vault/blob-files';

/**
 * For `cli check`: every stored attachment file is read to its end (each chunk
 * authenticates) and its SHA-256 compared with the recorded one. A missing, cut,
 * altered or swapped file is listed by blob id; files no row names are counted (they
 * are removed at the next sign-in).
 */
export function checkStoredFiles(
  db: Db,
  files: BlobFiles,
): { checked: number; damaged: string[]; unreferenced: number } {
  const rows = db
    .prepare(
      `SELECT id, sha256, size FROM attachment_blobs WHERE store = 'files' AND state = 'stored' ORDER BY id`,
    )
    .all() as { id: string; sha256: string; size: number }[];
  const damaged: string[] = [];
  for (const row of rows) {
    try {
      const reader = files.open(files.dir, row.id);
      const hash = createHash('sha256');
      try {
        for (const chunk of reader.chunks()) hash.update(chunk);
      } finally {
        reader.close();
      }
      if (reader.size !== row.size || hash.digest('hex') !== row.sha256) damaged.push(row.id);
    } catch {
      damaged.push(row.id);
    }
  }
  const known = new Set(
    (db.prepare(`SELECT id FROM attachment_blobs WHERE store = 'files'`).all() as { id: string }[]).map(
      (r) => r.id,
    ),
  );
  const unreferenced = files.storedNames().filter((n) => !known.has(n)).length;
  return { checked: rows.length, damaged, unreferenced };
}
