import type { Db } from './db/open-database';

/** Live (non-tombstoned) rows of every record table, plus the audit log length. */
export function recordCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
    if (!columns.some((c) => c.name === 'deleted_hlc')) continue;
    counts[name] = (
      db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE deleted_hlc IS NULL`).get() as { n: number }
    ).n;
  }
  counts.audit_log = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return counts;
}
