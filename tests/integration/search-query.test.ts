import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexRecord, unindexRecord, type SearchDoc } from '../../electron/core/search/search-index';
import type { SearchHit } from '../../shared/contracts/search';
import { activateUser, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

const PASS = 'Ceshi-mima-2026-x';
const INITIAL = 'Chushi-mima-2026-y';
const CASE_A = randomUUID();
const CASE_B = randomUUID();

const doc = (over: Partial<SearchDoc> & Pick<SearchDoc, 'type' | 'title' | 'body'>): SearchDoc => ({
  id: randomUUID(),
  caseId: CASE_A,
  date: '2026-03-01',
  category: null,
  ...over,
});

const DOCS = {
  allowanceIntake: doc({
    type: 'intake',
    title: '反映某县人民医院问题的来信',
    body: '来信反映该院财务科长期违规发放津贴补贴，每人每月一千二百元，涉及2025年度A3号文件。',
    date: '2026-02-10',
    category: 'integrity',
  }),
  allowanceLead: doc({
    type: 'lead',
    title: '违规发放津贴问题线索',
    body: '经初步了解，该局在年底以加班费名义发放奖金。',
    date: '2026-03-15',
    category: 'integrity',
  }),
  carLead: doc({
    type: 'lead',
    title: '公车私用问题线索',
    body: '该局副局长周末多次驾驶公务用车回老家。',
    caseId: CASE_B,
    category: 'integrity',
  }),
  sealedLead: doc({
    type: 'lead',
    title: '关于主要负责人津贴问题的线索',
    body: '反映主要负责人违规领取津贴。',
    sealed: true,
  }),
  person: doc({ type: 'person', title: '张伟', body: '某市财政局 副局长', date: null }),
  removed: doc({ type: 'intake', title: '已撤回的来信', body: '反映违规发放津贴，后撤回。' }),
};

describe('search:query', () => {
  const t = tempDir();
  let call: ReturnType<typeof makeCore>['call'];
  let core: ReturnType<typeof makeCore>['core'];
  let refused = new Set<string>();

  beforeAll(async () => {
    const admin = await setupVault(t.dir);
    value(
      await admin.call('users:create', {
        name: 'zuyuan',
        displayName: '组员',
        roles: ['member'],
        passphrase: INITIAL,
      }),
    );
    value(await admin.call('session:lock', {}));
    await activateUser(t.dir, 'zuyuan', INITIAL, PASS);
    ({ call, core } = makeCore(t.dir));
    value(await call('session:unlock', { userName: 'zuyuan', passphrase: PASS }));
    const db = core.context.db();
    db.transaction(() => {
      for (const d of Object.values(DOCS)) indexRecord(db, d);
      unindexRecord(db, 'intake', DOCS.removed.id);
    })();
    core.context.registerVisibility('lead', (id) => !refused.has(id));
  });
  afterAll(() => t.cleanup());

  const search = async (query: string, extra: Record<string, unknown> = {}) =>
    value(await call('search:query', { query, ...extra }));
  const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
  const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

  it('finds a two-character Chinese query and leaves out what does not contain it', async () => {
    const r = await search('津贴');
    expect(ids(r.hits).sort()).toEqual(
      [DOCS.allowanceIntake.id, DOCS.allowanceLead.id, DOCS.sealedLead.id].sort(),
    );
    expect(r.total).toBe(3);
    expect(ids((await search('公车')).hits)).toEqual([DOCS.carLead.id]);
    expect((await search('医生')).hits).toEqual([]);
  });

  it('ranks a title hit first and marks the matched spans', async () => {
    refused = new Set([DOCS.sealedLead.id]);
    const r = await search('津贴');
    expect(r.hits[0]!.id).toBe(DOCS.allowanceLead.id);
    expect(r.hits[0]!.title).toContainEqual({ text: '津贴', hit: true });
    const intake = r.hits.find((h) => h.id === DOCS.allowanceIntake.id)!;
    expect(intake.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['津贴']);
    expect(text(intake.snippet)).toContain('违规发放津贴补贴');
    refused = new Set();
  });

  it('matches longer phrases, several words and Latin letters with digits', async () => {
    expect(ids((await search('违规发放津贴')).hits).sort()).toEqual(
      [DOCS.allowanceIntake.id, DOCS.allowanceLead.id].sort(),
    );
    expect(ids((await search('财务科 2025')).hits)).toEqual([DOCS.allowanceIntake.id]);
    const a3 = await search('a3号');
    expect(ids(a3.hits)).toEqual([DOCS.allowanceIntake.id]);
    expect(a3.hits[0]!.snippet).toContainEqual({ text: 'A3号', hit: true });
    expect(ids((await search('张伟')).hits)).toEqual([DOCS.person.id]);
  });

  it('filters by record type, case, date range and category, and pages', async () => {
    expect(ids((await search('津贴', { types: ['intake'] })).hits)).toEqual([DOCS.allowanceIntake.id]);
    expect(ids((await search('问题', { caseId: CASE_B })).hits)).toEqual([DOCS.carLead.id]);
    const march = await search('津贴', { dateFrom: '2026-03-01', dateTo: '2026-03-31' });
    expect(ids(march.hits).sort()).toEqual([DOCS.allowanceLead.id, DOCS.sealedLead.id].sort());
    expect((await search('津贴', { category: 'political' })).total).toBe(0);
    expect((await search('津贴', { category: 'integrity' })).total).toBe(2);
    const p1 = await search('津贴', { pageSize: 2 });
    const p2 = await search('津贴', { pageSize: 2, page: 2 });
    expect(p1.hits).toHaveLength(2);
    expect(p2.hits).toHaveLength(1);
    expect(new Set([...ids(p1.hits), ...ids(p2.hits)]).size).toBe(3);
  });

  it('does not find a record removed from the index', async () => {
    expect(ids((await search('撤回')).hits)).toEqual([]);
    expect(ids((await search('津贴')).hits)).not.toContain(DOCS.removed.id);
  });

  it('finds a changed record by its new text only', async () => {
    const db = core.context.db();
    indexRecord(db, { ...DOCS.person, body: '某县人民医院 院长' });
    expect(ids((await search('财政局')).hits)).toEqual([]);
    expect(ids((await search('医院 院长')).hits)).toEqual([DOCS.person.id]);
  });

  it('hides sealed records from a user the visibility check refuses, in hits and counts', async () => {
    refused = new Set([DOCS.sealedLead.id]);
    const r = await search('津贴');
    expect(ids(r.hits)).not.toContain(DOCS.sealedLead.id);
    expect(r.total).toBe(2);
    const only = await search('主要负责人');
    expect(only).toMatchObject({ total: 0, hits: [] });
    refused = new Set();
    expect((await search('主要负责人')).total).toBe(1);
  });

  it('refuses bad queries with INPUT_INVALID', async () => {
    for (const input of [
      { query: '津' },
      { query: ' 津 ' },
      { query: '津'.repeat(101) },
      { query: '津贴', types: ['money'] },
      { query: '津贴', dateFrom: '2026-3-1' },
      { query: '津贴', pageSize: 500 },
      { query: '津贴', extra: 1 },
      { query: '——' },
      { query: '津贴', dateFrom: '2026-04-01', dateTo: '2026-03-01' },
    ]) {
      const r = await call('search:query', input as never);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(input)).toBe('INPUT_INVALID');
    }
  });

  it('offers the office discipline categories as filters', async () => {
    const r = value(await call('search:options', {}));
    expect(r.categories.map((c) => c.code)).toContain('integrity');
  });
});
