import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { dateRangeTokens as tokensOf, MAX_DATE_TOKENS } from '../../electron/core/search/search-facets';
import { indexRecord, type SearchDoc } from '../../electron/core/search/search-index';
import { RANK_CAP, runSearch } from '../../electron/core/search/search-query';
import { activateUser, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

/**
 * Search filters as facet terms of the full-text query (search-facets.ts), and the
 * bounded ranking of very common words: checked against the documents indexed here.
 */

const t = tempDir();
let db: Db;
let CASES: [string, string, string];
const docs: SearchDoc[] = [];
const BULK = RANK_CAP + 150;

const search = (
  query: string,
  extra: Record<string, unknown> = {},
  hidden: string[] = [],
  canSee = () => true,
) => runSearch(db, { query, page: 1, pageSize: 50, ...extra }, canSee, hidden);

beforeAll(async () => {
  const admin = await setupVault(t.dir);
  value(
    await admin.call('users:create', {
      name: 'zuzhang',
      displayName: '组长',
      roles: ['group_leader'],
      passphrase: 'Chushi-mima-2026-y',
    }),
  );
  value(await admin.call('session:lock', {}));
  await activateUser(t.dir, 'zuzhang', 'Chushi-mima-2026-y', 'Ceshi-mima-2026-x');
  const { call, core } = makeCore(t.dir);
  value(await call('session:unlock', { userName: 'zuzhang', passphrase: 'Ceshi-mima-2026-x' }));
  db = core.context.db();
  const unit = value(await call('units:save', { name: '某市交通运输局', unitType: 'party_government' }));
  const round = value(await call('rounds:save', { name: '2026年第一轮巡察', year: 2026, sequence: 1 }));
  const kase = async (code: string) =>
    value(
      await call('cases:save', {
        roundId: round.id,
        unitId: unit.id,
        code,
        groupName: code,
        phase: 'stationed',
      }),
    ).id;
  CASES = [await kase('2026-1-01'), await kase('2026-1-02'), await kase('2026-1-03')];
  const add = (doc: Omit<SearchDoc, 'id'>) => docs.push({ id: randomUUID(), ...doc });
  // Dates around month ends and a year end, in three cases, of several types and categories.
  for (const [k, date] of [
    '2025-12-31',
    '2026-01-01',
    '2026-03-31',
    '2026-04-01',
    '2026-04-15',
    '2026-04-30',
    '2026-05-01',
  ].entries()) {
    add({
      type: k % 2 ? 'lead' : 'intake',
      caseId: CASES[k % 3]!,
      title: `反映违规发放津贴问题${k}`,
      body: '来信反映违规发放津贴。',
      category: k % 2 ? 'integrity' : 'work',
      date,
    });
  }
  add({ type: 'person', caseId: null, title: '张津贴', body: '某局 科员' });
  add({
    type: 'lead',
    caseId: CASES[0],
    title: '主要负责人津贴问题',
    body: '密',
    date: '2026-04-02',
    sealed: true,
  });
  // Many matches for one word: more than the ranking looks at. One of the oldest has it in its title.
  for (let i = 0; i < BULK; i++) {
    add({
      type: 'intake',
      caseId: CASES[1],
      title: i === 3 ? '公车私用问题' : `来信${i}`,
      body: '反映公车私用问题。',
      date: '2026-02-10',
      category: i < 20 ? 'integrity' : null,
    });
  }
  db.transaction(() => docs.forEach((d) => indexRecord(db, d)))();
});
afterAll(() => t.cleanup());

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();
const expected = (keep: (d: SearchDoc) => boolean) =>
  docs
    .filter((d) => d.title.includes('津贴') || d.body.includes('津贴'))
    .filter(keep)
    .map((d) => d.id)
    .sort();

describe('search facets', () => {
  it('writes a date range as whole months and the days of cut months', () => {
    // Without the private-use mark every facet token starts with.
    const dateRangeTokens = (from: string, to: string) => tokensOf(from, to)?.map((t) => t.slice(1)) ?? null;
    expect(tokensOf('2026-04-01', '2026-04-30')).toEqual(['\uE000m202604']);
    expect(dateRangeTokens('2026-04-01', '2026-04-30')).toEqual(['m202604']);
    expect(dateRangeTokens('2026-03-30', '2026-05-01')).toEqual([
      'd20260330',
      'd20260331',
      'm202604',
      'd20260501',
    ]);
    expect(dateRangeTokens('2025-12-01', '2026-02-28')).toEqual(['m202512', 'm202601', 'm202602']);
    expect(dateRangeTokens('2024-02-28', '2024-03-01')).toEqual(['d20240228', 'd20240229', 'd20240301']);
    expect(dateRangeTokens('2026-04-02', '2026-04-01')).toEqual([]);
    expect(dateRangeTokens('1900-01-02', '2100-01-01')).toBeNull();
    expect(tokensOf('2000-01-01', '2020-12-31')!.length).toBeLessThanOrEqual(MAX_DATE_TOKENS);
  });

  it('filters by date range exactly at month and year boundaries, open ends included', () => {
    const ranges: [string | undefined, string | undefined][] = [
      ['2026-04-01', '2026-04-30'],
      ['2026-03-31', '2026-05-01'],
      ['2026-04-02', '2026-04-29'],
      ['2025-12-31', '2026-01-01'],
      [undefined, '2026-03-31'],
      ['2026-04-15', undefined],
      ['2027-01-01', undefined],
      // Too wide for facet tokens: each match's date is read instead.
      ['1900-01-02', '2100-01-01'],
    ];
    for (const [from, to] of ranges) {
      const r = search('津贴', { ...(from ? { dateFrom: from } : {}), ...(to ? { dateTo: to } : {}) });
      const want = expected((d) => !!d.date && (!from || d.date >= from) && (!to || d.date <= to));
      expect(ids(r), `${from}..${to}`).toEqual(want);
      expect(r.total).toBe(want.length);
    }
  });

  it('never matches a facet with typed words', () => {
    for (const q of ['m202604', 'd20260415', 'cnone', 'xsealed', '202604']) {
      expect(
        search(q).hits.map((h) => h.title.map((x) => x.text).join('')),
        q,
      ).toEqual([]);
    }
  });

  it('filters by type, case and category, alone and together', () => {
    expect(ids(search('津贴', { types: ['lead'] }))).toEqual(expected((d) => d.type === 'lead'));
    expect(ids(search('津贴', { types: ['person', 'intake'] }))).toEqual(
      expected((d) => d.type === 'person' || d.type === 'intake'),
    );
    expect(ids(search('津贴', { caseId: CASES[2] }))).toEqual(expected((d) => d.caseId === CASES[2]));
    expect(ids(search('津贴', { category: 'integrity', types: ['lead'], dateFrom: '2026-04-01' }))).toEqual(
      expected((d) => d.category === 'integrity' && d.type === 'lead' && (d.date ?? '') >= '2026-04-01'),
    );
  });

  it('leaves out the cases the caller is not in, however few or many they are in', () => {
    // In one case of three (named positively) and in two (the third left out).
    for (const hidden of [[CASES[1], CASES[2]], [CASES[2]]]) {
      const r = search('津贴', {}, hidden);
      expect(ids(r)).toEqual(expected((d) => !d.caseId || !hidden.includes(d.caseId)));
      expect(r.total).toBe(r.hits.length);
    }
    expect(search('津贴', { caseId: CASES[2] }, [CASES[2]]).total).toBe(0);
  });

  it('counts a sealed match only for those who may see it', () => {
    const sealed = docs.find((d) => d.sealed)!;
    const refused = search('津贴', { dateFrom: '2026-04-02', dateTo: '2026-04-02' }, [], () => false);
    expect(refused).toMatchObject({ total: 0, hits: [] });
    const allowed = search('津贴', { dateFrom: '2026-04-02', dateTo: '2026-04-02' });
    expect(ids(allowed)).toEqual([sealed.id]);
  });

  it('ranks every match when there are few, the newest ones when there are very many', () => {
    expect(search('津贴').rankedAmong).toBeNull();
    const many = search('公车', { pageSize: 10 });
    expect(many.total).toBe(BULK);
    expect(many.rankedAmong).toBe(RANK_CAP);
    // Paging reaches every match once: the newest RANK_CAP ranked, then the older ones, newest first.
    const order: string[] = [];
    for (let page = 1; page <= Math.ceil(BULK / 50); page++) {
      order.push(...runSearch(db, { query: '公车', page, pageSize: 50 }, () => true).hits.map((h) => h.id));
    }
    expect(new Set(order).size).toBe(BULK);
    const rowid = (id: string) =>
      (db.prepare('SELECT rowid FROM search_docs WHERE entity_id = ?').get(id) as { rowid: number }).rowid;
    const byAge = [...order].sort((a, b) => rowid(b) - rowid(a));
    expect(new Set(order.slice(0, RANK_CAP))).toEqual(new Set(byAge.slice(0, RANK_CAP)));
    expect(order.slice(RANK_CAP)).toEqual(byAge.slice(RANK_CAP));
    // The one with the word in its title is among the oldest: not ranked, listed with the rest.
    const titled = docs.find((d) => d.title === '公车私用问题')!;
    expect(order.indexOf(titled.id)).toBeGreaterThanOrEqual(RANK_CAP);
    // Narrowed to few matches, all are ranked and it comes first.
    const few = search('公车', { category: 'integrity', pageSize: 5 });
    expect(few).toMatchObject({ total: 20, rankedAmong: null });
    expect(few.hits[0]!.id).toBe(titled.id);
  });
});
