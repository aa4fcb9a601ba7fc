import type { OverdueRow } from '../../../shared/contracts/intake-leads';
import { addWorkingDays, daysBetween, warningLevel } from '../../../shared/working-days';
import type { Db } from '../db/open-database';
import { readOfficeRules } from '../reference/office-rules';
import { userRef } from './common';
import { intakeRows } from './intake-repo';
import { hasOutcome } from './lead-machine';
import { visibleLeadRows } from './lead-repo';

/**
 * The "every item has an outcome" board (件件有着落): each intake item and visible lead
 * of a case lacking an owner, a decision, a reply or an outcome, with the deadline
 * that applies and its traffic light as of `today`. Items without an owner always
 * show; the others only once their light is on (near or past due).
 */
export function overdueBoard(db: Db, caseId: string, userId: string, today: string): OverdueRow[] {
  const rules = readOfficeRules(db);
  const rows: OverdueRow[] = [];
  const push = (r: Omit<OverdueRow, 'daysLeft' | 'level'>, done = false) => {
    const level = warningLevel(r.due, today, rules.warnings, done);
    if (level === 'none' && r.problem !== 'no_owner') return;
    rows.push({ ...r, level, daysLeft: r.due ? daysBetween(today, r.due) : null });
  };

  for (const i of intakeRows(db, caseId)) {
    const owner = userRef(db, i.owner_user_id)?.displayName ?? null;
    const base = { entityType: 'intake' as const, id: i.id, number: i.number, summary: i.summary, owner };
    const replies = db
      .prepare('SELECT kind FROM intake_replies WHERE intake_id = ? AND deleted_hlc IS NULL')
      .all(i.id) as { kind: string }[];
    const replied = (kind: string) => replies.some((r) => r.kind === kind);
    if (i.status === 'open' && !i.owner_user_id) push({ ...base, problem: 'no_owner', due: i.ack_due });
    if (!i.scope_decision) {
      // The decision comes first: an item for a higher level must be forwarded within this time.
      const due = addWorkingDays(i.received_date, rules.deadlines.intakeForwardWorkingDays, rules.calendar);
      push({ ...base, problem: 'no_decision', due });
    }
    if (i.real_name === 1 && !replied('acknowledgement')) {
      push({ ...base, problem: 'no_acknowledgement', due: i.ack_due });
    }
    if (i.status === 'open' && i.scope_decision === 'forward_higher') {
      push({ ...base, problem: 'no_outcome', due: i.forward_due });
    }
    if (i.status === 'closed' && i.real_name === 1 && !replied('result')) {
      push({ ...base, problem: 'no_result_reply', due: i.reply_due });
    }
  }

  for (const l of visibleLeadRows(db, caseId, userId)) {
    const owner = userRef(db, l.owner_user_id)?.displayName ?? null;
    const base = { entityType: 'lead' as const, id: l.id, number: l.number, summary: l.summary, owner };
    const done = hasOutcome(l.status);
    if (!done && !l.owner_user_id) push({ ...base, problem: 'no_owner', due: l.deadline });
    if (!done) push({ ...base, problem: 'no_outcome', due: l.deadline });
  }

  const rank = { red: 0, yellow: 1, green: 2, none: 3 };
  return rows.sort((a, b) => rank[a.level] - rank[b.level] || (a.due ?? '9').localeCompare(b.due ?? '9'));
}
