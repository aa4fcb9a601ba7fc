import { toIndexTokens } from './cjk-tokens';

/** Up to this many space-separated terms are used; more would only slow the query. */
export const MAX_TERMS = 8;

/**
 * A query as the user typed it → the terms to highlight and an FTS5 MATCH
 * expression. Every term must appear (AND). A term becomes a phrase of its index
 * tokens (Chinese pairs, Latin words, digits), so 反映津贴 must appear as written.
 * A lone Chinese character (号 in A3号) is indexed only inside pairs, so it is
 * matched as a prefix: the start of a pair, or a one-character run.
 * Returns null when nothing searchable is left (only punctuation).
 */
export function parseQuery(query: string): { terms: string[]; match: string } | null {
  const terms = [...new Set(query.split(/\s+/u).filter((t) => t.length > 0))].slice(0, MAX_TERMS);
  const parts: string[] = [];
  const kept: string[] = [];
  for (const term of terms) {
    const tokens = toIndexTokens(term.replace(/[^\p{L}\p{N}]+/gu, ' '))
      .split(' ')
      .filter((t) => t.length > 0);
    if (tokens.length === 0) continue;
    kept.push(term);
    parts.push(tokens.map((t) => (/^\p{Script=Han}$/u.test(t) ? `${quote(t)}*` : quote(t))).join(' + '));
  }
  if (parts.length === 0) return null;
  return { terms: kept, match: parts.join(' AND ') };
}

function quote(phrase: string): string {
  return `"${phrase.replace(/"/g, '""')}"`;
}
