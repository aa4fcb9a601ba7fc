import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { forgetLedgerCounts } from '../../electron/core/intake-leads/ledger-query';
import {
  INTAKE_SORT_KEYS,
  LEAD_SORT_KEYS,
  type IntakePageInput,
  type LeadPageInput,
} from '../../shared/contracts/intake-leads-ledger';
import { setupCaseVault } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * The query plans of the ledger pages (migration 0005's "Ledger pages" indexes):
 * each sort key is read in its index's order (no sort of the whole case), totals
 * are counted from an index alone, and the expressions in ledger-sql.ts still match
 * the indexed ones. A plan that sorts or reads table rows stays correct but grows
 * with the case, which the bench would show only at 100,000 rows.
 */

const t = tempDir();
let v: Awaited<ReturnType<typeof setupCaseVault>>;
let db: Db;
let seen: string[] = [];

beforeAll(async () => {
  v = await setupCaseVault(t.dir);
  await v.as('intake');
  value(
    await v.call('intake:create', {
      caseId: v.caseId,
      channel: 'letter',
      receivedDate: '2026-04-01',
      realName: false,
      summary: '反映津贴问题',
      content: '内容。',
    }),
  );
  await v.as('leader');
  value(
    await v.call('leads:create', {
      caseId: v.caseId,
      receivedDate: '2026-04-01',
      summary: '违规发放津贴',
      discipline: 'integrity',
      subjects: [{ personId: v.personIds.clerk }],
      sources: [{ kind: 'talk' }],
    }),
  );
}, 120_000);

/** Signs in (a new connection) and records the statements the pages run on it. */
async function signIn(key: 'leader') {
  await v.as(key);
  db = v.core.context.db();
  const prepare = db.prepare.bind(db);
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    seen.push(sql);
    return prepare(sql);
  };
}
afterAll(() => t.cleanup());

function bind(sql: string, params: Record<string, unknown>): Record<string, unknown> {
  const value = (name: string) =>
    params[name] ?? (name === 'limit' ? 50 : name === 'offset' ? 0 : name === 'hidden' ? '[]' : 'x');
  return Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1]!, value(m[1]!)]));
}

function planOf(sql: string, params: Record<string, unknown>): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bind(sql, params)) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

/**
 * Whether the statement reads a column of the ledger tables themselves (not only of an
 * index). SQLite reports a partial index as "USING INDEX" even when it needs no
 * table row, so the program is checked: a table cursor that no Column reads is only
 * ever seeked lazily (DeferredSeek) and costs nothing.
 */
function readsTableRows(sql: string, params: Record<string, unknown>, tables: string[]): boolean {
  const roots = new Set(
    tables.map(
      (table) =>
        (
          db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as {
            rootpage: number;
          }
        ).rootpage,
    ),
  );
  const program = db.prepare(`EXPLAIN ${sql}`).all(bind(sql, params)) as {
    opcode: string;
    p1: number;
    p2: number;
  }[];
  const cursors = new Set(
    program.filter((op) => op.opcode === 'OpenRead' && roots.has(op.p2)).map((op) => op.p1),
  );
  return program.some((op) => op.opcode === 'Column' && cursors.has(op.p1));
}

/** The count and the row query a page runs. */
async function plans(channel: 'intake:page' | 'leads:page', input: Record<string, unknown>) {
  forgetLedgerCounts(db);
  seen = [];
  const out = value(await v.call(channel, { caseId: v.caseId, ...input } as never));
  expect(out.total, 'the plan tests need a matching row').toBeGreaterThan(0);
  const count = seen.find((s) => /^SELECT count\(\*\) AS n FROM \w+ \w INDEXED BY/.test(s))!;
  const rows = seen.find((s) => /ORDER BY .* LIMIT @limit OFFSET @offset/s.test(s))!;
  const params = {
    caseId: v.caseId,
    userId: v.userIds.leader,
    today: '2026-05-01',
    decisionCutoff: '2026-04-20',
  };
  const tables =
    channel === 'intake:page' ? ['intake_items', 'intake_replies'] : ['leads', 'lead_sealed_users'];
  return {
    count: planOf(count, params),
    countReadsRows: readsTableRows(count, params, tables),
    rows: planOf(rows, params),
    rowsReadRows: readsTableRows(rows, params, tables),
  };
}

describe('ledger page plans', () => {
  it('walks each intake sort index in order, both ways, with no sort step', async () => {
    await signIn('leader');
    const index = { number: 'number', receivedDate: 'received', dueDate: 'due', status: 'status' };
    for (const sort of INTAKE_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const p = await plans('intake:page', { sort, order } satisfies Omit<IntakePageInput, 'caseId'>);
        expect(p.rows, `${sort} ${order}`).toContain(`USING INDEX intake_page_${index[sort]} (case_id=?)`);
        expect(p.rows, `${sort} ${order}`).not.toContain('TEMP B-TREE');
        expect(p.count).toContain('USING INDEX intake_page_number');
        expect(p.countReadsRows).toBe(false);
      }
    }
  });

  it('walks each lead sort index in order, both ways, with no sort step', async () => {
    await signIn('leader');
    const index = { number: 'number', receivedDate: 'received', deadline: 'deadline', status: 'status' };
    for (const sort of LEAD_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const p = await plans('leads:page', { sort, order } satisfies Omit<LeadPageInput, 'caseId'>);
        expect(p.rows, `${sort} ${order}`).toContain(`USING INDEX leads_page_${index[sort]} (case_id=?)`);
        expect(p.rows, `${sort} ${order}`).not.toContain('TEMP B-TREE');
        expect(p.count).toContain('USING INDEX leads_page_number');
        expect(p.countReadsRows).toBe(false);
      }
    }
  });

  it('counts filtered totals from the filter index alone, overdue included', async () => {
    await signIn('leader');
    const intake = await plans('intake:page', {
      statuses: ['open'],
      channels: ['letter'],
      scopes: ['none'],
      realName: false,
      receivedFrom: '2026-01-01',
      owner: 'none',
      overdueOnly: true,
    });
    expect(intake.count).toContain('USING INDEX intake_page_filter');
    expect(intake.count).toContain('USING INDEX intake_replies_kind (intake_id=? AND kind=?)');
    expect(intake.countReadsRows).toBe(false);
    const leads = await plans('leads:page', {
      statuses: ['registered'],
      disposals: ['none'],
      disciplines: ['integrity'],
      receivedTo: '2026-12-31',
      owner: 'none',
      overdueOnly: true,
    });
    expect(leads.count).toContain('USING INDEX leads_page_filter');
    expect(leads.countReadsRows).toBe(false);
    // A narrow filter on a small case: the page is picked from the filter index too.
    expect(leads.rows).toContain('USING INDEX leads_page_filter');
    expect(leads.rowsReadRows).toBe(false);
  });

  it('searches the number and summary in their own index', async () => {
    await signIn('leader');
    const p = await plans('intake:page', { text: '津贴' });
    expect(p.count).toContain('USING INDEX intake_page_text');
    expect(p.countReadsRows).toBe(false);
    const l = await plans('leads:page', { text: '津贴' });
    expect(l.count).toContain('USING INDEX leads_page_text');
    expect(l.countReadsRows).toBe(false);
  });
});
