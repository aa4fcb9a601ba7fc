import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import { indexIntake } from '../intake-leads/intake-handlers';
import { intakeRow } from '../intake-leads/intake-repo';
import { indexLead } from '../intake-leads/lead-handlers';
import { leadRow } from '../intake-leads/lead-repo';
import { indexPerson } from '../reference/persons';
import { indexUnit } from '../reference/units';
import { indexRecord, unindexRecord } from '../search/search-index';
import { searchDocOf, workRecordRow } from '../work-records/work-record-repo';

/**
 * Brings the search index up to date for records a merge touched, with each domain's
 * own indexing (so an imported record is found exactly like a local one); a tombstoned
 * record leaves the index. Children (subjects, posts) refresh their parent's entry.
 */
export function refreshSearch(db: Db, touched: Iterable<{ type: string; id: string }>): void {
  const todo = new Set<string>();
  const parentOf = (table: string, column: string, id: string): string | undefined =>
    (stmt(db, `SELECT ${column} AS p FROM ${table} WHERE id = ?`).get(id) as { p: string } | undefined)?.p;
  for (const { type, id } of touched) {
    if (type === 'lead-subject') {
      const p = parentOf('lead_subjects', 'lead_id', id);
      if (p) todo.add(`lead ${p}`);
    } else if (type === 'person-post') {
      const p = parentOf('person_posts', 'person_id', id);
      if (p) todo.add(`person ${p}`);
    } else todo.add(`${type} ${id}`);
  }
  for (const key of todo) {
    const [type, id] = key.split(' ') as [string, string];
    const live = (table: string) =>
      stmt(db, `SELECT 1 FROM ${table} WHERE id = ? AND deleted_hlc IS NULL`).get(id) !== undefined;
    switch (type) {
      case 'lead': {
        const row = leadRow(db, id);
        if (row) indexLead(db, row);
        else unindexRecord(db, 'lead', id);
        break;
      }
      case 'intake': {
        const row = intakeRow(db, id);
        if (row) indexIntake(db, row);
        else unindexRecord(db, 'intake', id);
        break;
      }
      case 'work-record': {
        const row = workRecordRow(db, id);
        if (row)
          indexRecord(db, {
            type: row.kind,
            id,
            caseId: row.case_id,
            date: row.record_date,
            ...searchDocOf(db, row),
          });
        else for (const kind of ['talk', 'document_request', 'visit'] as const) unindexRecord(db, kind, id);
        break;
      }
      case 'person':
        if (live('persons')) indexPerson(db, id);
        else unindexRecord(db, 'person', id);
        break;
      case 'unit':
        if (live('units')) indexUnit(db, id);
        else unindexRecord(db, 'unit', id);
        break;
      default:
        break;
    }
  }
}
