import { addCalendarDays, addWorkingDays } from '../../../shared/working-days';
import type { OfficeRules } from '../../../shared/office-rules';

/**
 * SQL pieces the paged ledgers (intake:page, leads:page) are built from. The sort
 * expressions are also indexed in migration 0005 ("Ledger pages"): SQLite uses an
 * index on an expression only when the query writes the same expression, so any
 * change here needs the same change there (tests/integration/ledger-page-plan.test.ts
 * checks that the pages are read through those indexes).
 */

/**
 * The deadline of an intake item's current stage: the result reply once closed,
 * forwarding while it waits to go to a higher level, otherwise the acknowledgement.
 * Written for the table alias `i`.
 */
export const INTAKE_DUE = `CASE WHEN i.status = 'closed' THEN i.reply_due WHEN i.scope_decision = 'forward_higher' THEN i.forward_due ELSE i.ack_due END`;
export const INTAKE_DUE_KIND = `CASE WHEN i.status = 'closed' THEN (CASE WHEN i.reply_due IS NULL THEN NULL ELSE 'result_reply' END) WHEN i.scope_decision = 'forward_higher' THEN (CASE WHEN i.forward_due IS NULL THEN NULL ELSE 'forward' END) WHEN i.ack_due IS NULL THEN NULL ELSE 'acknowledgement' END`;
/** Sorting puts rows without a deadline after every dated one (ascending). */
export const INTAKE_DUE_SORT = `coalesce(${INTAKE_DUE}, '9999-12-31')`;
export const INTAKE_STATUS_SORT = `CASE i.status WHEN 'open' THEN 0 ELSE 1 END`;

/** For the table alias `l`. */
export const LEAD_DEADLINE_SORT = `coalesce(l.deadline, '9999-12-31')`;
/** The lifecycle order of LEAD_STATUSES. */
export const LEAD_STATUS_SORT = `CASE l.status WHEN 'registered' THEN 0 WHEN 'proposed' THEN 1 WHEN 'approved' THEN 2 WHEN 'in_progress' THEN 3 WHEN 'concluded' THEN 4 WHEN 'transferred' THEN 5 WHEN 'held' THEN 6 ELSE 7 END`;

/** Lead statuses without an outcome yet (the complement of lead-machine.ts hasOutcome). */
const LEAD_PENDING = `('registered', 'proposed', 'approved', 'in_progress')`;

/**
 * An intake item is overdue when a step it waits for is past its deadline: the
 * same problems the overdue board shows in red (overdue.ts), expressed in SQL so a
 * page and its total can filter on it. `@today` and `@decisionCutoff` are bound.
 */
export const INTAKE_OVERDUE = `(
  (i.scope_decision IS NULL AND i.received_date <= @decisionCutoff)
  OR (i.status = 'open' AND i.owner_user_id IS NULL AND i.ack_due < @today)
  OR (i.status = 'open' AND i.scope_decision = 'forward_higher' AND i.forward_due < @today)
  OR (i.real_name = 1 AND i.ack_due < @today AND NOT EXISTS (SELECT 1 FROM intake_replies r
      WHERE r.intake_id = i.id AND r.kind = 'acknowledgement' AND r.deleted_hlc IS NULL))
  OR (i.status = 'closed' AND i.real_name = 1 AND i.reply_due < @today AND NOT EXISTS (SELECT 1 FROM intake_replies r
      WHERE r.intake_id = i.id AND r.kind = 'result' AND r.deleted_hlc IS NULL))
)`;

/** A lead without an outcome past its deadline (the board's red rows). */
export const LEAD_OVERDUE = `(l.status IN ${LEAD_PENDING} AND l.deadline < @today)`;

/**
 * The sealed leads of a case that `@userId` may not see (lead-repo.ts isLeadVisible:
 * a sealed lead is seen by its named users only). Sealed leads are few and have their
 * own index, so the page and its total leave these rowids out instead of testing
 * every lead.
 */
export const LEADS_HIDDEN = `SELECT l.rowid AS r FROM leads l INDEXED BY leads_page_sealed
  WHERE l.case_id = @caseId AND l.sealed = 1 AND l.deleted_hlc IS NULL
  AND NOT EXISTS (SELECT 1 FROM lead_sealed_users s WHERE s.lead_id = l.id AND s.user_id = @userId
                  AND s.deleted_hlc IS NULL)`;

/**
 * The latest received date whose "decide the scope" deadline (forwarding to a higher
 * level, in working days) lies before `today`: items received on or before it and
 * still undecided are overdue. Deadlines grow with the received date, so stepping
 * back from today finds it.
 */
export function decisionCutoff(today: string, rules: OfficeRules): string {
  const n = rules.deadlines.intakeForwardWorkingDays;
  let day = addCalendarDays(today, -1);
  while (addWorkingDays(day, n, rules.calendar) >= today) day = addCalendarDays(day, -1);
  return day;
}

/** `%text%` for LIKE … ESCAPE '\\', with the user's % and _ taken literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `col IN (@p0, @p1 …)` with the values added to `params`. */
export function inList(
  column: string,
  values: readonly string[],
  prefix: string,
  params: Record<string, unknown>,
): string {
  const names = values.map((v, k) => {
    params[`${prefix}${k}`] = v;
    return `@${prefix}${k}`;
  });
  return `${column} IN (${names.join(', ')})`;
}
