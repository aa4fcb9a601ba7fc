import type { z } from 'zod';
import type {
  LeadLedgerRow,
  LeadPage,
  leadPageInputSchema,
} from '../../../shared/contracts/intake-leads-ledger';
import { NONE } from '../../../shared/contracts/intake-leads-ledger';
import type { Db } from '../db/open-database';
import { ledgerRowids } from './ledger-query';
import {
  LEADS_HIDDEN,
  LEAD_DEADLINE_SORT,
  LEAD_OVERDUE,
  LEAD_STATUS_SORT,
  inList,
  likeContains,
} from './ledger-sql';

type Input = z.output<typeof leadPageInputSchema>;

/** Each sort key, as written in its index (migration 0005). */
const SORTS: Record<Input['sort'], { expr: string | null; index: string }> = {
  number: { expr: null, index: 'leads_page_number' },
  receivedDate: { expr: 'l.received_date', index: 'leads_page_received' },
  deadline: { expr: LEAD_DEADLINE_SORT, index: 'leads_page_deadline' },
  status: { expr: LEAD_STATUS_SORT, index: 'leads_page_status' },
};

function isFiltered(input: Input): boolean {
  return (
    !!input.statuses?.length ||
    !!input.disposals?.length ||
    !!input.disciplines?.length ||
    !!input.receivedFrom ||
    !!input.receivedTo ||
    !!input.owner ||
    !!input.text ||
    input.overdueOnly
  );
}

/** `col IN (…)` for the chosen codes, with `none` meaning the column is empty. */
function codesOrNone(
  column: string,
  codes: readonly string[],
  prefix: string,
  params: Record<string, unknown>,
) {
  const set = codes.filter((c) => c !== NONE);
  const parts = set.length ? [inList(column, set, prefix, params)] : [];
  if (codes.includes(NONE)) parts.push(`${column} IS NULL`);
  return `(${parts.join(' OR ')})`;
}

/**
 * The WHERE clause of a filtered lead ledger, shared by the page and its total (the
 * sealed leads the user may not see are left out by ledgerRowids).
 */
function whereOf(input: Input, today: string, params: Record<string, unknown>): string {
  const where = ['l.case_id = @caseId', 'l.deleted_hlc IS NULL'];
  params.caseId = input.caseId;
  if (input.statuses?.length) where.push(inList('l.status', input.statuses, 'st', params));
  if (input.disposals?.length) where.push(codesOrNone('l.disposal', input.disposals, 'dp', params));
  if (input.disciplines?.length) where.push(codesOrNone('l.discipline', input.disciplines, 'dc', params));
  if (input.receivedFrom) {
    where.push('l.received_date >= @receivedFrom');
    params.receivedFrom = input.receivedFrom;
  }
  if (input.receivedTo) {
    where.push('l.received_date <= @receivedTo');
    params.receivedTo = input.receivedTo;
  }
  if (input.owner === NONE) where.push('l.owner_user_id IS NULL');
  else if (input.owner) {
    where.push('l.owner_user_id = @owner');
    params.owner = input.owner;
  }
  if (input.text) {
    where.push(`(l.number LIKE @text ESCAPE '\\' OR l.summary LIKE @text ESCAPE '\\')`);
    params.text = likeContains(input.text);
  }
  if (input.overdueOnly) {
    where.push(LEAD_OVERDUE);
    params.today = today;
  }
  return where.join(' AND ');
}

interface Row {
  r: number;
  id: string;
  number: string;
  received_date: string;
  summary: string;
  discipline: string | null;
  tags: string;
  disposal: LeadLedgerRow['disposal'];
  deadline: string | null;
  status: LeadLedgerRow['status'];
  owner_id: string | null;
  owner_name: string | null;
  sealed: number;
  overdue: number;
}

/**
 * One page of a case's lead ledger and the number of leads matching the filters
 * (ledger-query.ts says how), counting only leads `userId` may see: a sealed lead
 * that does not name them is in neither.
 */
export function leadPage(db: Db, input: Input, userId: string, today: string): Omit<LeadPage, 'today'> {
  const hidden = (db.prepare(LEADS_HIDDEN).all({ caseId: input.caseId, userId }) as { r: number }[]).map(
    (x) => x.r,
  );
  const params: Record<string, unknown> = {};
  const where = whereOf(input, today, params);
  const dir = input.order === 'asc' ? 'ASC' : 'DESC';
  const { total, rowids: ids } = ledgerRowids(db, {
    from: 'leads l',
    rowid: 'l.rowid',
    where,
    params,
    orderBy: [SORTS[input.sort].expr, 'l.year', 'l.seq']
      .flatMap((e) => (e ? [`${e} ${dir}`] : []))
      .join(', '),
    filtered: isFiltered(input),
    hasText: input.text !== undefined,
    rangeOnSortIndex:
      input.sort === 'receivedDate' &&
      !isFiltered({ ...input, receivedFrom: undefined, receivedTo: undefined }),
    indexes: {
      sort: SORTS[input.sort].index,
      filter: 'leads_page_filter',
      text: 'leads_page_text',
      count: 'leads_page_number',
    },
    hidden,
    page: input.page,
    pageSize: input.pageSize,
  });
  if (ids.length === 0) return { rows: [], total, page: input.page, pageSize: input.pageSize };

  const rows = db
    .prepare(
      `SELECT l.rowid AS r, l.id, l.number, l.received_date, l.summary, l.discipline, l.tags, l.disposal,
              l.deadline, l.status, u.id AS owner_id, u.display_name AS owner_name, l.sealed,
              ${LEAD_OVERDUE} AS overdue
       FROM leads l LEFT JOIN users u ON u.id = l.owner_user_id
       WHERE l.rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(ids), today }) as Row[];
  const position = new Map(ids.map((r, k) => [r, k]));
  rows.sort((a, b) => position.get(a.r)! - position.get(b.r)!);
  const subjects = subjectsOf(db, ids);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      receivedDate: r.received_date,
      summary: r.summary,
      subjects: subjects.get(r.id) ?? [],
      discipline: r.discipline,
      tags: JSON.parse(r.tags) as string[],
      disposal: r.disposal,
      deadline: r.deadline,
      status: r.status,
      owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
      sealed: r.sealed === 1,
      overdue: r.overdue === 1,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The persons reported on each lead of a page, with their post at the time. */
function subjectsOf(db: Db, rowids: readonly number[]): Map<string, LeadLedgerRow['subjects']> {
  const rows = db
    .prepare(
      `SELECT s.lead_id AS owner, coalesce(p.name, s.free_text, u.name, '') AS name, s.post
       FROM leads l JOIN lead_subjects s ON s.lead_id = l.id AND s.deleted_hlc IS NULL
       LEFT JOIN persons p ON p.id = s.person_id LEFT JOIN units u ON u.id = s.unit_id
       WHERE l.rowid IN (SELECT value FROM json_each(@ids)) ORDER BY s.created_hlc, s.rowid`,
    )
    .all({ ids: JSON.stringify(rowids) }) as { owner: string; name: string; post: string | null }[];
  const out = new Map<string, LeadLedgerRow['subjects']>();
  for (const r of rows) out.set(r.owner, [...(out.get(r.owner) ?? []), { name: r.name, post: r.post }]);
  return out;
}
