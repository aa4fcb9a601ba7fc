import type { SearchQueryInput, SearchResult, SearchType } from '../../../shared/contracts/search';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { parseQuery } from './query-terms';
import { findSpans, segmentsOf, snippetOf } from './snippet';

type Filters = Required<Pick<SearchQueryInput, 'page' | 'pageSize'>> &
  Omit<SearchQueryInput, 'page' | 'pageSize'>;

/** Title matches weigh this much more than body matches in the ranking. */
const TITLE_WEIGHT = 10;

interface DocRow {
  rowid: number;
  entity_type: SearchType;
  entity_id: string;
  case_id: string | null;
  title: string;
  body: string;
  category: string | null;
  record_date: string | null;
}

/**
 * Runs a search. Sealed documents count and appear only when `canSeeSealed` says
 * the caller may see them, so neither the list nor the total reveals them. Sealed
 * documents are few (leads about a top leader), so each one that matches is
 * checked, and the ones refused are left out of both the count and the ranking.
 */
export function runSearch(
  db: Db,
  input: Filters,
  canSeeSealed: (type: SearchType, id: string) => boolean,
): SearchResult {
  if (input.dateFrom && input.dateTo && input.dateFrom > input.dateTo) {
    throw new AppError('INPUT_INVALID', { field: 'dateTo' });
  }
  const parsed = parseQuery(input.query);
  if (!parsed) throw new AppError('INPUT_INVALID', { field: 'query' });

  const docFilters: string[] = [];
  const params: Record<string, string | number> = { match: parsed.match };
  if (input.types && input.types.length > 0) {
    docFilters.push(`d.entity_type IN (${input.types.map((_, i) => `@type${i}`).join(', ')})`);
    input.types.forEach((t, i) => (params[`type${i}`] = t));
  }
  if (input.caseId) {
    docFilters.push('d.case_id = @caseId');
    params.caseId = input.caseId;
  }
  if (input.dateFrom) {
    docFilters.push('d.record_date >= @dateFrom');
    params.dateFrom = input.dateFrom;
  }
  if (input.dateTo) {
    docFilters.push('d.record_date <= @dateTo');
    params.dateTo = input.dateTo;
  }
  if (input.category) {
    docFilters.push('d.category = @category');
    params.category = input.category;
  }

  // Sealed documents are few (partial index): find the ones that match (a scan of the
  // index alone, no row reads) and ask about each whether the caller may see it.
  const sealed = db
    .prepare(
      `SELECT d.rowid, d.entity_type, d.entity_id FROM search_docs d WHERE ${['d.sealed = 1', ...docFilters].join(' AND ')}`,
    )
    .all(params) as Pick<DocRow, 'rowid' | 'entity_type' | 'entity_id'>[];
  // Row ids are integers from the database, safe to inline.
  const matchedSealed =
    sealed.length === 0
      ? new Set<number>()
      : new Set(
          (
            db
              .prepare(
                `SELECT rowid FROM search_fts WHERE search_fts MATCH @match AND +rowid IN (${sealed.map((r) => r.rowid).join(',')})`,
              )
              .all(params) as { rowid: number }[]
          ).map((r) => r.rowid),
        );
  const hidden = sealed
    .filter((r) => matchedSealed.has(r.rowid) && !canSeeSealed(r.entity_type, r.entity_id))
    .map((r) => r.rowid);
  const notHidden = hidden.length > 0 ? `AND f.rowid NOT IN (${hidden.join(',')})` : '';
  const from =
    docFilters.length === 0
      ? // No filter on the documents: count and rank inside the index alone, the fast path.
        `FROM search_fts f WHERE search_fts MATCH @match ${notHidden}`
      : `FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
         WHERE search_fts MATCH @match AND ${docFilters.join(' AND ')} ${notHidden}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const rowids = (
    db
      .prepare(
        `SELECT f.rowid ${from} ORDER BY bm25(search_fts, ${TITLE_WEIGHT}, 1.0), f.rowid LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);
  const fetch = db.prepare(
    `SELECT rowid, entity_type, entity_id, case_id, title, body, category, record_date
     FROM search_docs WHERE rowid = ?`,
  );
  const rows = rowids.map((id) => fetch.get(id) as DocRow);

  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    hits: rows.map((r) => ({
      type: r.entity_type,
      id: r.entity_id,
      caseId: r.case_id,
      title: segmentsOf(r.title, findSpans(r.title, parsed.terms)),
      snippet: snippetOf(r.body, parsed.terms),
      category: r.category,
      date: r.record_date,
    })),
  };
}
