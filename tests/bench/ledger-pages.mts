/**
 * Ledger pages in the core (intake:page, leads:page through the contract router) on
 * the benchmark vault: p50/p95 of one page (filter + sort + page) for filter and sort
 * combinations people use, in the biggest case and in a typical one. Totals are
 * counted afresh on every call (the core keeps recent totals until the next write;
 * "next page" shows what that saves when turning pages).
 */
import { forgetLedgerCounts } from '../../electron/core/intake-leads/ledger-query';
import type { Db } from '../../electron/core/db/open-database';
import type { IntakePageInput, LeadPageInput } from '../../shared/contracts/intake-leads-ledger';
import type { TypedCall } from '../helpers/temp-vault';
import { value } from '../helpers/temp-vault';

const RUNS = 50;

export function intakeCombos(): Record<string, Omit<IntakePageInput, 'caseId'>> {
  return {
    'newest first (default)': {},
    'open, by received date': { statuses: ['open'], sort: 'receivedDate' },
    'calls and visits still open, due soonest': {
      channels: ['call', 'visit'],
      statuses: ['open'],
      sort: 'dueDate',
      order: 'asc',
    },
    'overdue only, due soonest': { overdueOnly: true, sort: 'dueDate', order: 'asc' },
    'April without owner, by status': {
      receivedFrom: '2026-04-01',
      receivedTo: '2026-04-30',
      owner: 'none',
      sort: 'status',
    },
    'real name, undecided, 200 rows': { realName: true, scopes: ['none'], pageSize: 200 },
    'page 40': { page: 40 },
  };
}

export function leadCombos(ownerId: string): Record<string, Omit<LeadPageInput, 'caseId'>> {
  return {
    'newest first (default)': {},
    'integrity in progress, deadline soonest': {
      disciplines: ['integrity'],
      statuses: ['in_progress'],
      sort: 'deadline',
      order: 'asc',
    },
    'overdue only, deadline soonest': { overdueOnly: true, sort: 'deadline', order: 'asc' },
    'transfers received in May': {
      disposals: ['transfer_discipline_commission', 'transfer_organisation_department'],
      receivedFrom: '2026-05-01',
      receivedTo: '2026-05-31',
      sort: 'receivedDate',
    },
    'by status, 200 rows': { sort: 'status', pageSize: 200 },
    'my leads': { owner: ownerId },
  };
}

/** The optional free-text filter (part of the number or summary): a scan of the case's summaries. */
export const TEXT_COMBOS = {
  intake: { 'text 津贴': { text: '津贴' } } as Record<string, Omit<IntakePageInput, 'caseId'>>,
  leads: { 'text 公车': { text: '公车' } } as Record<string, Omit<LeadPageInput, 'caseId'>>,
};

export interface Figure {
  p50Ms: number;
  p95Ms: number;
  total: number;
}

export function percentile(sorted: number[], q: number): number {
  return +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
}

async function measure(
  db: () => Db,
  run: () => Promise<{ total: number }>,
  fresh: boolean,
  runs = RUNS,
): Promise<Figure> {
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    if (fresh) forgetLedgerCounts(db());
    const t0 = process.hrtime.bigint();
    total = (await run()).total;
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), total };
}

export async function ledgerFigures(
  call: TypedCall,
  db: () => Db,
  cases: { label: string; id: string; intake: number; leads: number }[],
  ownerId: string,
) {
  const out: Record<string, unknown> = {};
  const worst = { core: 0, text: 0 };
  for (const c of cases) {
    const intake: Record<string, Figure> = {};
    const leads: Record<string, Figure> = {};
    for (const [label, input] of Object.entries({ ...intakeCombos(), ...TEXT_COMBOS.intake })) {
      intake[label] = await measure(
        db,
        async () => value(await call('intake:page', { caseId: c.id, ...input })),
        true,
      );
    }
    for (const [label, input] of Object.entries({ ...leadCombos(ownerId), ...TEXT_COMBOS.leads })) {
      leads[label] = await measure(
        db,
        async () => value(await call('leads:page', { caseId: c.id, ...input })),
        true,
      );
    }
    // Turning pages with a filter on: the total is counted once.
    let page = 1;
    const nextPage = await measure(
      db,
      async () =>
        value(await call('intake:page', { caseId: c.id, statuses: ['open'], page: (page++ % 40) + 1 })),
      false,
    );
    for (const [label, f] of [...Object.entries(intake), ...Object.entries(leads)]) {
      const kind = label.startsWith('text ') ? 'text' : 'core';
      worst[kind] = Math.max(worst[kind], f.p95Ms);
    }
    out[c.label] = {
      caseRows: { intake: c.intake, leads: c.leads },
      intake,
      leads,
      nextPageOpenItems: nextPage,
    };
  }
  return {
    runsPerCombination: RUNS,
    goalP95Ms: 30,
    worstP95Ms: worst.core,
    worstTextP95Ms: worst.text,
    cases: out,
  };
}
