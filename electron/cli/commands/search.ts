import type { SearchResult, Segment } from '../../../shared/contracts/search';
import { UsageError, type CliArgs } from '../args';
import { signInCore } from './signed-in-core';

const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
/** Matched spans in brackets, as a terminal has no highlighting. */
const marked = (segments: Segment[]) => segments.map((s) => (s.hit ? `【${s.text}】` : s.text)).join('');

/** The app's search (`search:query`) as the signed-in user: same ranking, filters and visibility. */
export async function searchCommand(args: CliArgs): Promise<void> {
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('missing QUERY');
  const session = await signInCore(args);
  try {
    const result = await session.call<SearchResult>('search:query', { query, pageSize: 50 });
    const hits = result.hits.map((h) => ({
      type: h.type,
      id: h.id,
      caseId: h.caseId,
      date: h.date,
      category: h.category,
      title: plain(h.title),
      snippet: plain(h.snippet),
      titleSegments: h.title,
      snippetSegments: h.snippet,
    }));
    if (args.json) {
      console.log(JSON.stringify({ query, total: result.total, hits }, null, 2));
      return;
    }
    console.log(`${result.total} hit(s)${result.total > hits.length ? `, first ${hits.length} shown` : ''}`);
    for (const h of result.hits) {
      console.log(`${h.type}\t${h.id}\t${marked(h.title)}\t${marked(h.snippet)}`);
    }
  } finally {
    await session.close();
  }
}
