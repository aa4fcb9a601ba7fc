/**
 * `npm run bench` (second part), on one benchmark vault (big-vault.mts: 2,000 units,
 * 20,000 persons, 100,000 intake items, 100,000 leads, half of them in one case):
 * - full-text search in the core, through the contract router as a group leader;
 * - ledger pages in the core (ledger-pages.mts);
 * - the first page of each ledger in Chromium after a click in the navigation
 *   (first-page.mts; needs the built renderer: `npm run bench` builds it first).
 * Prints p50/p95 figures as JSON. Figures, not assertions: machines are shared.
 */
import { BENCH_USER, seedBigVault } from './big-vault.mjs';
import { firstPageFigures } from './first-page.mjs';
import { ledgerFigures, percentile } from './ledger-pages.mjs';
import { value } from '../helpers/temp-vault';

const RUNS = 100;
const QUERIES: Record<string, Record<string, unknown>> = {
  'two chars (津贴)': { query: '津贴' },
  'two chars (公车)': { query: '公车' },
  'name (张伟)': { query: '张伟' },
  'phrase (违规发放津贴补贴)': { query: '违规发放津贴补贴' },
  'two words (财政局 宴请)': { query: '财政局 宴请' },
  'rare (火星基地)': { query: '火星基地' },
  'leads only, category': { query: '津贴', types: ['lead'], category: 'integrity' },
  'date range, page 5': { query: '补贴', dateFrom: '2026-04-01', dateTo: '2026-04-30', page: 5 },
  'one case, date range cut mid-month': { query: '津贴', dateFrom: '2026-03-15', dateTo: '2026-04-14' },
};

const started = Date.now();
const vault = await seedBigVault();
try {
  const { core, call } = vault.open();
  value(await call('session:unlock', { userName: BENCH_USER.name, passphrase: BENCH_USER.passphrase }));
  const db = () => core.context.db();
  const caseOf = (id: string) => ({
    id,
    intake: vault.rows.intake[id] ?? 0,
    leads: vault.rows.leads[id] ?? 0,
  });

  const search: Record<string, { p50Ms: number; p95Ms: number; total: number; rankedAmong: number | null }> =
    {};
  for (const [label, input] of Object.entries(QUERIES)) {
    const q = label.startsWith('one case') ? { ...input, caseId: vault.caseIds[0] } : input;
    let last = { total: 0, rankedAmong: null as number | null };
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const out = value(await call('search:query', q as never));
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      last = { total: out.total, rankedAmong: out.rankedAmong ?? null };
    }
    samples.sort((a, b) => a - b);
    search[label] = { p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), ...last };
  }
  const documents = (db().prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;

  const ledger = await ledgerFigures(
    call,
    db,
    [
      { label: 'biggest case', ...caseOf(vault.caseIds[0]!) },
      { label: 'typical case', ...caseOf(vault.caseIds[1]!) },
    ],
    vault.userIds.bench,
  );
  const [big] = value(await call('cases:list', {})).filter((c) => c.id === vault.caseIds[0]);
  value(await call('session:lock', {}));
  core.lock('shutdown');

  // Printed even when Chromium cannot run here (no renderer built, no browser).
  const firstPage = await firstPageFigures(vault.dir, BENCH_USER, `${big!.code} ${big!.unitName}`).catch(
    (err: unknown) => ({ error: String(err).split('\n')[0] }),
  );

  console.log(
    JSON.stringify(
      {
        vault: {
          units: 2_000,
          persons: 20_000,
          intake: Object.values(vault.rows.intake).reduce((a, b) => a + b, 0),
          leads: Object.values(vault.rows.leads).reduce((a, b) => a + b, 0),
          cases: vault.caseIds.length,
          seedSeconds: vault.seedSeconds,
        },
        search: {
          documents,
          runsPerQuery: RUNS,
          goalP95Ms: 30,
          worstP95Ms: Math.max(...Object.values(search).map((x) => x.p95Ms)),
          queries: search,
        },
        ledger,
        firstPageInChromium: firstPage,
        benchSeconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    ),
  );
} finally {
  vault.cleanup();
}
