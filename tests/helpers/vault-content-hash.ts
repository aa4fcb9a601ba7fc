import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/db/open-database';

/**
 * A fingerprint of a vault's content: per table, its row count and a SHA-256 over
 * every row (rows serialised column by column, sorted, so the order of storage does
 * not matter; BLOBs as hex). Virtual tables are skipped (their shadow tables are
 * ordinary tables and are hashed). Used to prove an operation changed nothing.
 */
export interface VaultContent {
  counts: Record<string, number>;
  hashes: Record<string, string>;
}

const cell = (v: unknown): string =>
  v === null ? '∅' : Buffer.isBuffer(v) ? `x${v.toString('hex')}` : `${typeof v}:${String(v)}`;

export function vaultContent(db: Db): VaultContent {
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
