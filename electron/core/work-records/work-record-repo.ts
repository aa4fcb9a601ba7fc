import {
  NUMBER_MARKS,
  type LinkedLead,
  type WorkRecordKind,
  type WorkRecordSummary,
} from '../../../shared/contracts/work-records';
import type { Db } from '../db/open-database';

/** One row of `work_records` (see migration 0006). */
export interface WorkRecordRow {
  id: string;
  case_id: string;
  kind: WorkRecordKind;
  year: number;
  seq: number;
  number: string;
  record_date: string;
  interviewee_person_id: string | null;
  interviewee_name: string | null;
  interviewee_post: string | null;
  place: string | null;
  subject: string | null;
  unit_id: string | null;
  received_date: string | null;
  status: WorkRecordSummary['status'];
  visit_mode: WorkRecordSummary['visitMode'];
  notes: string | null;
  updated_hlc: string;
}

export type PersonRef = WorkRecordSummary['people'][number];

export function workRecordRow(db: Db, id: string): WorkRecordRow | undefined {
  return db.prepare('SELECT * FROM work_records WHERE id = ? AND deleted_hlc IS NULL').get(id) as
    WorkRecordRow | undefined;
}

export function workRecordRows(db: Db, caseId: string, kind?: WorkRecordKind): WorkRecordRow[] {
  return db
    .prepare(
      `SELECT * FROM work_records WHERE case_id = ? AND deleted_hlc IS NULL AND (? IS NULL OR kind = ?)
       ORDER BY record_date DESC, year DESC, seq DESC`,
    )
    .all(caseId, kind ?? null, kind ?? null) as WorkRecordRow[];
}

/** Next number in the per-case, per-kind, per-year sequence, inside the write transaction. */
export function nextWorkRecordNumber(
  db: Db,
  caseId: string,
  kind: WorkRecordKind,
  year: number,
): { seq: number; number: string } {
  // Removed records keep their numbers: a number is never given twice.
  const row = db
    .prepare('SELECT max(seq) AS n FROM work_records WHERE case_id = ? AND kind = ? AND year = ?')
    .get(caseId, kind, year) as { n: number | null };
  const seq = (row.n ?? 0) + 1;
  return { seq, number: `${year}-${NUMBER_MARKS[kind]}-${String(seq).padStart(4, '0')}` };
}

export function peopleOf(db: Db, recordId: string): PersonRef[] {
  return (
    db
      .prepare(
        `SELECT w.user_id, w.part, u.display_name FROM work_record_users w JOIN users u ON u.id = w.user_id
         WHERE w.work_record_id = ? AND w.deleted_hlc IS NULL ORDER BY w.position`,
      )
      .all(recordId) as { user_id: string; part: PersonRef['part']; display_name: string }[]
  ).map((r) => ({ userId: r.user_id, displayName: r.display_name, part: r.part }));
}

/**
 * Leads linked to a record that the user may see: unsealed ones, and sealed ones
 * naming the user (so a link never reveals a sealed lead, not even as a count).
 */
export function visibleLinkedLeads(db: Db, recordId: string, userId: string): LinkedLead[] {
  return (
    db
      .prepare(
        `SELECT l.id, l.number, l.summary, l.status, l.sealed FROM work_record_leads k
         JOIN leads l ON l.id = k.lead_id AND l.deleted_hlc IS NULL
         WHERE k.work_record_id = ? AND k.deleted_hlc IS NULL
         AND (l.sealed = 0 OR EXISTS (SELECT 1 FROM lead_sealed_users s
              WHERE s.lead_id = l.id AND s.user_id = ? AND s.deleted_hlc IS NULL))
         ORDER BY l.year, l.seq`,
      )
      .all(recordId, userId) as (Omit<LinkedLead, 'sealed'> & { sealed: number })[]
  ).map((r) => ({ ...r, sealed: r.sealed === 1 }));
}

function unitRef(db: Db, unitId: string | null): { id: string; name: string } | null {
  if (!unitId) return null;
  const row = db.prepare('SELECT id, name FROM units WHERE id = ?').get(unitId) as
    { id: string; name: string } | undefined;
  return row ?? null;
}

export function toSummary(db: Db, row: WorkRecordRow, userId: string): WorkRecordSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    number: row.number,
    date: row.record_date,
    interviewee:
      row.kind === 'talk'
        ? {
            personId: row.interviewee_person_id,
            name: row.interviewee_name ?? '',
            post: row.interviewee_post,
          }
        : null,
    place: row.place,
    subject: row.subject,
    unit: unitRef(db, row.unit_id),
    receivedDate: row.received_date,
    status: row.status,
    visitMode: row.visit_mode,
    people: peopleOf(db, row.id),
    leadCount: visibleLinkedLeads(db, row.id, userId).length,
  };
}

/** The searchable text of a record: its number and headline, then the rest. */
export function searchDocOf(db: Db, row: WorkRecordRow): { title: string; body: string } {
  const people = peopleOf(db, row.id)
    .map((p) => p.displayName)
    .join(' ');
  const unit = unitRef(db, row.unit_id)?.name ?? '';
  switch (row.kind) {
    case 'talk':
      return {
        title: `${row.number} ${row.interviewee_name ?? ''}`,
        body: [row.interviewee_post ?? '', row.place ?? '', people, row.notes ?? ''].join('\n'),
      };
    case 'document_request':
      return { title: `${row.number} ${row.subject ?? ''}`, body: [unit, row.notes ?? ''].join('\n') };
    case 'visit':
      return {
        title: `${row.number} ${row.place ?? ''}`,
        body: [unit, people, row.notes ?? ''].join('\n'),
      };
  }
}
