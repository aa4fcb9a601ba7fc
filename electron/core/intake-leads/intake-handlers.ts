import { randomUUID } from 'node:crypto';
import { REPORTER_READERS } from '../../../shared/contracts/intake-leads';
import { addWorkingDays } from '../../../shared/working-days';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { readsAuditLog } from '../reference/case-access';
import { readOfficeRules } from '../reference/office-rules';
import { indexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { allocateNumber, assertCase, assertCaseUser, canReadCase, insertSubjects, today } from './common';
import { CHANNEL_MARKS, intakeRow, intakeRows, toIntakeItem, type IntakeRow } from './intake-repo';

type IntakeChannels = 'intake:list' | 'intake:get' | 'intake:create' | 'intake:update' | 'intake:addReply';

/** Fields whose changes the audit entry lists (never the reporter or the content). */
function auditView(row: IntakeRow): Record<string, unknown> {
  return {
    scopeDecision: row.scope_decision,
    scopeReason: row.scope_reason,
    decidedDate: row.decided_date,
    closedDate: row.closed_date,
    ownerUserId: row.owner_user_id,
    status: row.status,
  };
}

export function canSeeReporter(ctx: ServiceContext): boolean {
  return ctx.user().roles.some((r) => (REPORTER_READERS as readonly string[]).includes(r));
}

/** Search entry: number + summary as title, the content as text; never the reporter. */
export function indexIntake(db: Db, row: IntakeRow): void {
  indexRecord(db, {
    type: 'intake',
    id: row.id,
    caseId: row.case_id,
    title: `${row.number} ${row.summary}`,
    body: row.content,
    category: row.channel,
    date: row.received_date,
  });
}

export function createIntakeHandlers(ctx: ServiceContext): HandlersFor<IntakeChannels> {
  /** An item of a case the caller is in; any other does not exist for them. */
  const load = (id: string): IntakeRow => {
    const row = intakeRow(ctx.db(), id);
    if (!row || !canReadCase(ctx, row.case_id)) throw new AppError('RECORD_NOT_FOUND');
    return row;
  };
  ctx.registerVisibility('intake', (id) => {
    const row = intakeRow(ctx.db(), id);
    return row !== undefined && (readsAuditLog(ctx.user()) || canReadCase(ctx, row.case_id));
  });
  const view = (row: IntakeRow) => {
    const item = toIntakeItem(ctx.db(), row, canSeeReporter(ctx));
    return { ...item, leadIds: item.leadIds.filter((leadId) => ctx.canSee('lead', leadId)) };
  };

  return {
    'intake:list': ({ caseId }) => {
      assertCase(ctx, caseId);
      return intakeRows(ctx.db(), caseId).map(view);
    },

    'intake:get': ({ id }) => view(load(id)),

    'intake:create': (input) => {
      const db = ctx.db();
      assertCase(ctx, input.caseId);
      assertCaseUser(ctx, input.caseId, input.ownerUserId);
      const rules = readOfficeRules(db);
      const id = randomUUID();
      const year = Number(input.receivedDate.slice(0, 4));
      const office = ctx.session().office.id;
      // Acceptance notice only for reporters who can be answered (real name).
      const ackDue = input.realName
        ? addWorkingDays(input.receivedDate, rules.deadlines.intakeAcknowledgeWorkingDays, rules.calendar)
        : null;
      ctx.write({ action: 'intake.create', entityType: 'intake', entityId: id }, (wdb, hlc) => {
        const { seq, number } = allocateNumber(
          wdb,
          'intake_items',
          input.caseId,
          year,
          input.number,
          (n) => `${year}-${CHANNEL_MARKS[input.channel]}-${String(n).padStart(4, '0')}`,
        );
        wdb
          .prepare(
            `INSERT INTO intake_items (id, origin_office, created_hlc, updated_hlc, case_id, year, seq, number,
             channel, received_date, real_name, summary, content, ack_due, owner_user_id, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
          )
          .run(
            id,
            office,
            hlc,
            hlc,
            input.caseId,
            year,
            seq,
            number,
            input.channel,
            input.receivedDate,
            input.realName ? 1 : 0,
            input.summary,
            input.content,
            ackDue,
            input.ownerUserId ?? null,
          );
        if (
          input.reporter &&
          (input.reporter.name || input.reporter.contact || input.reporter.unitOrAddress)
        ) {
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
              id,
              input.reporter.name ?? null,
              input.reporter.unitOrAddress ?? null,
              input.reporter.contact ?? null,
            );
        }
        insertSubjects(wdb, 'intake_subjects', 'intake_id', id, input.subjects, { hlc, office });
        indexIntake(wdb, load(id));
      });
      return view(load(id));
    },

    'intake:update': (input) => {
      const db = ctx.db();
      const before = load(input.id);
      assertCaseUser(ctx, before.case_id, input.ownerUserId);
      const rules = readOfficeRules(db);
      const next: IntakeRow = { ...before };
      if (input.ownerUserId !== undefined) next.owner_user_id = input.ownerUserId;
      if (input.scopeDecision) {
        next.scope_decision = input.scopeDecision;
        next.scope_reason = input.scopeReason ?? null;
        next.decided_date = input.decidedDate ?? before.decided_date ?? input.closedDate ?? today(ctx);
        next.forward_due =
          input.scopeDecision === 'forward_higher'
            ? addWorkingDays(before.received_date, rules.deadlines.intakeForwardWorkingDays, rules.calendar)
            : null;
      } else if (input.scopeReason) {
        next.scope_reason = input.scopeReason;
      }
      if (input.closedDate) {
        next.closed_date = input.closedDate;
        next.status = 'closed';
        next.reply_due =
          before.real_name === 1
            ? addWorkingDays(input.closedDate, rules.deadlines.intakeReplyWorkingDays, rules.calendar)
            : null;
      }
      for (const d of [next.decided_date, next.closed_date]) {
        if (d && d < before.received_date) throw new AppError('INTAKE_DATES_ORDER');
      }
      const changes = diffFields(auditView(before), auditView(next));
      ctx.write(
        { action: 'intake.update', entityType: 'intake', entityId: before.id, details: { changes } },
        (wdb, hlc) => {
          wdb
            .prepare(
              `UPDATE intake_items SET owner_user_id = ?, scope_decision = ?, scope_reason = ?, decided_date = ?,
               forward_due = ?, closed_date = ?, reply_due = ?, status = ?, updated_hlc = ? WHERE id = ?`,
            )
            .run(
              next.owner_user_id,
              next.scope_decision,
              next.scope_reason,
              next.decided_date,
              next.forward_due,
              next.closed_date,
              next.reply_due,
              next.status,
              hlc,
              before.id,
            );
          indexIntake(wdb, next);
        },
      );
      return view(load(before.id));
    },

    'intake:addReply': (input) => {
      const row = load(input.intakeId);
      if (input.date < row.received_date) throw new AppError('INTAKE_DATES_ORDER');
      const replyId = randomUUID();
      ctx.write(
        {
          action: 'intake.reply',
          entityType: 'intake',
          entityId: row.id,
          details: { kind: input.kind, date: input.date, way: input.way },
        },
        (wdb, hlc) =>
          wdb
            .prepare(
              `INSERT INTO intake_replies (id, origin_office, created_hlc, updated_hlc, intake_id, kind, reply_date,
               way, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              replyId,
              ctx.session().office.id,
              hlc,
              hlc,
              row.id,
              input.kind,
              input.date,
              input.way,
              input.text,
            ),
      );
      return view(load(row.id));
    },
  };
}
