import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../electron/core/db/open-database';
import type { BlobFiles } from '../../electron/core/vault/blob-files';

/**
 * A fingerprint of a vault's content: per table, its row count and a SHA-256 over
 * every row (rows serialised column by column, sorted, so the order of storage does
 * not matter; BLOBs as hex). Virtual tables are skipped (their shadow tables are
 * ordinary tables and are hashed). With the vault's file store, also its stored files
 * (name and SHA-256 of the decrypted content, as `files`) and how many staged files
 * exist (`files:staging`). Used to prove an operation changed nothing.
 */
export interface VaultContent {
  counts: Record<string, number>;
  hashes: Record<string, string>;
}

const cell = (v: unknown): string =>
  v === null ? '∅' : Buffer.isBuffer(v) ? `x${v.toString('hex')}` : `${typeof v}:${String(v)}`;

export function vaultContent(db: Db, files?: BlobFiles): VaultContent {
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((r) =>
      r.map(cell).join('\u001f'),
    );
    rows.sort();
    const hash = createHash('sha256');
    for (const r of rows) hash.update(r).update('\u001e');
    counts[table] = rows.length;
    hashes[table] = hash.digest('hex');
  }
  if (files) {
    const hash = createHash('sha256');
    const names = files.storedNames().sort();
    for (const name of names) {
      const reader = files.open(files.dir, name);
      const content = createHash('sha256');
      for (const chunk of reader.chunks()) content.update(chunk);
      reader.close();
      hash.update(`${name}:${content.digest('hex')}\u001e`);
    }
    counts.files = names.length;
    hashes.files = hash.digest('hex');
    counts['files:staging'] = readdirSync(join(files.dir, 'staging'), { recursive: true }).length;
  }
  return { counts, hashes };
}

/**
 * The content minus the tables an operation is allowed to touch (for a refused import:
 * the audit log and the import register, which record the refusal).
 */
export function contentExcept(content: VaultContent, allowed: readonly string[]): VaultContent {
  const keep = (o: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !allowed.includes(k)));
  return {
    counts: keep(content.counts) as Record<string, number>,
    hashes: keep(content.hashes) as Record<string, string>,
  };
}
