import type { Segment } from '../../../shared/contracts/search';

/** Characters of context shown around the first match. */
const SNIPPET_LENGTH = 96;
const LEAD_IN = 24;

/** Where the terms occur in `text` (case-insensitive), merged and in order. */
export function findSpans(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      spans.push([at, at + needle.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** The text cut into plain and matched segments. */
export function segmentsOf(text: string, spans: readonly [number, number][]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [from, to] of spans) {
    if (from > pos) out.push({ text: text.slice(pos, from), hit: false });
    out.push({ text: text.slice(from, to), hit: true });
    pos = to;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), hit: false });
  return out;
}

/**
 * A window of the body around its first match, as segments; an ellipsis marks
 * text cut off on either side. Without a match (the index matched across a
 * punctuation break) the start of the body is shown.
 */
export function snippetOf(body: string, terms: readonly string[]): Segment[] {
  const text = body.replace(/\s+/gu, ' ').trim();
  const spans = findSpans(text, terms);
  const first = spans[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - LEAD_IN, text.length - SNIPPET_LENGTH));
  // Do not cut a number or a Latin word in two (…26年 for 2026年).
  for (
    let k = 0;
    k < 12 && start > 0 && /[A-Za-z0-9]/.test(text[start - 1]!) && /[A-Za-z0-9]/.test(text[start]!);
    k++
  ) {
    start--;
  }
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const inWindow = spans
    .filter(([from, to]) => to > start && from < end)
    .map(([from, to]): [number, number] => [Math.max(from, start) - start, Math.min(to, end) - start]);
  const segments = segmentsOf(text.slice(start, end), inWindow);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < text.length) segments.push({ text: '…', hit: false });
  return segments;
}
