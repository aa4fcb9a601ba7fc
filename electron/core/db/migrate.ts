import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import type { Db } from './open-database';
import type { Migration } from './migrations/migration';

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(`${m.version}\n${m.name}\n${m.sql}`).digest('hex');
}

/** Versions must run 1, 2, 3… with no gap or repeat. */
export function assertMonotonic(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
}

export function schemaVersion(db: Db): number {
  const row = db
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'`)
    .get() as { name: string } | undefined;
  if (!row) return 0;
  const v = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return v.v ?? 0;
}

function ensureMigrationsTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
}

/**
 * Checks the applied migrations against the shipped list without changing
 * anything: refuses a database written by a newer Mingjing and one whose applied
 * migrations no longer match the shipped text (an edited migration).
 */
export function verifyMigrations(
  db: Db,
  migrations: readonly Migration[],
): { current: number; latest: number } {
  assertMonotonic(migrations);
  const latest = migrations.length;
  if (schemaVersion(db) === 0) return { current: 0, latest };
  const applied = db.prepare('SELECT version, hash FROM schema_migrations ORDER BY version').all() as {
    version: number;
    hash: string;
  }[];
  const current = applied.length ? applied[applied.length - 1]!.version : 0;
  if (current > latest) throw new AppError('VAULT_DB_TOO_NEW', { found: current, supported: latest });
  for (const row of applied) {
    const shipped = migrations[row.version - 1];
    if (!shipped || migrationHash(shipped) !== row.hash) {
      throw new AppError('VAULT_MIGRATION_EDITED', { version: row.version });
    }
  }
  return { current, latest };
}

/** Brings the database to the newest version, all pending migrations in one transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  const { current: from, latest } = verifyMigrations(db, migrations);
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    ensureMigrationsTable(db);
    const insert = db.prepare(
      'INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (?, ?, ?, ?)',
    );
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      insert.run(m.version, m.name, migrationHash(m), new Date().toISOString());
    }
  })();
  return { from, to: latest };
}
