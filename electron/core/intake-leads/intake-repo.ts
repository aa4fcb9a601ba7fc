import type { IntakeItem } from '../../../shared/contracts/intake-leads';
import { stmt } from '../db/statements';
import type { Db } from '../db/open-database';
import { readSubjects, userRef } from './common';

export const CHANNEL_MARKS = { letter: '信', call: '电', visit: '访', online: '网', referral: '转' } as const;

export interface IntakeRow {
  id: string;
  case_id: string;
  number: string;
  channel: IntakeItem['channel'];
  received_date: string;
  real_name: number;
  summary: string;
  content: string;
  scope_decision: IntakeItem['scopeDecision'];
  scope_reason: string | null;
  decided_date: string | null;
  ack_due: string | null;
  forward_due: string | null;
  closed_date: string | null;
  reply_due: string | null;
  owner_user_id: string | null;
  status: IntakeItem['status'];
}

export function intakeRow(db: Db, id: string): IntakeRow | undefined {
  return stmt(db, 'SELECT * FROM intake_items WHERE id = ? AND deleted_hlc IS NULL').get(id) as
    IntakeRow | undefined;
}

export function intakeRows(db: Db, caseId: string): IntakeRow[] {
  return stmt(
    db,
    'SELECT * FROM intake_items WHERE case_id = ? AND deleted_hlc IS NULL ORDER BY year DESC, seq DESC',
  ).all(caseId) as IntakeRow[];
}

/**
 * The full intake item as the caller may see it: the reporter section only when
 * `withReporter` (intake officer, group leader).
 */
export function toIntakeItem(db: Db, row: IntakeRow, withReporter: boolean): IntakeItem {
  const replies = stmt(
    db,
    `SELECT id, kind, reply_date AS date, way, text FROM intake_replies
       WHERE intake_id = ? AND deleted_hlc IS NULL ORDER BY reply_date, created_hlc`,
  ).all(row.id) as IntakeItem['replies'];
  const reporter = withReporter
    ? ((stmt(
        db,
        `SELECT name, unit_or_address AS unitOrAddress, contact FROM intake_reporters
           WHERE intake_id = ? AND deleted_hlc IS NULL`,
      ).get(row.id) as IntakeItem['reporter'] | undefined) ?? {
        name: null,
        unitOrAddress: null,
        contact: null,
      })
    : null;
  const leadIds = (
    stmt(
      db,
      `SELECT DISTINCT s.lead_id FROM lead_sources s JOIN leads l ON l.id = s.lead_id
         WHERE s.intake_id = ? AND s.deleted_hlc IS NULL AND l.deleted_hlc IS NULL`,
    ).all(row.id) as { lead_id: string }[]
  ).map((r) => r.lead_id);
  return {
    id: row.id,
    caseId: row.case_id,
    number: row.number,
    channel: row.channel,
    receivedDate: row.received_date,
    realName: row.real_name === 1,
    summary: row.summary,
    content: row.content,
    subjects: readSubjects(db, 'intake_subjects', 'intake_id', row.id),
    scopeDecision: row.scope_decision,
    scopeReason: row.scope_reason,
    decidedDate: row.decided_date,
    ackDue: row.ack_due,
    forwardDue: row.forward_due,
    closedDate: row.closed_date,
    replyDue: row.reply_due,
    owner: userRef(db, row.owner_user_id),
    status: row.status,
    replies,
    reporter,
    leadIds,
  };
}
