import { randomUUID } from 'node:crypto';
import { CASE_ROLES } from '../../../shared/contract-kit';
import { addCalendarDays, addWorkingDays } from '../../../shared/working-days';
import type { OfficeRules } from '../../../shared/office-rules';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { caseUserIds, readsAuditLog } from '../reference/case-access';
import { readOfficeRules } from '../reference/office-rules';
import { indexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { checkWorkRecordSources, linkSourceRecords } from '../work-records/lead-sources';
import {
  allocateNumber,
  assertCase,
  assertCaseUser,
  insertSubjects,
  readSubjects,
  subjectText,
  today,
} from './common';
import { checkTransition, type Disposal } from './lead-machine';
import { isLeadVisible, leadRow, toLead, visibleLeadRows, type LeadRow } from './lead-repo';

type LeadChannels =
  'leads:list' | 'leads:count' | 'leads:get' | 'leads:create' | 'leads:transition' | 'leads:caseUsers';

export function indexLead(db: Db, row: LeadRow): void {
  const subjects = subjectText(readSubjects(db, 'lead_subjects', 'lead_id', row.id));
  indexRecord(db, {
    type: 'lead',
    id: row.id,
    caseId: row.case_id,
    title: `${row.number} ${row.summary}`,
    body: [row.summary, subjects, row.result ?? ''].join('\n'),
    category: row.discipline,
    date: row.received_date,
    sealed: row.sealed === 1,
  });
}

/** The deadline an approved disposal sets, counted from the approval date. */
function disposalDeadline(disposal: Disposal, from: string, rules: OfficeRules): string | null {
  const d = rules.deadlines;
  switch (disposal) {
    case 'talk_or_inquiry_letter':
      return addWorkingDays(from, d.inquiryReplyWorkingDays, rules.calendar);
    case 'preliminary_verification':
      return addWorkingDays(from, d.preliminaryVerificationWorkingDays, rules.calendar);
    case 'transfer_discipline_commission':
    case 'transfer_organisation_department':
      return addCalendarDays(from, d.transferFeedbackDays);
    default:
      return null;
  }
}

/** Fields the audit entry compares (codes and dates only: no summary, no result text). */
function auditView(row: LeadRow): Record<string, unknown> {
  return {
    status: row.status,
    disposal: row.disposal,
    approverUserId: row.approver_user_id,
    deadline: row.deadline,
    feedbackDate: row.feedback_date,
  };
}

export function createLeadHandlers(ctx: ServiceContext): HandlersFor<LeadChannels> {
  const me = () => ctx.session().userId;
  ctx.registerVisibility(
    'lead',
    (id) =>
      isLeadVisible(ctx.db(), id, me()) || (readsAuditLog(ctx.user()) && leadRow(ctx.db(), id)?.sealed === 0),
  );

  /** A lead the user may see; a sealed lead not naming the user does not exist for them. */
  const load = (id: string): LeadRow => {
    const row = leadRow(ctx.db(), id);
    if (!row || !isLeadVisible(ctx.db(), id, me())) throw new AppError('RECORD_NOT_FOUND');
    return row;
  };

  return {
    'leads:list': ({ caseId }) => {
      assertCase(ctx, caseId);
      return visibleLeadRows(ctx.db(), caseId, me()).map((r) => toLead(ctx.db(), r));
    },

    'leads:count': ({ caseId }) => {
      assertCase(ctx, caseId);
      return { total: visibleLeadRows(ctx.db(), caseId, me()).length };
    },

    'leads:get': ({ id }) => toLead(ctx.db(), load(id)),

    'leads:create': (input) => {
      const db = ctx.db();
      assertCase(ctx, input.caseId);
      assertCaseUser(ctx, input.caseId, input.ownerUserId);
      input.sealedUserIds.forEach((u) => assertCaseUser(ctx, input.caseId, u));
      for (const s of input.sources) {
        if (!s.intakeId) continue;
        const src = db
          .prepare('SELECT 1 FROM intake_items WHERE id = ? AND case_id = ? AND deleted_hlc IS NULL')
          .get(s.intakeId, input.caseId);
        if (!src) throw new AppError('INTAKE_LINK_INVALID');
      }
      checkWorkRecordSources(db, input.caseId, input.sources);
      const rules = readOfficeRules(db);
      const codes = (list: OfficeRules['disciplines']) => list.filter((c) => !c.retired).map((c) => c.code);
      if (input.discipline && !codes(rules.disciplines).includes(input.discipline)) {
        throw new AppError('INPUT_INVALID', { field: 'discipline' });
      }
      const badTag = input.tags.find((t) => !codes(rules.leadTags).includes(t));
      if (badTag) throw new AppError('INPUT_INVALID', { field: 'tags' });

      const id = randomUUID();
      const year = Number(input.receivedDate.slice(0, 4));
      const office = ctx.session().office.id;
      // The registering user stays among the named readers of a sealed lead.
      const named = input.sealed ? [...new Set([...input.sealedUserIds, me()])] : [];
      const user = ctx.user();
      ctx.write(
        {
          action: 'lead.create',
          entityType: 'lead',
          entityId: id,
          details: { sealed: input.sealed, sources: input.sources.map((s) => s.kind) },
        },
        (wdb, hlc) => {
          const { seq, number } = allocateNumber(
            wdb,
            'leads',
            input.caseId,
            year,
            input.number,
            (n) => `${year}-线-${String(n).padStart(4, '0')}`,
          );
          wdb
            .prepare(
              `INSERT INTO leads (id, origin_office, created_hlc, updated_hlc, case_id, year, seq, number,
               received_date, summary, discipline, tags, owner_user_id, deadline, status, sealed)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?)`,
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
              input.receivedDate,
              input.summary,
              input.discipline ?? null,
              JSON.stringify(input.tags),
              input.ownerUserId ?? null,
              addCalendarDays(input.receivedDate, rules.deadlines.leadDisposalDays),
              input.sealed ? 1 : 0,
            );
          for (const userId of named) {
            wdb
              .prepare(
                `INSERT INTO lead_sealed_users (id, origin_office, created_hlc, updated_hlc, lead_id, user_id)
                 VALUES (?, ?, ?, ?, ?, ?)`,
              )
              .run(randomUUID(), office, hlc, hlc, id, userId);
          }
          for (const s of input.sources) {
            wdb
              .prepare(
                `INSERT INTO lead_sources (id, origin_office, created_hlc, updated_hlc, lead_id, kind, intake_id,
                 work_record_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                randomUUID(),
                office,
                hlc,
                hlc,
                id,
                s.kind,
                s.intakeId ?? null,
                s.workRecordId ?? null,
                s.note ?? null,
              );
          }
          linkSourceRecords(wdb, id, input.sources, { hlc, office });
          insertSubjects(wdb, 'lead_subjects', 'lead_id', id, input.subjects, { hlc, office });
          insertStep(
            wdb,
            { id: randomUUID(), office, hlc },
            id,
            'register',
            'registered',
            'registered',
            user,
            ctx,
          );
          indexLead(wdb, leadRow(wdb, id)!);
        },
      );
      return toLead(ctx.db(), load(id));
    },

    'leads:transition': (input) => {
      const db = ctx.db();
      const before = load(input.id);
      const user = ctx.user();
      const disposal = input.action === 'propose' ? (input.disposal ?? null) : before.disposal;
      const check = checkTransition(before.status, input.action, user.roles, disposal, input);
      if (!check.ok) throw new AppError(check.code, check.field ? { field: check.field } : undefined);
      const rules = readOfficeRules(db);
      const day = today(ctx);
      const next: LeadRow = { ...before, status: check.to };
      if (input.action === 'propose') next.disposal = disposal;
      if (input.action === 'approve') {
        next.approver_user_id = user.id;
        next.deadline = disposalDeadline(before.disposal!, day, rules);
      }
      if (input.action === 'transfer') next.receiving_body = input.receivingBody ?? null;
      if (input.result) next.result = input.result;
      if (input.feedbackDate) {
        if (input.feedbackDate < before.received_date) throw new AppError('INTAKE_DATES_ORDER');
        next.feedback_date = input.feedbackDate;
      }
      const changes = diffFields(auditView(before), auditView(next));
      ctx.write(
        {
          action: 'lead.transition',
          entityType: 'lead',
          entityId: before.id,
          details: { step: input.action, changes },
        },
        (wdb, hlc) => {
          wdb
            .prepare(
              `UPDATE leads SET status = ?, disposal = ?, approver_user_id = ?, deadline = ?, receiving_body = ?,
               result = ?, feedback_date = ?, updated_hlc = ? WHERE id = ?`,
            )
            .run(
              next.status,
              next.disposal,
              next.approver_user_id,
              next.deadline,
              next.receiving_body,
              next.result,
              next.feedback_date,
              hlc,
              before.id,
            );
          insertStep(
            wdb,
            { id: randomUUID(), office: ctx.session().office.id, hlc },
            before.id,
            input.action,
            before.status,
            next.status,
            user,
            ctx,
            input.note,
          );
          indexLead(wdb, next);
        },
      );
      return toLead(ctx.db(), load(before.id));
    },

    // The case's group only: who may own, approve or be named on its records.
    'leads:caseUsers': ({ caseId }) => {
      assertCase(ctx, caseId);
      const members = new Set(caseUserIds(ctx.db(), caseId));
      const rows = (
        ctx
          .db()
          .prepare(
            'SELECT id, display_name, roles FROM users WHERE deleted_hlc IS NULL ORDER BY display_name',
          )
          .all() as { id: string; display_name: string; roles: string }[]
      ).filter((r) => members.has(r.id));
      return rows
        .map((r) => ({ id: r.id, displayName: r.display_name, roles: JSON.parse(r.roles) as string[] }))
        .filter((u) => u.roles.some((role) => (CASE_ROLES as readonly string[]).includes(role)));
    },
  };
}

/** The handler's signature on one step: who, when, from which status to which. */
function insertStep(
  db: Db,
  stamp: { id: string; office: string; hlc: string },
  leadId: string,
  action: string,
  from: string,
  to: string,
  user: { id: string; displayName: string },
  ctx: ServiceContext,
  note?: string,
): void {
  db.prepare(
    `INSERT INTO lead_steps (id, origin_office, created_hlc, updated_hlc, lead_id, action, from_status, to_status,
     actor_user_id, actor_name, wall_time, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    stamp.id,
    stamp.office,
    stamp.hlc,
    stamp.hlc,
    leadId,
    action,
    from,
    to,
    user.id,
    user.displayName,
    new Date(ctx.now()).toISOString(),
    note ?? null,
  );
}
