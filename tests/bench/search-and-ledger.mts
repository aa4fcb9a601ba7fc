/**
 * `npm run bench` (second part): full-text search in the core over a seeded index
 * of ~200,000 documents in a real encrypted vault, through the contract router as a
 * group leader. Prints p50/p95 per query kind as JSON. Figures, not assertions.
 * The documents are written straight into the index (indexRecord) with the seed
 * generator's texts: seeding 200,000 records through every channel takes minutes.
 */
import { randomUUID } from 'node:crypto';
import { indexRecord, type SearchDoc } from '../../electron/core/search/search-index';
import { complaint } from '../../electron/core/search/seed/complaints';
import { Random } from '../../electron/core/search/seed/random';
import { GIVEN_NAMES, SURNAMES, unitNames } from '../../electron/core/search/seed/bench-words';
import { activateUser, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

const COUNTS = { unit: 2_000, person: 20_000, intake: 89_000, lead: 89_000 };
const CASES = 40;
const RUNS = 200;
const QUERIES: Record<string, Record<string, unknown>> = {
  'two chars (津贴)': { query: '津贴' },
  'two chars (公车)': { query: '公车' },
  'name (张伟)': { query: '张伟' },
  'phrase (违规发放津贴补贴)': { query: '违规发放津贴补贴' },
  'two words (财政局 宴请)': { query: '财政局 宴请' },
  'rare (火星基地)': { query: '火星基地' },
  'leads in one case, category': { query: '津贴', types: ['lead'], category: 'integrity' },
  'date range, page 5': { query: '补贴', dateFrom: '2026-04-01', dateTo: '2026-04-30', page: 5 },
};

function p(sorted: number[], q: number): number {
  return +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
}

const t = tempDir('mj-bench-search-');
try {
  const admin = await setupVault(t.dir);
  value(
    await admin.call('users:create', {
      name: 'bench',
      displayName: '组长',
      roles: ['group_leader'],
      passphrase: 'Chushi-mima-2026-y',
    }),
  );
  value(await admin.call('session:lock', {}));
  await activateUser(t.dir, 'bench', 'Chushi-mima-2026-y', 'Ceping-mima-2026-q');
  const { core, call } = makeCore(t.dir);
  value(await call('session:unlock', { userName: 'bench', passphrase: 'Ceping-mima-2026-q' }));
  const db = core.context.db();

  const r = new Random(7);
  const caseIds = Array.from({ length: CASES }, () => randomUUID());
  const units = unitNames(COUNTS.unit);
  const name = () => r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
  const docs = function* (): Generator<SearchDoc> {
    for (const u of units)
      yield { type: 'unit', id: randomUUID(), caseId: null, title: u, body: `${u} 领导班子` };
    for (let i = 0; i < COUNTS.person; i++) {
      yield {
        type: 'person',
        id: randomUUID(),
        caseId: null,
        title: name(),
        body: `${r.pick(units)} 副局长`,
      };
    }
    for (const type of ['intake', 'lead'] as const) {
      for (let i = 0; i < COUNTS[type]; i++) {
        const c = complaint(r, { person: name(), unit: r.pick(units), post: '副局长' }, 2026);
        yield {
          type,
          id: randomUUID(),
          caseId: r.pick(caseIds),
          title: type === 'lead' ? c.leadSummary.slice(0, 60) : c.summary,
          body: type === 'lead' ? c.leadSummary : c.content,
          category: c.discipline,
          date: r.date('2026-03-01', '2026-05-31'),
          sealed: type === 'lead' && r.chance(0.005),
        };
      }
    }
  };
  const started = Date.now();
  let n = 0;
  db.exec('BEGIN');
  for (const doc of docs()) {
    indexRecord(db, doc);
    if (++n % 5_000 === 0) db.exec('COMMIT; BEGIN');
  }
  db.exec('COMMIT');
  const indexSeconds = (Date.now() - started) / 1000;

  const results: Record<string, { p50Ms: number; p95Ms: number; total: number }> = {};
  for (const [label, input] of Object.entries(QUERIES)) {
    let total = 0;
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const out = value(await call('search:query', input as never));
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      total = out.total;
    }
    samples.sort((a, b) => a - b);
    results[label] = { p50Ms: p(samples, 0.5), p95Ms: p(samples, 0.95), total };
  }
  const all = Object.values(results);
  console.log(
    JSON.stringify(
      {
        search: {
          documents: n,
          indexSeconds,
          runsPerQuery: RUNS,
          goalP95Ms: 30,
          worstP95Ms: Math.max(...all.map((x) => x.p95Ms)),
          queries: results,
        },
      },
      null,
      2,
    ),
  );
  value(await call('session:lock', {}));
} finally {
  t.cleanup();
}
