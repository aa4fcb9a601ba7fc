/**
 * Turns text into the tokens the FTS index stores: runs of Han characters become
 * overlapping pairs (反映津贴 → 反映 映津 津贴) plus the single character for a
 * one-character run; everything else is left for the unicode61 tokenizer (words,
 * digits). Queries go through the same function, so a query's pairs must appear as
 * a phrase in the document.
 */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

export function toIndexTokens(text: string): string {
  return text
    .replace(HAN, (run) => ` ${hanPairs(run).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim();
}

export function hanPairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}
