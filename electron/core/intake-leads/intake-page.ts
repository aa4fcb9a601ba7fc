import type { z } from 'zod';
import type {
  IntakeLedgerRow,
  IntakePage,
  intakePageInputSchema,
} from '../../../shared/contracts/intake-leads-ledger';
import { NONE } from '../../../shared/contracts/intake-leads-ledger';
import type { Db } from '../db/open-database';
import {
  INTAKE_DUE,
  INTAKE_DUE_KIND,
  INTAKE_DUE_SORT,
  INTAKE_OVERDUE,
  INTAKE_STATUS_SORT,
  inList,
  likeContains,
} from './ledger-sql';
import { ledgerRowids } from './ledger-query';

type Input = z.output<typeof intakePageInputSchema>;

/** What "overdue" is judged against. */
export interface OverdueDates {
  today: string;
  decisionCutoff: string;
}

/** Each sort key, as written in its index (migration 0005). */
const SORTS: Record<Input['sort'], { expr: string | null; index: string }> = {
  number: { expr: null, index: 'intake_page_number' },
  receivedDate: { expr: 'i.received_date', index: 'intake_page_received' },
  dueDate: { expr: INTAKE_DUE_SORT, index: 'intake_page_due' },
  status: { expr: INTAKE_STATUS_SORT, index: 'intake_page_status' },
};

function isFiltered(input: Input): boolean {
  return (
    !!input.statuses?.length ||
    !!input.channels?.length ||
    !!input.scopes?.length ||
    input.realName !== undefined ||
    !!input.receivedFrom ||
    !!input.receivedTo ||
    !!input.owner ||
    !!input.text ||
    input.overdueOnly
  );
}

/** Filtered on the received date only. */
function onlyDates(input: Input): boolean {
  return isFiltered({ ...input, receivedFrom: undefined, receivedTo: undefined }) === false;
}

/** The WHERE clause of a filtered intake ledger, shared by the page and its total. */
function whereOf(input: Input, dates: OverdueDates, params: Record<string, unknown>): string {
  const where = ['i.case_id = @caseId', 'i.deleted_hlc IS NULL'];
  params.caseId = input.caseId;
  if (input.statuses?.length) where.push(inList('i.status', input.statuses, 'st', params));
  if (input.channels?.length) where.push(inList('i.channel', input.channels, 'ch', params));
  if (input.scopes?.length) {
    const decided = input.scopes.filter((s) => s !== NONE);
    const parts = decided.length ? [inList('i.scope_decision', decided, 'sc', params)] : [];
    if (input.scopes.includes(NONE)) parts.push('i.scope_decision IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  if (input.realName !== undefined) {
    where.push('i.real_name = @realName');
    params.realName = input.realName ? 1 : 0;
  }
  if (input.receivedFrom) {
    where.push('i.received_date >= @receivedFrom');
    params.receivedFrom = input.receivedFrom;
  }
  if (input.receivedTo) {
    where.push('i.received_date <= @receivedTo');
    params.receivedTo = input.receivedTo;
  }
  if (input.owner === NONE) where.push('i.owner_user_id IS NULL');
  else if (input.owner) {
    where.push('i.owner_user_id = @owner');
    params.owner = input.owner;
  }
  if (input.text) {
    where.push(`(i.number LIKE @text ESCAPE '\\' OR i.summary LIKE @text ESCAPE '\\')`);
    params.text = likeContains(input.text);
  }
  if (input.overdueOnly) {
    where.push(INTAKE_OVERDUE);
    params.today = dates.today;
    params.decisionCutoff = dates.decisionCutoff;
  }
  return where.join(' AND ');
}

interface Row {
  r: number;
  id: string;
  number: string;
  channel: IntakeLedgerRow['channel'];
  received_date: string;
  real_name: number;
  summary: string;
  scope_decision: IntakeLedgerRow['scopeDecision'];
  due_date: string | null;
  due_kind: IntakeLedgerRow['dueKind'];
  owner_id: string | null;
  owner_name: string | null;
  status: IntakeLedgerRow['status'];
  overdue: number;
}

/**
 * One page of a case's intake ledger and the number of items matching the filters
 * (ledger-query.ts says how), then the page's rows with their owner and the names
 * reported. Nothing protected (reporter, content) is read.
 */
export function intakePage(db: Db, input: Input, dates: OverdueDates): Omit<IntakePage, 'today'> {
  const params: Record<string, unknown> = {};
  const where = whereOf(input, dates, params);
  const dir = input.order === 'asc' ? 'ASC' : 'DESC';
  const { total, rowids: ids } = ledgerRowids(db, {
    from: 'intake_items i',
    rowid: 'i.rowid',
    where,
    params,
    orderBy: [SORTS[input.sort].expr, 'i.year', 'i.seq']
      .flatMap((e) => (e ? [`${e} ${dir}`] : []))
      .join(', '),
    filtered: isFiltered(input),
    hasText: input.text !== undefined,
    rangeOnSortIndex: input.sort === 'receivedDate' && onlyDates(input),
    indexes: {
      sort: SORTS[input.sort].index,
      filter: 'intake_page_filter',
      text: 'intake_page_text',
      count: 'intake_page_number',
    },
    page: input.page,
    pageSize: input.pageSize,
  });
  if (ids.length === 0) return { rows: [], total, page: input.page, pageSize: input.pageSize };

  const rows = db
    .prepare(
      `SELECT i.rowid AS r, i.id, i.number, i.channel, i.received_date, i.real_name, i.summary, i.scope_decision,
              ${INTAKE_DUE} AS due_date, ${INTAKE_DUE_KIND} AS due_kind, u.id AS owner_id,
              u.display_name AS owner_name, i.status, ${INTAKE_OVERDUE} AS overdue
       FROM intake_items i LEFT JOIN users u ON u.id = i.owner_user_id
       WHERE i.rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(ids), today: dates.today, decisionCutoff: dates.decisionCutoff }) as Row[];
  const position = new Map(ids.map((r, k) => [r, k]));
  const ordered = rows.sort((a, b) => position.get(a.r)! - position.get(b.r)!);

  const subjects = subjectNames(db, ids);
  return {
    rows: ordered.map((r) => ({
      id: r.id,
      number: r.number,
      channel: r.channel,
      receivedDate: r.received_date,
      realName: r.real_name === 1,
      summary: r.summary,
      subjects: subjects.get(r.id) ?? [],
      scopeDecision: r.scope_decision,
      dueDate: r.due_date,
      dueKind: r.due_kind,
      owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
      status: r.status,
      overdue: r.overdue === 1,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The names reported on each item of a page (persons, units or free text), in entry order. */
function subjectNames(db: Db, rowids: readonly number[]): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT s.intake_id AS owner, coalesce(p.name, s.free_text, u.name, '') AS name
       FROM intake_items i JOIN intake_subjects s ON s.intake_id = i.id AND s.deleted_hlc IS NULL
       LEFT JOIN persons p ON p.id = s.person_id LEFT JOIN units u ON u.id = s.unit_id
       WHERE i.rowid IN (SELECT value FROM json_each(@ids)) ORDER BY s.created_hlc, s.rowid`,
    )
    .all({ ids: JSON.stringify(rowids) }) as { owner: string; name: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.owner, [...(out.get(r.owner) ?? []), r.name]);
  return out;
}
