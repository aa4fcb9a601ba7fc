import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  WORK_RECORD_KINDS,
  type workRecordInput,
  type WorkRecord,
  type WorkRecordKind,
  type workRecordsContract,
} from '../../../shared/contracts/work-records';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { assertCase, canReadCase } from '../intake-leads/common';
import { leadRow } from '../intake-leads/lead-repo';
import { caseUserIds, readsAuditLog } from '../reference/case-access';
import { indexRecord, unindexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { mayEditKind, mayReadNotes } from './work-record-access';
import {
  nextWorkRecordNumber,
  peopleOf,
  searchDocOf,
  toSummary,
  visibleLinkedLeads,
  workRecordRow,
  workRecordRows,
  type PersonRef,
  type WorkRecordRow,
} from './work-record-repo';

type Input = z.output<typeof workRecordInput>;

/** The stored columns of a record, resolved and checked from the input. */
interface Fields {
  record_date: string;
  interviewee_person_id: string | null;
  interviewee_name: string | null;
  interviewee_post: string | null;
  place: string | null;
  subject: string | null;
  unit_id: string | null;
  received_date: string | null;
  status: WorkRecordRow['status'];
  visit_mode: WorkRecordRow['visit_mode'];
  notes: string | null;
  people: { userId: string; part: PersonRef['part'] }[];
}

const SECRET = '***';

const COLUMNS = [
  'record_date',
  'interviewee_person_id',
  'interviewee_name',
  'interviewee_post',
  'place',
  'subject',
  'unit_id',
  'received_date',
  'status',
  'visit_mode',
  'notes',
] as const;

function liveName(db: Db, table: 'persons' | 'units', id: string): { name: string; post?: string | null } {
  const cols = table === 'persons' ? 'name, post' : 'name';
  const row = db.prepare(`SELECT ${cols} FROM ${table} WHERE id = ? AND deleted_hlc IS NULL`).get(id) as
    { name: string; post?: string | null } | undefined;
  if (!row) throw new AppError('WORK_RECORD_LINK_INVALID');
  return row;
}

/** Checks the input's links (persons, units, the case's users, dates) and returns the columns. */
function resolveFields(db: Db, caseId: string, input: Input): Fields {
  const base: Fields = {
    record_date: input.date,
    interviewee_person_id: null,
    interviewee_name: null,
    interviewee_post: null,
    place: null,
    subject: null,
    unit_id: null,
    received_date: null,
    status: null,
    visit_mode: null,
    notes: input.notes,
    people: [],
  };
  if (input.kind === 'talk') {
    const person = input.intervieweePersonId ? liveName(db, 'persons', input.intervieweePersonId) : null;
    base.interviewee_person_id = input.intervieweePersonId;
    base.interviewee_name = input.intervieweeName ?? person?.name ?? null;
    base.interviewee_post = input.intervieweePost ?? person?.post ?? null;
    base.place = input.place;
    base.people = [
      { userId: input.askerUserId, part: 'asker' },
      { userId: input.recorderUserId, part: 'recorder' },
    ];
  } else if (input.kind === 'document_request') {
    liveName(db, 'units', input.unitId);
    if (input.receivedDate && input.receivedDate < input.date) throw new AppError('WORK_RECORD_DATES_ORDER');
    Object.assign(base, {
      subject: input.subject,
      unit_id: input.unitId,
      received_date: input.receivedDate,
      status: input.status,
    });
  } else {
    if (input.unitId) liveName(db, 'units', input.unitId);
    Object.assign(base, { place: input.place, unit_id: input.unitId, visit_mode: input.visitMode });
    base.people = input.participantUserIds.map((userId) => ({ userId, part: 'participant' as const }));
  }
  // A talk has exactly two different inspectors; everyone named must be in the case's group.
  const members = new Set(caseUserIds(db, caseId));
  const ids = base.people.map((p) => p.userId);
  if (new Set(ids).size !== ids.length || ids.some((u) => !members.has(u))) {
    throw new AppError('WORK_RECORD_PEOPLE_INVALID');
  }
  return base;
}

/** What the audit entry compares: names and dates, never the notes' text. */
function auditView(db: Db, f: Fields | WorkRecordRow, people: readonly { userId: string }[]) {
  const names = people.map(
    (p) =>
      (db.prepare('SELECT display_name FROM users WHERE id = ?').get(p.userId) as { display_name: string })
        .display_name,
  );
  const unit = f.unit_id
    ? (db.prepare('SELECT name FROM units WHERE id = ?').get(f.unit_id) as { name: string }).name
    : null;
  return {
    date: f.record_date,
    interviewee: f.interviewee_name,
    intervieweePost: f.interviewee_post,
    place: f.place,
    subject: f.subject,
    unit,
    receivedDate: f.received_date,
    status: f.status,
    visitMode: f.visit_mode,
    people: names,
    notes: f.notes,
  };
}

function writePeople(
  db: Db,
  recordId: string,
  people: Fields['people'],
  stamp: { hlc: string; office: string },
): void {
  db.prepare(
    'UPDATE work_record_users SET deleted_hlc = ?, updated_hlc = ? WHERE work_record_id = ? AND deleted_hlc IS NULL',
  ).run(stamp.hlc, stamp.hlc, recordId);
  people.forEach((p, position) =>
    db
      .prepare(
        `INSERT INTO work_record_users (id, origin_office, created_hlc, updated_hlc, work_record_id, user_id, part, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(randomUUID(), stamp.office, stamp.hlc, stamp.hlc, recordId, p.userId, p.part, position),
  );
}

function reindex(db: Db, id: string): void {
  const row = workRecordRow(db, id)!;
  indexRecord(db, {
    type: row.kind,
    id,
    caseId: row.case_id,
    date: row.record_date,
    ...searchDocOf(db, row),
  });
}

export function createWorkRecordHandlers(ctx: ServiceContext): HandlersFor<keyof typeof workRecordsContract> {
  const me = () => ctx.session().userId;

  /** A live record of a case the caller is in; any other does not exist for them. */
  const load = (id: string): WorkRecordRow => {
    const row = workRecordRow(ctx.db(), id);
    if (!row || !canReadCase(ctx, row.case_id)) throw new AppError('RECORD_NOT_FOUND');
    return row;
  };
  for (const kind of WORK_RECORD_KINDS) {
    ctx.registerVisibility(kind, (id) => {
      const row = ctx.db().prepare('SELECT case_id, kind FROM work_records WHERE id = ?').get(id) as
        { case_id: string; kind: WorkRecordKind } | undefined;
      return row?.kind === kind && (readsAuditLog(ctx.user()) || canReadCase(ctx, row.case_id));
    });
  }

  const view = (row: WorkRecordRow): WorkRecord => {
    const readable = mayReadNotes(row.kind, ctx.user().roles);
    return {
      ...toSummary(ctx.db(), row, me()),
      notes: readable ? row.notes : null,
      notesHidden: !readable,
      leads: visibleLinkedLeads(ctx.db(), row.id, me()),
    };
  };

  /** A lead the caller may link: live, visible to them, in the record's case. */
  const linkableLead = (row: WorkRecordRow, leadId: string) => {
    const lead = leadRow(ctx.db(), leadId);
    if (!lead || lead.case_id !== row.case_id || !ctx.canSee('lead', leadId)) {
      throw new AppError('WORK_RECORD_LINK_INVALID');
    }
    return lead;
  };
  /** A sealed lead's number stays out of the record's history, which others may read. */
  const leadLabel = (lead: { number: string; sealed: number }) => (lead.sealed ? null : lead.number);

  return {
    'workRecords:list': ({ caseId, kind }) => {
      assertCase(ctx, caseId);
      return workRecordRows(ctx.db(), caseId, kind).map((r) => toSummary(ctx.db(), r, me()));
    },

    'workRecords:get': ({ id }) => view(load(id)),

    'workRecords:save': (input) => {
      const db = ctx.db();
      if (!mayEditKind(input.kind, ctx.user().roles)) throw new AppError('ROLE_FORBIDDEN');
      const before = input.id ? load(input.id) : null;
      if (before && before.kind !== input.kind) throw new AppError('INPUT_INVALID', { field: 'kind' });
      if (before && before.case_id !== input.caseId) throw new AppError('INPUT_INVALID', { field: 'caseId' });
      assertCase(ctx, input.caseId);
      const fields = resolveFields(db, input.caseId, input);
      const id = before?.id ?? randomUUID();
      const oldPeople = before ? peopleOf(db, before.id) : [];
      const changes = diffFields(
        before ? auditView(db, before, oldPeople) : null,
        auditView(db, fields, fields.people),
        ['notes'],
      );
      // The notes' text never enters the log: only whether there were notes before and after.
      if (changes.notes) changes.notes = [before?.notes ? SECRET : null, fields.notes ? SECRET : null];
      const samePeople =
        before !== null &&
        JSON.stringify(oldPeople.map((p) => [p.userId, p.part])) ===
          JSON.stringify(fields.people.map((p) => [p.userId, p.part]));
      if (before && Object.keys(changes).length === 0) return view(before);

      const office = ctx.session().office.id;
      ctx.write(
        {
          action: before ? 'work_record.update' : 'work_record.create',
          entityType: input.kind,
          entityId: id,
          details: { changes },
        },
        (wdb, hlc) => {
          const values = COLUMNS.map((c) => fields[c]);
          if (before) {
            wdb
              .prepare(
                `UPDATE work_records SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_hlc = ? WHERE id = ?`,
              )
              .run(...values, hlc, id);
          } else {
            const year = Number(input.date.slice(0, 4));
            const { seq, number } = nextWorkRecordNumber(wdb, input.caseId, input.kind, year);
            wdb
              .prepare(
                `INSERT INTO work_records (id, origin_office, created_hlc, updated_hlc, case_id, kind, year, seq, number,
                 ${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})`,
              )
              .run(id, office, hlc, hlc, input.caseId, input.kind, year, seq, number, ...values);
          }
          if (!samePeople) writePeople(wdb, id, fields.people, { hlc, office });
          reindex(wdb, id);
        },
      );
      return view(load(id));
    },

    'workRecords:remove': ({ id, reason }) => {
      const row = load(id);
      ctx.write(
        {
          action: 'work_record.remove',
          entityType: row.kind,
          entityId: id,
          details: { number: row.number, reason },
        },
        (wdb, hlc) => {
          wdb
            .prepare(
              'UPDATE work_records SET deleted_hlc = ?, updated_hlc = ?, removed_reason = ? WHERE id = ?',
            )
            .run(hlc, hlc, reason, id);
          unindexRecord(wdb, row.kind, id);
        },
      );
      return null;
    },

    'workRecords:link': ({ id, leadId }) => {
      const row = load(id);
      const lead = linkableLead(row, leadId);
      const linked = ctx
        .db()
        .prepare(
          'SELECT 1 FROM work_record_leads WHERE work_record_id = ? AND lead_id = ? AND deleted_hlc IS NULL',
        )
        .get(id, leadId);
      if (linked) return view(row);
      const label = leadLabel(lead);
      ctx.write(
        {
          action: 'work_record.link',
          entityType: row.kind,
          entityId: id,
          details: { leadId, ...(label ? { changes: { leads: [null, label] } } : {}) },
        },
        (wdb, hlc) =>
          wdb
            .prepare(
              `INSERT INTO work_record_leads (id, origin_office, created_hlc, updated_hlc, work_record_id, lead_id)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(randomUUID(), ctx.session().office.id, hlc, hlc, id, leadId),
      );
      return view(load(id));
    },

    'workRecords:unlink': ({ id, leadId }) => {
      const row = load(id);
      const lead = linkableLead(row, leadId);
      const label = leadLabel(lead);
      const link = ctx
        .db()
        .prepare(
          'SELECT id FROM work_record_leads WHERE work_record_id = ? AND lead_id = ? AND deleted_hlc IS NULL',
        )
        .get(id, leadId) as { id: string } | undefined;
      if (!link) return view(row);
      ctx.write(
        {
          action: 'work_record.unlink',
          entityType: row.kind,
          entityId: id,
          details: { leadId, ...(label ? { changes: { leads: [label, null] } } : {}) },
        },
        (wdb, hlc) =>
          wdb
            .prepare('UPDATE work_record_leads SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?')
            .run(hlc, hlc, link.id),
      );
      return view(load(id));
    },

    'workRecords:forLead': ({ leadId }) => {
      const db = ctx.db();
      const lead = leadRow(db, leadId);
      if (!lead || !ctx.canSee('lead', leadId) || !canReadCase(ctx, lead.case_id)) {
        throw new AppError('RECORD_NOT_FOUND');
      }
      const rows = db
        .prepare(
          `SELECT w.* FROM work_record_leads k JOIN work_records w ON w.id = k.work_record_id
           WHERE k.lead_id = ? AND k.deleted_hlc IS NULL AND w.deleted_hlc IS NULL
           ORDER BY w.record_date, w.number`,
        )
        .all(leadId) as WorkRecordRow[];
      return rows.map((r) => toSummary(db, r, me()));
    },
  };
}
