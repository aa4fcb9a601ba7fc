import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import type { SearchType } from '../../../shared/contracts/search';
import { toIndexTokens } from './cjk-tokens';
import { facetsOf } from './search-facets';

/** The record types search covers. */
export type { SearchType } from '../../../shared/contracts/search';

export interface SearchDoc {
  type: SearchType;
  id: string;
  caseId: string | null;
  title: string;
  /** Searchable text. Never a reporter's identity or another protected field. */
  body: string;
  category?: string | null;
  /** YYYY-MM-DD, for date filters. */
  date?: string | null;
  /** Sealed leads: only their named persons may find them. */
  sealed?: boolean;
}

/**
 * Adds or replaces a record's entry. Call it in the same transaction as the write
 * that changed the record, so the index never disagrees with the data.
 */
export function indexRecord(db: Db, doc: SearchDoc): void {
  const existing = stmt(db, 'SELECT rowid FROM search_docs WHERE entity_type = ? AND entity_id = ?').get(
    doc.type,
    doc.id,
  ) as { rowid: number } | undefined;
  const values = {
    type: doc.type,
    id: doc.id,
    caseId: doc.caseId,
    title: doc.title,
    body: doc.body,
    category: doc.category ?? null,
    date: doc.date ?? null,
    sealed: doc.sealed ? 1 : 0,
  };
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    stmt(
      db,
      `UPDATE search_docs SET case_id = @caseId, title = @title, body = @body, category = @category,
       record_date = @date, sealed = @sealed WHERE rowid = @rowid`,
    ).run({ ...values, rowid });
    stmt(db, 'DELETE FROM search_fts WHERE rowid = ?').run(rowid);
  } else {
    rowid = Number(
      stmt(
        db,
        `INSERT INTO search_docs (entity_type, entity_id, case_id, title, body, category, record_date, sealed)
           VALUES (@type, @id, @caseId, @title, @body, @category, @date, @sealed)`,
      ).run(values).lastInsertRowid,
    );
  }
  stmt(db, 'INSERT INTO search_fts (rowid, title, body, facets) VALUES (?, ?, ?, ?)').run(
    rowid,
    toIndexTokens(doc.title),
    toIndexTokens(doc.body),
    facetsOf(doc),
  );
}

/** Removes a record from the index (a tombstoned record is no longer found). */
export function unindexRecord(db: Db, type: SearchType, id: string): void {
  const existing = stmt(db, 'SELECT rowid FROM search_docs WHERE entity_type = ? AND entity_id = ?').get(
    type,
    id,
  ) as { rowid: number } | undefined;
  if (!existing) return;
  stmt(db, 'DELETE FROM search_fts WHERE rowid = ?').run(existing.rowid);
  stmt(db, 'DELETE FROM search_docs WHERE rowid = ?').run(existing.rowid);
}
