import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../electron/core/db/open-database';
import { tempDir } from '../helpers/temp-vault';

/** Migration 0008: the replication state, its indexes and the per-office ledger sequences. */
describe('migration 0008 replication state', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const fresh = () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32), 'm.db');
    migrate(db, MIGRATIONS);
    return db;
  };
  const plan = (db: ReturnType<typeof fresh>, sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
      .map((p) => p.detail)
      .join(' ');

  it('serves incremental export and the conflict list from its indexes', () => {
    const db = fresh();
    expect(plan(db, 'SELECT record_id FROM replication_state WHERE changed_hlc > ?', 'x')).toMatch(
      /replication_state_changed/,
    );
    expect(plan(db, 'SELECT record_type, record_id FROM replication_state WHERE conflict = 1')).toMatch(
      /replication_state_conflicts/,
    );
    expect(
      plan(db, 'SELECT regs FROM replication_state WHERE record_type = ? AND record_id = ?', 'lead', 'x'),
    ).toMatch(/PRIMARY KEY|sqlite_autoindex_replication_state/);
    db.close();
  });

  it('lets two offices hold the same ledger sequence in a case, never one office twice', () => {
    const db = fresh();
    const h = '000000000000001-0000-a';
    db.prepare(
      `INSERT INTO units (id, origin_office, created_hlc, updated_hlc, name, unit_type) VALUES ('u', 'o1', ?, ?, 'U', 't')`,
    ).run(h, h);
    db.prepare(
      `INSERT INTO rounds (id, origin_office, created_hlc, updated_hlc, name, year, sequence) VALUES ('r', 'o1', ?, ?, 'R', 2026, 1)`,
    ).run(h, h);
    db.prepare(
      `INSERT INTO cases (id, origin_office, created_hlc, updated_hlc, round_id, unit_id, code, group_name, phase)
       VALUES ('c', 'o1', ?, ?, 'r', 'u', 'C', 'G', 'stationed')`,
    ).run(h, h);
    const lead = db.prepare(
      `INSERT INTO leads (id, origin_office, created_hlc, updated_hlc, case_id, year, seq, number, received_date, summary, status)
       VALUES (?, ?, ?, ?, 'c', 2026, 5, ?, '2026-05-01', 's', 'registered')`,
    );
    lead.run('l1', 'o1', h, h, 'N-5');
    lead.run('l2', 'o2', h, h, 'N-5-o2');
    expect(() => lead.run('l3', 'o1', h, h, 'N-5-again')).toThrow(/UNIQUE/);
    // The shown number stays unique among live rows.
    expect(() => lead.run('l4', 'o3', h, h, 'N-5')).toThrow(/UNIQUE/);
    db.close();
  });
});
