import type { SearchQueryInput, SearchResult, SearchType } from '../../../shared/contracts/search';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { parseQuery } from './query-terms';
import {
  caseFacet,
  categoryFacet,
  dateRangeTokens,
  facetClause,
  SEALED_FACET,
  typeFacet,
} from './search-facets';
import { relevance } from './search-rank';
import { findSpans, segmentsOf, snippetOf } from './snippet';

type Filters = Required<Pick<SearchQueryInput, 'page' | 'pageSize'>> &
  Omit<SearchQueryInput, 'page' | 'pageSize'>;

/**
 * Ranking reads each match's title and text, and a common word matches tens of
 * thousands of records. Past this many matches only the newest this many are ranked
 * (the first hits are the best of those, the older matches follow) and the result
 * says so; the total stays exact.
 */
export const RANK_CAP = 500;

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
 * Runs a search. The query's words are matched in titles and text; the filters
 * (type, case, category, dates, and the cases the caller is in) are facet terms of
 * the same full-text query (search-facets.ts), so counting and ranking read the
 * index alone. Sealed documents count and appear only when `canSeeSealed` says the
 * caller may see them: they are few and carry a facet, so those that match are
 * found first and each is asked about; the refused ones are left out of the total
 * and the ranking. Documents of `hiddenCases` (cases the caller is not in) are left
 * out by facet too; records of no case (persons, units) are office-wide.
 */
export function runSearch(
  db: Db,
  input: Filters,
  canSeeSealed: (type: SearchType, id: string) => boolean,
  hiddenCases: readonly string[] = [],
): SearchResult {
  const empty: SearchResult = {
    total: 0,
    page: input.page,
    pageSize: input.pageSize,
    hits: [],
    rankedAmong: null,
  };
  if (input.dateFrom && input.dateTo && input.dateFrom > input.dateTo) {
    throw new AppError('INPUT_INVALID', { field: 'dateTo' });
  }
  const parsed = parseQuery(input.query);
  if (!parsed) throw new AppError('INPUT_INVALID', { field: 'query' });
  if (input.caseId && hiddenCases.includes(input.caseId)) return empty;

  // Typed words never match a facet (search-facets.ts), so they need no column filter.
  const terms = [`(${parsed.match})`];
  if (input.types && input.types.length > 0) terms.push(facetClause(input.types.map(typeFacet)));
  if (input.caseId) terms.push(facetClause([caseFacet(input.caseId)]));
  if (input.category) terms.push(facetClause([categoryFacet(input.category)]));
  let exactDates: { from: string; to: string } | null = null;
  if (input.dateFrom || input.dateTo) {
    const span = dateSpan(db, input.dateFrom, input.dateTo);
    if (!span) return empty;
    const tokens = dateRangeTokens(span.from, span.to);
    if (tokens === null) exactDates = span;
    else if (tokens.length === 0) return empty;
    else terms.push(facetClause(tokens));
  }
  let match = terms.join(' AND ');
  if (hiddenCases.length > 0 && !input.caseId) {
    // Name the cases the caller is in, or the ones they are not, whichever list is shorter.
    const all = (db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((c) => c.id);
    const hidden = new Set(hiddenCases);
    const visible = all.filter((id) => !hidden.has(id));
    match =
      visible.length < hiddenCases.length
        ? `${match} AND ${facetClause([caseFacet(null), ...visible.map(caseFacet)])}`
        : `${match} NOT ${facetClause(hiddenCases.map(caseFacet))}`;
  }
  // A range too wide for facet tokens is checked on each match's row (rare).
  const datesJoin = exactDates
    ? {
        from: 'JOIN search_docs d ON d.rowid = f.rowid',
        where: 'AND d.record_date >= @dateFrom AND d.record_date <= @dateTo',
      }
    : { from: '', where: '' };
  const params: Record<string, string | number> = {
    match,
    ...(exactDates ? { dateFrom: exactDates.from, dateTo: exactDates.to } : {}),
  };

  // Sealed documents that match, and among them those the caller may not see.
  const sealedRows = db
    .prepare(
      `SELECT d.rowid, d.entity_type, d.entity_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
       WHERE search_fts MATCH @sealedMatch ${datesJoin.where}`,
    )
    .all({ ...params, sealedMatch: `(${match}) AND ${facetClause([SEALED_FACET])}` }) as Pick<
    DocRow,
    'rowid' | 'entity_type' | 'entity_id'
  >[];
  const hidden = sealedRows.filter((r) => !canSeeSealed(r.entity_type, r.entity_id)).map((r) => r.rowid);

  const from = `FROM search_fts f ${datesJoin.from} WHERE search_fts MATCH @match ${datesJoin.where}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n - hidden.length;
  const offset = (input.page - 1) * input.pageSize;
  if (total <= 0 || offset >= total) return { ...empty, total: Math.max(total, 0) };

  const { rows, rankedAmong } = pageOfMatches(
    db,
    from,
    params,
    hidden,
    total,
    offset,
    input.pageSize,
    parsed.terms,
  );

  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rankedAmong,
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

const docsByRowid = (db: Db, rowids: readonly number[]): DocRow[] => {
  const rows = db
    .prepare(
      `SELECT rowid, entity_type, entity_id, case_id, title, body, category, record_date
       FROM search_docs WHERE rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(rowids) }) as DocRow[];
  const byId = new Map(rows.map((r) => [r.rowid, r]));
  return rowids.flatMap((id) => byId.get(id) ?? []);
};

/**
 * One page of the matches in rank order (search-rank.ts). With at most RANK_CAP
 * matches all are ranked. With more, the newest RANK_CAP are ranked and the older
 * ones follow, newest first: each match keeps one place, so paging never repeats or
 * skips one, and at most RANK_CAP records are read to rank them.
 */
function pageOfMatches(
  db: Db,
  from: string,
  params: Record<string, string | number>,
  hidden: readonly number[],
  total: number,
  offset: number,
  pageSize: number,
  terms: readonly string[],
): { rows: DocRow[]; rankedAmong: number | null } {
  const hiddenSet = new Set(hidden);
  const newest = (
    db.prepare(`SELECT f.rowid AS r ${from} ORDER BY f.rowid DESC LIMIT @cap`).all({
      ...params,
      cap: RANK_CAP,
    }) as { r: number }[]
  ).map((x) => x.r);
  const candidates = docsByRowid(
    db,
    newest.filter((r) => !hiddenSet.has(r)),
  );
  const scores = relevance(candidates, terms);
  const ranked = candidates
    .map((doc, k) => ({ doc, score: scores[k]! }))
    .sort((a, b) => b.score - a.score || a.doc.rowid - b.doc.rowid)
    .map((x) => x.doc);
  const page = ranked.slice(offset, offset + pageSize);
  if (total + hidden.length <= RANK_CAP) return { rows: page, rankedAmong: null };

  // Past the ranked newest matches, the older ones follow newest first.
  if (page.length < pageSize) {
    const older = (
      db
        .prepare(
          `SELECT f.rowid AS r ${from} AND f.rowid < @boundary
           ${hidden.length > 0 ? `AND f.rowid NOT IN (${hidden.join(',')})` : ''}
           ORDER BY f.rowid DESC LIMIT @limit OFFSET @skip`,
        )
        .all({
          ...params,
          boundary: newest[newest.length - 1]!,
          limit: pageSize - page.length,
          skip: Math.max(0, offset - ranked.length),
        }) as { r: number }[]
    ).map((x) => x.r);
    page.push(...docsByRowid(db, older));
  }
  return { rows: page, rankedAmong: ranked.length };
}

/**
 * The date range to filter on, an open end closed by the dates on record (two index
 * lookups; one query asking both min and max would scan); null when no record can
 * fall in it.
 */
function dateSpan(
  db: Db,
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } | null {
  const bound = (fn: 'min' | 'max') =>
    (
      db
        .prepare(
          `SELECT ${fn}(record_date) AS d FROM search_docs INDEXED BY search_docs_date WHERE record_date IS NOT NULL`,
        )
        .get() as { d: string | null }
    ).d;
  const lo = from ?? bound('min');
  const hi = to ?? bound('max');
  return lo && hi && lo <= hi ? { from: lo, to: hi } : null;
}
