import { randomUUID } from 'node:crypto';
import { addWorkingDays } from '../../../shared/working-days';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { readOfficeRules } from '../reference/office-rules';
import { unindexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { canReadCase, readSubjects, replaceSubjects, subjectsDiffer } from './common';
import { canSeeReporter, indexIntake } from './intake-handlers';
import { intakeRow, toIntakeItem, type IntakeRow } from './intake-repo';
import { inputSubjectLabels, storedSubjectLabels } from './subject-labels';

interface Reporter {
  name: string | null;
  unitOrAddress: string | null;
  contact: string | null;
}

function readReporter(db: Db, intakeId: string): (Reporter & { id: string }) | null {
  return (
    (db
      .prepare(
        `SELECT id, name, unit_or_address AS unitOrAddress, contact FROM intake_reporters
         WHERE intake_id = ? AND deleted_hlc IS NULL`,
      )
      .get(intakeId) as (Reporter & { id: string }) | undefined) ?? null
  );
}

/** A reporter section with nothing in it is no reporter section. */
function normalise(r: Partial<Reporter> | null): Reporter | null {
  const out = { name: r?.name ?? null, unitOrAddress: r?.unitOrAddress ?? null, contact: r?.contact ?? null };
  return out.name || out.unitOrAddress || out.contact ? out : null;
}

const same = (a: Reporter | null, b: Reporter | null) =>
  a?.name === b?.name && a?.unitOrAddress === b?.unitOrAddress && a?.contact === b?.contact;

/**
 * What an edit's audit entry compares. The content and the reporter are listed as
 * changed without their values (the audit log never holds them).
 */
function auditView(row: IntakeRow, subjects: string[], reporter: Reporter | null): Record<string, unknown> {
  return {
    channel: row.channel,
    receivedDate: row.received_date,
    realName: row.real_name === 1,
    summary: row.summary,
    content: row.content,
    subjects,
    reporter: reporter ? JSON.stringify(reporter) : null,
    ackDue: row.ack_due,
    forwardDue: row.forward_due,
    replyDue: row.reply_due,
  };
}
const SECRET = ['content', 'reporter'] as const;

/** Editing the registered fields of an intake item, and removing it (a tombstone with a reason). */
export function createIntakeEditHandlers(ctx: ServiceContext): HandlersFor<'intake:edit' | 'intake:remove'> {
  const load = (id: string): IntakeRow => {
    const row = intakeRow(ctx.db(), id);
    if (!row || !canReadCase(ctx, row.case_id)) throw new AppError('RECORD_NOT_FOUND');
    return row;
  };
  const view = (row: IntakeRow) => {
    const item = toIntakeItem(ctx.db(), row, canSeeReporter(ctx));
    return { ...item, leadIds: item.leadIds.filter((leadId) => ctx.canSee('lead', leadId)) };
  };

  return {
    'intake:edit': (input) => {
      const db = ctx.db();
      const before = load(input.id);
      const wasRealName = before.real_name === 1;
      const realName = input.realName ?? wasRealName;
      // The protected section: neither readable nor writable without the role.
      if (!canSeeReporter(ctx) && (input.reporter !== undefined || realName !== wasRealName)) {
        throw new AppError('INTAKE_REPORTER_PROTECTED');
      }
      const storedReporter = readReporter(db, before.id);
      const reporterBefore = normalise(storedReporter);
      const reporter = input.reporter === undefined ? reporterBefore : normalise(input.reporter);
      if (realName && !(reporter?.name && reporter.contact)) throw new AppError('INTAKE_REPORTER_REQUIRED');

      const rules = readOfficeRules(db);
      const next: IntakeRow = {
        ...before,
        channel: input.channel ?? before.channel,
        received_date: input.receivedDate ?? before.received_date,
        real_name: realName ? 1 : 0,
        summary: input.summary ?? before.summary,
        content: input.content ?? before.content,
      };
      const firstReply = db
        .prepare(
          'SELECT min(reply_date) AS d FROM intake_replies WHERE intake_id = ? AND deleted_hlc IS NULL',
        )
        .get(before.id) as { d: string | null };
      for (const d of [next.decided_date, next.closed_date, firstReply.d]) {
        if (d && d < next.received_date) throw new AppError('INTAKE_DATES_ORDER');
      }
      // Due dates follow the receipt date and the real-name flag they are counted from.
      const receivedChanged = next.received_date !== before.received_date;
      if (receivedChanged || realName !== wasRealName) {
        next.ack_due = realName
          ? addWorkingDays(next.received_date, rules.deadlines.intakeAcknowledgeWorkingDays, rules.calendar)
          : null;
      }
      if (receivedChanged && next.scope_decision === 'forward_higher') {
        next.forward_due = addWorkingDays(
          next.received_date,
          rules.deadlines.intakeForwardWorkingDays,
          rules.calendar,
        );
      }
      if (realName !== wasRealName && next.closed_date) {
        next.reply_due = realName
          ? addWorkingDays(next.closed_date, rules.deadlines.intakeReplyWorkingDays, rules.calendar)
          : null;
      }

      const subjectsBefore = storedSubjectLabels(readSubjects(db, 'intake_subjects', 'intake_id', before.id));
      const subjectsChange =
        input.subjects !== undefined &&
        subjectsDiffer(db, 'intake_subjects', 'intake_id', before.id, input.subjects);
      const subjectsAfter =
        input.subjects && subjectsChange ? inputSubjectLabels(db, input.subjects) : subjectsBefore;
      const changes = diffFields(
        auditView(before, subjectsBefore, reporterBefore),
        auditView(next, subjectsAfter, reporter),
        SECRET,
      );
      // Linking a free-text name to its reference record changes no label: still show it.
      if (subjectsChange && !changes.subjects) changes.subjects = [subjectsBefore, subjectsAfter];
      if (Object.keys(changes).length === 0) return view(before);

      const office = ctx.session().office.id;
      ctx.write(
        {
          action: 'intake.edit',
          entityType: 'intake',
          entityId: before.id,
          details: { changes, ...(input.reason ? { reason: input.reason } : {}) },
        },
        (wdb, hlc) => {
          wdb
            .prepare(
              `UPDATE intake_items SET channel = ?, received_date = ?, real_name = ?, summary = ?, content = ?,
               ack_due = ?, forward_due = ?, reply_due = ?, updated_hlc = ? WHERE id = ?`,
            )
            .run(
              next.channel,
              next.received_date,
              next.real_name,
              next.summary,
              next.content,
              next.ack_due,
              next.forward_due,
              next.reply_due,
              hlc,
              before.id,
            );
          if (!same(reporterBefore, reporter)) {
            if (storedReporter) {
              wdb
                .prepare('UPDATE intake_reporters SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?')
                .run(hlc, hlc, storedReporter.id);
            }
            if (reporter) {
              wdb
                .prepare(
                  `INSERT INTO intake_reporters (id, origin_office, created_hlc, updated_hlc, intake_id, name,
                   unit_or_address, contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
                )
                .run(
                  randomUUID(),
                  office,
                  hlc,
                  hlc,
                  before.id,
                  reporter.name,
                  reporter.unitOrAddress,
                  reporter.contact,
                );
            }
          }
          if (input.subjects && subjectsChange) {
            replaceSubjects(wdb, 'intake_subjects', 'intake_id', before.id, input.subjects, { hlc, office });
          }
          indexIntake(wdb, next);
        },
      );
      return view(load(before.id));
    },

    'intake:remove': ({ id, reason }) => {
      const db = ctx.db();
      const row = load(id);
      const lead = db
        .prepare(
          `SELECT 1 FROM lead_sources s JOIN leads l ON l.id = s.lead_id
           WHERE s.intake_id = ? AND s.deleted_hlc IS NULL AND l.deleted_hlc IS NULL`,
        )
        .get(id);
      if (lead) throw new AppError('INTAKE_HAS_LEADS');
      ctx.write(
        {
          action: 'intake.remove',
          entityType: 'intake',
          entityId: id,
          details: { number: row.number, reason },
        },
        (wdb, hlc) => {
          wdb
            .prepare('UPDATE intake_items SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?')
            .run(hlc, hlc, id);
          unindexRecord(wdb, 'intake', id);
        },
      );
      return null;
    },
  };
}
