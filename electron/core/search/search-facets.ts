import { addCalendarDays } from '../../../shared/working-days';

/**
 * Facets: a record's type, case, category, date and sealed flag written as tokens in
 * the index's third column, so every filter is a term of the full-text query and
 * SQLite intersects posting lists instead of reading each match's row:
 *   t<hex type>  c<case id without dashes> | cnone  k<hex category>
 *   m<yyyymm>  d<yyyymmdd>  xsealed
 * Each starts with a private-use character (U+E000): the unicode61 tokenizer keeps it
 * in the token, and a typed query never contains one (query-terms.ts keeps letters
 * and digits only), so words typed by a user can only ever match titles and text.
 */
const MARK = '\uE000';

const hex = (text: string) =>
  [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const typeFacet = (type: string) => `${MARK}t${hex(type)}`;
export const caseFacet = (caseId: string | null) =>
  `${MARK}c${caseId ? caseId.replace(/-/g, '').toLowerCase() : 'none'}`;
export const categoryFacet = (category: string) => `${MARK}k${hex(category)}`;
export const SEALED_FACET = `${MARK}xsealed`;

export interface FacetSource {
  type: string;
  caseId: string | null;
  category?: string | null | undefined;
  date?: string | null | undefined;
  sealed?: boolean | undefined;
}

/** The facet column's text for one record. */
export function facetsOf(doc: FacetSource): string {
  const tokens = [typeFacet(doc.type), caseFacet(doc.caseId)];
  if (doc.category) tokens.push(categoryFacet(doc.category));
  if (doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date)) {
    const [y, m, d] = doc.date.split('-');
    tokens.push(`${MARK}m${y}${m}`, `${MARK}d${y}${m}${d}`);
  }
  if (doc.sealed) tokens.push(SEALED_FACET);
  return tokens.join(' ');
}

/** Whole months beyond this many fall back to reading each match's date. */
export const MAX_DATE_TOKENS = 400;

/**
 * The date range [from, to] (inclusive, YYYY-MM-DD) as facet tokens: whole months as
 * m-tokens, the days of a month the range cuts as d-tokens. Null when that would take
 * more than MAX_DATE_TOKENS tokens.
 */
export function dateRangeTokens(from: string, to: string): string[] | null {
  if (from > to) return [];
  const tokens: string[] = [];
  let day = from;
  while (day <= to) {
    const month = day.slice(0, 7);
    const first = `${month}-01`;
    const last = addCalendarDays(`${nextMonth(month)}-01`, -1);
    if (day === first && last <= to) {
      tokens.push(`${MARK}m${month.replace('-', '')}`);
      day = addCalendarDays(last, 1);
    } else {
      const end = last < to ? last : to;
      for (let d = day; d <= end; d = addCalendarDays(d, 1)) tokens.push(`${MARK}d${d.replace(/-/g, '')}`);
      day = addCalendarDays(end, 1);
    }
    if (tokens.length > MAX_DATE_TOKENS) return null;
  }
  return tokens;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `facets : ("a" OR "b" …)` for a non-empty token list. */
export function facetClause(tokens: readonly string[]): string {
  const quoted = tokens.map((t) => `"${t}"`);
  return quoted.length === 1 ? `facets : ${quoted[0]}` : `facets : (${quoted.join(' OR ')})`;
}
