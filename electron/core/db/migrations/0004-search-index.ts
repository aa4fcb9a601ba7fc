import type { Migration } from './migration';

/**
 * Full-text search. `search_docs` holds one row per searchable record (what it is,
 * its case, whether it is sealed, a title and text); `search_fts` indexes the rows'
 * tokens: Latin words and digits as words, Chinese as overlapping character pairs,
 * so a two-character query such as 津贴 finds what it should. The index is
 * contentless: the text itself lives only in the record tables and `search_docs`.
 * The filter columns come before the text so a filter reads no overflow pages.
 * The index's third column holds facets, a record's type, case, category, date and
 * sealed flag as tokens (electron/core/search/search-facets.ts), so filters are terms
 * of the query and a filtered search never reads a row per match. Facet tokens start
 * with U+E000, a private-use character made a token character here, which no typed
 * query contains: typed words match titles and text only.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'search-index',
  sql: `
CREATE TABLE search_docs (
  rowid        INTEGER PRIMARY KEY,
  entity_type  TEXT NOT NULL,
  sealed       INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  case_id      TEXT,
  record_date  TEXT,
  category     TEXT,
  entity_id    TEXT NOT NULL,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  UNIQUE (entity_type, entity_id)
) STRICT;
CREATE INDEX search_docs_case ON search_docs(case_id, entity_type);
CREATE INDEX search_docs_sealed ON search_docs(rowid) WHERE sealed = 1;
CREATE INDEX search_docs_date ON search_docs(record_date) WHERE record_date IS NOT NULL;

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, facets, content='', contentless_delete=1,
  tokenize="unicode61 remove_diacritics 2 tokenchars '\uE000'"
);
`,
};
