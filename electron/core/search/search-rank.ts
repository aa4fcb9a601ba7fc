/**
 * Relevance of a record to the words searched, computed on the record's own title
 * and text: for each word, how often it occurs in the title (weighing TITLE_WEIGHT)
 * and in the text, with the saturation and length normalisation of BM25 (k1 = 1.2,
 * b = 0.75). FTS5's bm25() gives the same order but first counts every record that
 * holds each phrase in the whole index, which for a common phrase costs more than
 * the search itself; here only the records being ranked are read.
 */
export const TITLE_WEIGHT = 10;
const K1 = 1.2;
const B = 0.75;

export interface Rankable {
  title: string;
  body: string;
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Scores for the records, in their order (higher is more relevant). */
export function relevance(docs: readonly Rankable[], terms: readonly string[]): number[] {
  if (docs.length === 0) return [];
  const needles = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0);
  const avgTitle = docs.reduce((sum, d) => sum + d.title.length, 0) / docs.length || 1;
  const avgBody = docs.reduce((sum, d) => sum + d.body.length, 0) / docs.length || 1;
  const saturate = (tf: number, len: number, avg: number) =>
    tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
  return docs.map((d) => {
    const title = d.title.toLowerCase();
    const body = d.body.toLowerCase();
    let score = 0;
    for (const needle of needles) {
      score += TITLE_WEIGHT * saturate(occurrences(title, needle), title.length, avgTitle);
      score += saturate(occurrences(body, needle), body.length, avgBody);
    }
    return score;
  });
}
