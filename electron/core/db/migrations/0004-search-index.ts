import type { Migration } from './migration';

/**
 * Full-text search. `search_docs` holds one row per searchable record (what it is,
 * its case, whether it is sealed, a title and text); `search_fts` indexes the rows'
 * tokens: Latin words and digits as words, Chinese as overlapping character pairs,
 * so a two-character query such as 津贴 finds what it should. The index is
 * contentless: the text itself lives only in the record tables and `search_docs`.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'search-index',
  sql: `
CREATE TABLE search_docs (
  rowid        INTEGER PRIMARY KEY,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  case_id      TEXT,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  category     TEXT,
  record_date  TEXT,
  sealed       INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  UNIQUE (entity_type, entity_id)
) STRICT;
CREATE INDEX search_docs_case ON search_docs(case_id, entity_type);

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
`,
};
