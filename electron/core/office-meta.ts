import type { Db } from './db/open-database';

export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** The newest HLC this database has seen, so the clock never runs backwards across restarts. */
export function lastHlc(db: Db): string | null {
  const row = db.prepare('SELECT max(at_hlc) AS h FROM audit_log').get() as { h: string | null };
  return row.h;
}
