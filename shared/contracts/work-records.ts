import { z } from 'zod';
import { CASE_ROLES, entry, isoDate, text } from '../contract-kit';
import { LEAD_STATUSES } from './intake-leads';

/**
 * Work records of a case (see shared/contract.ts for the rules every entry follows):
 * individual talks (个别谈话: one inspector asks, one records), document requests
 * (调阅资料) and field or unannounced visits (走访/暗访). Each is numbered per case, kind
 * and year (2026-谈-0001), can be linked to leads, is edited and tombstoned through
 * audited services, and shows its history.
 *
 * Who reads what (DOMAIN.md, informant protection):
 * - Every case role sees the list: kind, number, date, place, who was talked to, who went.
 *   The liaison arranges talks and document requests with the inspected unit, so the
 *   schedule is theirs to see.
 * - The notes of a talk are what a named person said to the group: like a reporter's
 *   identity joined to their report, they go only to those who need them. The liaison,
 *   who works with the inspected unit day to day, does not read talk notes, talk
 *   attachments, or find talks in search; the inspectors and the intake officer do.
 * - Document requests and visit findings carry no speaker and stay readable to every
 *   case role; the liaison may also register and update document requests (checked in
 *   the core: WORK_RECORD_KIND_EDITORS).
 * - Removal (tombstone with a reason) is for the group leader and deputies.
 */

export const WORK_RECORD_KINDS = ['talk', 'document_request', 'visit'] as const;
export type WorkRecordKind = (typeof WORK_RECORD_KINDS)[number];
export const DOCUMENT_REQUEST_STATUSES = [
  'requested',
  'partially_received',
  'received',
  'returned',
  'cancelled',
] as const;
/** Statuses that mean documents came in, so the received date is known. */
export const RECEIVED_STATUSES: readonly (typeof DOCUMENT_REQUEST_STATUSES)[number][] = [
  'partially_received',
  'received',
  'returned',
];
export const VISIT_MODES = ['field', 'unannounced'] as const;
export const PERSON_PARTS = ['asker', 'recorder', 'participant'] as const;

/** The character in a record's number, per kind: 2026-谈-0001, 2026-调-0001, 2026-访-0001. */
export const NUMBER_MARKS: Record<WorkRecordKind, string> = {
  talk: '谈',
  document_request: '调',
  visit: '访',
};

export const WORK_RECORD_READERS = CASE_ROLES;
/** Who records talks and visits, links records to leads, and reads talk notes. */
export const WORK_RECORD_EDITORS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;
export const TALK_NOTE_READERS = WORK_RECORD_EDITORS;
/** Per kind: who may register and update it (the contract lets the union call; the core checks the kind). */
export const WORK_RECORD_KIND_EDITORS: Record<WorkRecordKind, readonly string[]> = {
  talk: WORK_RECORD_EDITORS,
  document_request: [...WORK_RECORD_EDITORS, 'liaison'],
  visit: WORK_RECORD_EDITORS,
};
export const WORK_RECORD_SAVERS = [...WORK_RECORD_EDITORS, 'liaison'] as const;
export const WORK_RECORD_REMOVERS = ['group_leader', 'deputy_leader'] as const;

export const TALK_NOTES_MAX = 50_000;

const id = z.string().uuid();

const userRefSchema = z.object({ userId: z.string(), displayName: z.string(), part: z.enum(PERSON_PARTS) });

export const linkedLeadSchema = z.object({
  id: z.string(),
  number: z.string(),
  summary: z.string(),
  status: z.enum(LEAD_STATUSES),
  sealed: z.boolean(),
});
export type LinkedLead = z.infer<typeof linkedLeadSchema>;

export const workRecordSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(WORK_RECORD_KINDS),
  number: z.string(),
  /** The talk's date, the date requested, the visit's date. */
  date: z.string(),
  /** Talk: who was talked to (a reference person or free text). */
  interviewee: z
    .object({ personId: z.string().nullable(), name: z.string(), post: z.string().nullable() })
    .nullable(),
  place: z.string().nullable(),
  /** Document request: what was asked for, from which unit (a visit may name the unit visited). */
  subject: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  receivedDate: z.string().nullable(),
  status: z.enum(DOCUMENT_REQUEST_STATUSES).nullable(),
  visitMode: z.enum(VISIT_MODES).nullable(),
  /** Talk: asker and recorder; visit: who went. */
  people: z.array(userRefSchema),
  leadCount: z.number().int(),
});
export type WorkRecordSummary = z.infer<typeof workRecordSummarySchema>;

export const workRecordSchema = workRecordSummarySchema.extend({
  /** Talk notes, notes on a request, a visit's findings; null when the caller may not read them. */
  notes: z.string().nullable(),
  notesHidden: z.boolean(),
  leads: z.array(linkedLeadSchema),
});
export type WorkRecord = z.infer<typeof workRecordSchema>;

const notes = (max: number) => text(max).nullable().default(null);

const talkInput = z
  .object({
    kind: z.literal('talk'),
    id: id.optional(),
    caseId: id,
    date: isoDate,
    place: text(100),
    intervieweePersonId: id.nullable().default(null),
    /** Free text when the person is not (yet) a reference record; else the record's name is used. */
    intervieweeName: text(40).nullable().default(null),
    intervieweePost: text(80).nullable().default(null),
    askerUserId: id,
    recorderUserId: id,
    notes: notes(TALK_NOTES_MAX),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.intervieweePersonId && !v.intervieweeName) {
      ctx.addIssue({ code: 'custom', path: ['intervieweeName'], message: 'interviewee_required' });
    }
    if (v.askerUserId === v.recorderUserId) {
      ctx.addIssue({ code: 'custom', path: ['recorderUserId'], message: 'inspectors_distinct' });
    }
  });

const documentRequestInput = z
  .object({
    kind: z.literal('document_request'),
    id: id.optional(),
    caseId: id,
    /** The date documents were requested. */
    date: isoDate,
    subject: text(200),
    unitId: id,
    receivedDate: isoDate.nullable().default(null),
    status: z.enum(DOCUMENT_REQUEST_STATUSES),
    notes: notes(5_000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.receivedDate && v.receivedDate < v.date) {
      ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: 'dates_out_of_order' });
    }
    if (RECEIVED_STATUSES.includes(v.status) && !v.receivedDate) {
      ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: 'received_date_required' });
    }
  });

const visitInput = z
  .object({
    kind: z.literal('visit'),
    id: id.optional(),
    caseId: id,
    date: isoDate,
    visitMode: z.enum(VISIT_MODES),
    place: text(200),
    unitId: id.nullable().default(null),
    participantUserIds: z.array(id).min(1).max(20),
    /** The findings. */
    notes: notes(TALK_NOTES_MAX),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.participantUserIds).size !== v.participantUserIds.length) {
      ctx.addIssue({ code: 'custom', path: ['participantUserIds'], message: 'people_distinct' });
    }
  });

export const workRecordInput = z.discriminatedUnion('kind', [talkInput, documentRequestInput, visitInput]);
export type WorkRecordInput = z.input<typeof workRecordInput>;

const linkInput = z.object({ id, leadId: id }).strict();

export const workRecordsContract = {
  'workRecords:list': entry(
    WORK_RECORD_READERS,
    z.object({ caseId: id, kind: z.enum(WORK_RECORD_KINDS).optional() }).strict(),
    z.array(workRecordSummarySchema),
  ),
  'workRecords:get': entry(WORK_RECORD_READERS, z.object({ id }).strict(), workRecordSchema),
  /** Registers (no id) or updates (id) a record; kind and case never change. */
  'workRecords:save': entry(WORK_RECORD_SAVERS, workRecordInput, workRecordSchema),
  'workRecords:remove': entry(WORK_RECORD_REMOVERS, z.object({ id, reason: text(500) }).strict(), z.null()),
  'workRecords:link': entry(WORK_RECORD_EDITORS, linkInput, workRecordSchema),
  'workRecords:unlink': entry(WORK_RECORD_EDITORS, linkInput, workRecordSchema),
  /** The work records linked to one lead (for the lead's page). */
  'workRecords:forLead': entry(
    WORK_RECORD_READERS,
    z.object({ leadId: id }).strict(),
    z.array(workRecordSummarySchema),
  ),
} as const;
