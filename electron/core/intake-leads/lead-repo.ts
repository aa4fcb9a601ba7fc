import type { Lead } from '../../../shared/contracts/intake-leads';
import { stmt } from '../db/statements';
import type { Db } from '../db/open-database';
import { isCaseMember } from '../reference/case-access';
import { readSubjects, userRef } from './common';
import { actionsFrom } from './lead-machine';

export interface LeadRow {
  id: string;
  case_id: string;
  number: string;
  received_date: string;
  summary: string;
  discipline: string | null;
  tags: string;
  disposal: Lead['disposal'];
  receiving_body: string | null;
  approver_user_id: string | null;
  owner_user_id: string | null;
  deadline: string | null;
  status: Lead['status'];
  result: string | null;
  feedback_date: string | null;
  sealed: number;
}

export function leadRow(db: Db, id: string): LeadRow | undefined {
  return stmt(db, 'SELECT * FROM leads WHERE id = ? AND deleted_hlc IS NULL').get(id) as LeadRow | undefined;
}

export function sealedUserIds(db: Db, leadId: string): string[] {
  return (
    stmt(db, 'SELECT user_id FROM lead_sealed_users WHERE lead_id = ? AND deleted_hlc IS NULL').all(
      leadId,
    ) as { user_id: string }[]
  ).map((r) => r.user_id);
}

/**
 * Leads of a case the user may see: unsealed ones, and sealed ones naming the user.
 * The filter is in SQL so lists, counts and exports agree.
 */
export function visibleLeadRows(db: Db, caseId: string, userId: string): LeadRow[] {
  return stmt(
    db,
    `SELECT l.* FROM leads l WHERE l.case_id = ? AND l.deleted_hlc IS NULL
       AND (l.sealed = 0 OR EXISTS (SELECT 1 FROM lead_sealed_users s
            WHERE s.lead_id = l.id AND s.user_id = ? AND s.deleted_hlc IS NULL))
       ORDER BY l.year DESC, l.seq DESC`,
  ).all(caseId, userId) as LeadRow[];
}

/** A lead is visible to members of its case; a sealed one only to those of them named on it. */
export function isLeadVisible(db: Db, leadId: string, userId: string): boolean {
  const row = stmt(db, 'SELECT sealed, case_id FROM leads WHERE id = ?').get(leadId) as
    { sealed: number; case_id: string } | undefined;
  if (!row || !isCaseMember(db, row.case_id, userId)) return false;
  return row.sealed === 0 || sealedUserIds(db, leadId).includes(userId);
}

export function toLead(db: Db, row: LeadRow): Lead {
  const sources = stmt(
    db,
    `SELECT s.kind, s.intake_id AS intakeId, i.number AS intakeNumber, s.work_record_id AS workRecordId,
              w.number AS workRecordNumber, s.note FROM lead_sources s
       LEFT JOIN intake_items i ON i.id = s.intake_id
       LEFT JOIN work_records w ON w.id = s.work_record_id
       WHERE s.lead_id = ? AND s.deleted_hlc IS NULL ORDER BY s.created_hlc, s.rowid`,
  ).all(row.id) as Lead['sources'];
  const steps = stmt(
    db,
    `SELECT action, from_status AS fromStatus, to_status AS toStatus, actor_name AS actorName,
              wall_time AS at, note FROM lead_steps WHERE lead_id = ? ORDER BY created_hlc, rowid`,
  ).all(row.id) as Lead['steps'];
  return {
    id: row.id,
    caseId: row.case_id,
    number: row.number,
    receivedDate: row.received_date,
    summary: row.summary,
    discipline: row.discipline,
    tags: JSON.parse(row.tags) as string[],
    disposal: row.disposal,
    receivingBody: row.receiving_body,
    approver: userRef(db, row.approver_user_id),
    owner: userRef(db, row.owner_user_id),
    deadline: row.deadline,
    status: row.status,
    result: row.result,
    feedbackDate: row.feedback_date,
    sealed: row.sealed === 1,
    sealedUserIds: row.sealed === 1 ? sealedUserIds(db, row.id) : [],
    subjects: readSubjects(db, 'lead_subjects', 'lead_id', row.id),
    sources,
    steps,
    nextActions: actionsFrom(row.status, row.disposal),
  };
}
