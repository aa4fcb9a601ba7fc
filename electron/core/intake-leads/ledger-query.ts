import { versionedMemo } from '../db/data-version';
import type { Db } from '../db/open-database';

/**
 * How one ledger page is read: count the matching rows, then find the page's row
 * ids. Indexes are named (INDEXED BY) so a plan never depends on the planner's
 * guess on a large case:
 * - the total scans an index holding every filter column (no table rows read);
 * - with no filter, or one so broad that the page's rows come soon, the rows are
 *   read walking the sort key's index and stop after the page;
 * - with a narrow filter the walk would visit many rows for few matches, so the
 *   filter index is scanned and the page picked with a bounded top-k sort.
 * A search on the number or summary uses an index holding just those two columns.
 */
export interface LedgerQuery {
  /** e.g. `intake_items i`. */
  from: string;
  /** The table's rowid, qualified, e.g. `i.rowid`. */
  rowid: string;
  where: string;
  params: Record<string, unknown>;
  orderBy: string;
  /** Whether anything but the case (and visibility) narrows the rows. */
  filtered: boolean;
  hasText: boolean;
  /** A date range on the sort key's own index (received date sorted by received date). */
  rangeOnSortIndex: boolean;
  indexes: { sort: string; filter: string; text: string; count: string };
  /**
   * Rows left out whatever the filters (sealed leads the caller may not see). They are
   * few: the total is counted without them, less those of them that match.
   */
  hidden?: readonly number[];
  page: number;
  pageSize: number;
}

/**
 * Walking in sort order reads about (case rows ÷ matching rows) table rows per row of
 * the page; reading the filter index reads every entry of the case but no table row.
 * The walk wins while the matches are at least this many times the rows it must pass.
 */
const WALK_MIN_RATIO = 20;

export function ledgerRowids(db: Db, q: LedgerQuery): { total: number; rowids: number[] } {
  const countIndex = q.hasText ? q.indexes.text : q.filtered ? q.indexes.filter : q.indexes.count;
  const hidden = q.hidden ?? [];
  const params = hidden.length > 0 ? { ...q.params, hidden: JSON.stringify(hidden) } : q.params;
  const all = cachedCount(
    db,
    `SELECT count(*) AS n FROM ${q.from} INDEXED BY ${countIndex} WHERE ${q.where}`,
    params,
  );
  const total =
    hidden.length === 0
      ? all
      : all -
        cachedCount(
          db,
          `SELECT count(*) AS n FROM ${q.from} NOT INDEXED WHERE ${q.rowid} IN (SELECT value FROM json_each(@hidden)) AND ${q.where}`,
          params,
        );
  const offset = (q.page - 1) * q.pageSize;
  if (offset >= total) return { total, rowids: [] };
  const walk = !q.filtered || q.rangeOnSortIndex || total >= WALK_MIN_RATIO * (offset + q.pageSize);
  const index = walk ? q.indexes.sort : q.hasText ? q.indexes.text : q.indexes.filter;
  const notHidden = hidden.length > 0 ? ` AND ${q.rowid} NOT IN (SELECT value FROM json_each(@hidden))` : '';
  const rowids = (
    db
      .prepare(
        `SELECT ${q.rowid} AS r FROM ${q.from} INDEXED BY ${index} WHERE ${q.where}${notHidden}
         ORDER BY ${q.orderBy} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.pageSize, offset }) as { r: number }[]
  ).map((x) => x.r);
  return { total, rowids };
}

/**
 * Totals of recent filters, kept while the database is unchanged (db/data-version.ts):
 * turning pages or changing the sort does not count again.
 */
const totals = versionedMemo<number>(64);

function cachedCount(db: Db, sql: string, params: Record<string, unknown>): number {
  return totals.get(
    db,
    `${sql}\u0000${JSON.stringify(params)}`,
    () => (db.prepare(sql).get(params) as { n: number }).n,
  );
}

/** Drops every cached total (the bench measures uncached totals with it). */
export function forgetLedgerCounts(db: Db): void {
  totals.forget(db);
}
