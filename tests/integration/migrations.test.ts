import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../electron/core/db/open-database';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { AppError } from '../../electron/core/errors';
import { FAST_KDF, tempDir } from '../helpers/temp-vault';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('migrations', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('are numbered 1, 2, 3… with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('install fresh to the newest version with STRICT tables', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32), 'm.db');
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema='main' AND type='table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThan(2);
    for (const t of tables) expect(t, `${t.name} is STRICT`).toMatchObject({ strict: 1 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The unlock path looks users up by name through the partial unique index.
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM users WHERE name = ? AND deleted_hlc IS NULL`)
      .all('x') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/users_live_name/);
    db.close();
  });

  for (let from = 1; from < MIGRATIONS.length; from++) {
    it(`upgrade from version ${from} keeps the data`, () => {
      const t = tempDir();
      cleanup = t.cleanup;
      const key = randomBytes(32);
      const path = join(t.dir, 'm.db');
      let db = openEncryptedDatabase(path, key, 'm.db');
      migrate(db, MIGRATIONS.slice(0, from));
      const id = randomUUID();
      db.prepare(
        `INSERT INTO users (id, origin_office, created_hlc, updated_hlc, name, display_name, roles) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        randomUUID(),
        '000000000000001-0000-a',
        '000000000000001-0000-a',
        'old',
        '旧用户',
        '["member"]',
      );
      db.close();
      db = openEncryptedDatabase(path, key, 'm.db');
      expect(migrate(db, MIGRATIONS)).toEqual({ from, to: MIGRATIONS.length });
      expect(db.prepare('SELECT name, display_name FROM users WHERE id = ?').get(id)).toEqual({
        name: 'old',
        display_name: '旧用户',
      });
      db.close();
    });
  }

  it('refuse an edited shipped migration and a database from a newer version', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const first = { userId: randomUUID(), userName: 'admin', passphrase: 'Anquan-Guanli-2026' };
    const { vault } = await createVault(t.dir, first, { kdfCost: FAST_KDF });
    vault.close();
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- a quiet edit` } : m));
    expect(await codeOf(unlockVault(t.dir, 'admin', first.passphrase, { migrations: edited }))).toBe(
      'VAULT_MIGRATION_EDITED',
    );
    expect(
      await codeOf(unlockVault(t.dir, 'admin', first.passphrase, { migrations: MIGRATIONS.slice(0, 1) })),
    ).toBe('VAULT_DB_TOO_NEW');
    // Nothing was changed by the refusals: the real list still opens it.
    const ok = await unlockVault(t.dir, 'admin', first.passphrase, {});
    expect(schemaVersion(ok.vault.db)).toBe(MIGRATIONS.length);
    ok.vault.close();
  });
});
