import { randomUUID } from 'node:crypto';
import { LEAD_SEALERS } from '../../../shared/contracts/intake-leads-edits';
import type { OfficeRules } from '../../../shared/office-rules';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { readOfficeRules } from '../reference/office-rules';
import { unindexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { checkWorkRecordSources, linkSourceRecords } from '../work-records/lead-sources';
import { assertCaseUser, readSubjects, replaceSubjects, subjectsDiffer, userRef } from './common';
import { indexLead } from './lead-handlers';
import { isLeadVisible, leadRow, sealedUserIds, toLead, type LeadRow } from './lead-repo';
import { inputSubjectLabels, storedSubjectLabels } from './subject-labels';

interface SourceKey {
  kind: string;
  intakeId: string | null;
  workRecordId: string | null;
  note: string | null;
}

const sourceKey = (s: SourceKey) => JSON.stringify([s.kind, s.intakeId, s.workRecordId, s.note]);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

function liveSources(db: Db, leadId: string): (SourceKey & { id: string; intakeNumber: string | null })[] {
  return db
    .prepare(
      `SELECT s.id, s.kind, s.intake_id AS intakeId, s.work_record_id AS workRecordId, s.note,
              i.number AS intakeNumber FROM lead_sources s
       LEFT JOIN intake_items i ON i.id = s.intake_id WHERE s.lead_id = ? AND s.deleted_hlc IS NULL`,
    )
    .all(leadId) as (SourceKey & { id: string; intakeNumber: string | null })[];
}

/** A new discipline or tag must be a current (not retired) code; ones already on the lead may stay. */
function assertCodes(rules: OfficeRules, before: LeadRow, discipline: string | null, tags: string[]): void {
  const active = (list: OfficeRules['disciplines']) => list.filter((c) => !c.retired).map((c) => c.code);
  if (discipline && discipline !== before.discipline && !active(rules.disciplines).includes(discipline)) {
    throw new AppError('INPUT_INVALID', { field: 'discipline' });
  }
  const had = JSON.parse(before.tags) as string[];
  if (tags.some((t) => !had.includes(t) && !active(rules.leadTags).includes(t))) {
    throw new AppError('INPUT_INVALID', { field: 'tags' });
  }
}

/** Editing the registered fields of a lead (sealing by the group leader only), and removing one. */
export function createLeadEditHandlers(ctx: ServiceContext): HandlersFor<'leads:edit' | 'leads:remove'> {
  const me = () => ctx.session().userId;
  const load = (id: string): LeadRow => {
    const row = leadRow(ctx.db(), id);
    if (!row || !isLeadVisible(ctx.db(), id, me())) throw new AppError('RECORD_NOT_FOUND');
    return row;
  };
  const userName = (db: Db, id: string | null) => userRef(db, id)?.displayName ?? null;

  return {
    'leads:edit': (input) => {
      const db = ctx.db();
      const before = load(input.id);
      const user = ctx.user();
      const isSealer = user.roles.some((r) => (LEAD_SEALERS as readonly string[]).includes(r));

      // Sealing: the flag and the named readers change only by the group leader, who stays named.
      const wasSealed = before.sealed === 1;
      const namedBefore = wasSealed ? sealedUserIds(db, before.id) : [];
      const sealed = input.sealed ?? wasSealed;
      let named = sealed ? [...(input.sealedUserIds ?? namedBefore)] : [];
      if (sealed && isSealer) named = [...new Set([...named, me()])];
      const sealChange = sealed !== wasSealed || !sameSet(named, namedBefore);
      if (sealChange && !isSealer) throw new AppError('LEAD_SEAL_LEADER_ONLY');
      if (sealChange) named.forEach((u) => assertCaseUser(ctx, before.case_id, u));

      const next: LeadRow = {
        ...before,
        summary: input.summary ?? before.summary,
        discipline: input.discipline === undefined ? before.discipline : input.discipline,
        tags: input.tags ? JSON.stringify(input.tags) : before.tags,
        owner_user_id: input.ownerUserId === undefined ? before.owner_user_id : input.ownerUserId,
        deadline: input.deadline === undefined ? before.deadline : input.deadline,
        sealed: sealed ? 1 : 0,
      };
      if (next.owner_user_id !== before.owner_user_id)
        assertCaseUser(ctx, before.case_id, next.owner_user_id);
      assertCodes(readOfficeRules(db), before, next.discipline, JSON.parse(next.tags) as string[]);
      if (next.deadline && next.deadline < before.received_date) throw new AppError('INTAKE_DATES_ORDER');

      const sourcesBefore = liveSources(db, before.id);
      for (const s of input.sources ?? []) {
        if (!s.intakeId) continue;
        const src = db
          .prepare('SELECT 1 FROM intake_items WHERE id = ? AND case_id = ? AND deleted_hlc IS NULL')
          .get(s.intakeId, before.case_id);
        if (!src) throw new AppError('INTAKE_LINK_INVALID');
      }
      checkWorkRecordSources(db, before.case_id, input.sources ?? []);
      const sourcesAfter = (input.sources ?? sourcesBefore).map((s) => ({
        kind: s.kind,
        intakeId: s.intakeId ?? null,
        workRecordId: s.workRecordId ?? null,
        note: s.note ?? null,
      }));
      const sourcesChange = !sameSet(sourcesAfter.map(sourceKey), sourcesBefore.map(sourceKey));
      const intakeNumber = (intakeId: string | null) =>
        intakeId
          ? ((db.prepare('SELECT number FROM intake_items WHERE id = ?').get(intakeId) as { number: string })
              .number ?? null)
          : null;
      const sourceLabels = (list: SourceKey[]) =>
        list.map((s) => [s.kind, intakeNumber(s.intakeId), s.note].filter(Boolean).join(' ')).sort();

      const subjectsBefore = storedSubjectLabels(readSubjects(db, 'lead_subjects', 'lead_id', before.id));
      const subjectsChange =
        input.subjects !== undefined &&
        subjectsDiffer(db, 'lead_subjects', 'lead_id', before.id, input.subjects);
      const subjectsAfter =
        input.subjects && subjectsChange ? inputSubjectLabels(db, input.subjects) : subjectsBefore;

      const view = (row: LeadRow, subjects: string[], sources: SourceKey[], users: string[]) => ({
        summary: row.summary,
        discipline: row.discipline,
        tags: JSON.parse(row.tags) as string[],
        subjects,
        sources: sourceLabels(sources),
        owner: userName(db, row.owner_user_id),
        deadline: row.deadline,
        sealed: row.sealed === 1,
        sealedUsers: users.map((u) => userName(db, u)).sort(),
      });
      // A sealed lead's summary and persons stay out of the audit log, which the auditor reads.
      const secret = wasSealed || sealed ? ['summary', 'subjects'] : [];
      const changes = diffFields(
        view(before, subjectsBefore, sourcesBefore, namedBefore),
        view(next, subjectsAfter, sourcesAfter, named),
        secret,
      );
      if (subjectsChange && !changes.subjects) {
        changes.subjects = secret.length ? ['***', '***'] : [subjectsBefore, subjectsAfter];
      }
      if (Object.keys(changes).length === 0) return toLead(db, before);

      const office = ctx.session().office.id;
      ctx.write(
        {
          action: sealChange ? 'lead.seal' : 'lead.update',
          entityType: 'lead',
          entityId: before.id,
          details: { changes, ...(input.reason ? { reason: input.reason } : {}) },
        },
        (wdb, hlc) => {
          wdb
            .prepare(
              `UPDATE leads SET summary = ?, discipline = ?, tags = ?, owner_user_id = ?, deadline = ?, sealed = ?,
               updated_hlc = ? WHERE id = ?`,
            )
            .run(
              next.summary,
              next.discipline,
              next.tags,
              next.owner_user_id,
              next.deadline,
              next.sealed,
              hlc,
              before.id,
            );
          if (sealChange) {
            const tomb = wdb.prepare(
              'UPDATE lead_sealed_users SET deleted_hlc = ?, updated_hlc = ? WHERE lead_id = ? AND user_id = ? AND deleted_hlc IS NULL',
            );
            for (const u of namedBefore.filter((u) => !named.includes(u))) tomb.run(hlc, hlc, before.id, u);
            for (const u of named.filter((u) => !namedBefore.includes(u))) {
              wdb
                .prepare(
                  `INSERT INTO lead_sealed_users (id, origin_office, created_hlc, updated_hlc, lead_id, user_id)
                   VALUES (?, ?, ?, ?, ?, ?)`,
                )
                .run(randomUUID(), office, hlc, hlc, before.id, u);
            }
          }
          if (sourcesChange) {
            const keep = sourcesAfter.map(sourceKey);
            for (const s of sourcesBefore) {
              const at = keep.indexOf(sourceKey(s));
              if (at >= 0) keep.splice(at, 1);
              else {
                wdb
                  .prepare('UPDATE lead_sources SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?')
                  .run(hlc, hlc, s.id);
              }
            }
            for (const s of sourcesAfter) {
              const at = keep.indexOf(sourceKey(s));
              if (at < 0) continue;
              keep.splice(at, 1);
              wdb
                .prepare(
                  `INSERT INTO lead_sources (id, origin_office, created_hlc, updated_hlc, lead_id, kind, intake_id,
                   work_record_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                )
                .run(randomUUID(), office, hlc, hlc, before.id, s.kind, s.intakeId, s.workRecordId, s.note);
            }
            linkSourceRecords(wdb, before.id, sourcesAfter, { hlc, office });
          }
          if (input.subjects && subjectsChange) {
            replaceSubjects(wdb, 'lead_subjects', 'lead_id', before.id, input.subjects, { hlc, office });
          }
          indexLead(wdb, next);
        },
      );
      return toLead(db, load(before.id));
    },

    'leads:remove': ({ id, reason }) => {
      const db = ctx.db();
      const row = load(id);
      const approved =
        row.approver_user_id !== null ||
        db.prepare("SELECT 1 FROM lead_steps WHERE lead_id = ? AND action = 'approve'").get(id) !== undefined;
      if (approved) throw new AppError('LEAD_APPROVED_NO_REMOVE');
      ctx.write(
        { action: 'lead.remove', entityType: 'lead', entityId: id, details: { number: row.number, reason } },
        (wdb, hlc) => {
          wdb.prepare('UPDATE leads SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?').run(hlc, hlc, id);
          unindexRecord(wdb, 'lead', id);
        },
      );
      return null;
    },
  };
}
