import { z } from 'zod';
import { CASE_ROLES, entry, isoDate, text } from '../contract-kit';

/** Channels of the intake-leads domain (see shared/contract.ts for the rules every entry follows). */

export const INTAKE_CHANNELS = ['letter', 'call', 'visit', 'online', 'referral'] as const;
export const SCOPE_DECISIONS = ['accept', 'forward_higher', 'forward_other', 'not_accepted'] as const;
export const REPLY_KINDS = ['acknowledgement', 'result'] as const;
export const REPLY_WAYS = ['letter', 'phone', 'in_person', 'online'] as const;
export const LEAD_SOURCE_KINDS = ['intake', 'talk', 'document_review', 'visit', 'data_analysis'] as const;
export const DISPOSALS = [
  'talk_or_inquiry_letter',
  'preliminary_verification',
  'hold',
  'close',
  'transfer_discipline_commission',
  'transfer_organisation_department',
] as const;
export const LEAD_STATUSES = [
  'registered',
  'proposed',
  'approved',
  'in_progress',
  'concluded',
  'transferred',
  'held',
  'closed',
] as const;
export const LEAD_ACTIONS = [
  'propose',
  'approve',
  'return',
  'start',
  'conclude',
  'transfer',
  'hold',
  'close',
  'record_feedback',
] as const;

/** Who may read intake items, leads and the overdue board. */
export const INTAKE_READERS = CASE_ROLES;
/** Who registers and edits intake items. */
export const INTAKE_EDITORS = ['intake_officer', 'group_leader', 'deputy_leader'] as const;
/** Who sees the reporter's identity and contact. */
export const REPORTER_READERS = ['intake_officer', 'group_leader'] as const;
/** Who registers leads and moves them along (approval needs the group leader, checked in the core). */
export const LEAD_WORKERS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;

const id = z.string().uuid();
const caseInput = z.object({ caseId: id }).strict();

/**
 * A ledger number entered by hand (offices that keep a paper ledger): letters, digits
 * and the usual ledger punctuation, with at least one digit, at most 40 characters.
 */
export const LEDGER_NUMBER_PATTERN = /^(?=.*\d)[\p{L}\p{N}\-_[\]〔〕()（）/.·]{1,40}$/u;
export const ledgerNumber = z.string().trim().regex(LEDGER_NUMBER_PATTERN);

/** A person or unit reported: a reference record, or free text when it is not (yet) one. */
export const subjectInput = z
  .object({
    personId: id.optional(),
    unitId: id.optional(),
    freeText: text(100).optional(),
    post: text(60).optional(),
    managementLevel: text(40).optional(),
  })
  .strict()
  .refine((s) => s.personId || s.unitId || s.freeText, { message: 'subject_required' });

/** Where a lead came from; an intake source names its intake item. */
export const leadSourceInput = z
  .object({
    kind: z.enum(LEAD_SOURCE_KINDS),
    intakeId: id.optional(),
    /** A talk, document review or visit source may name its work record (shared/contracts/work-records.ts). */
    workRecordId: id.optional(),
    note: text(200).optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'intake' || s.intakeId, { path: ['intakeId'], message: 'required' })
  .refine((s) => !s.workRecordId || ['talk', 'document_review', 'visit'].includes(s.kind), {
    path: ['workRecordId'],
    message: 'not_a_work_record_source',
  });

/** A discipline category or tag code from the office rules. */
export const leadCode = z.string().regex(/^[a-z0-9_]{1,40}$/);

const subjectSchema = z.object({
  personId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** The person's or unit's name as recorded (free text or the reference record's name). */
  name: z.string(),
  unitName: z.string().nullable(),
  post: z.string().nullable(),
  managementLevel: z.string().nullable(),
});

export const reporterInput = z
  .object({
    name: text(60).optional(),
    unitOrAddress: text(200).optional(),
    contact: text(100).optional(),
  })
  .strict();

const reporterSchema = z.object({
  name: z.string().nullable(),
  unitOrAddress: z.string().nullable(),
  contact: z.string().nullable(),
});

const replySchema = z.object({
  id: z.string(),
  kind: z.enum(REPLY_KINDS),
  date: z.string(),
  way: z.enum(REPLY_WAYS),
  text: z.string(),
});

export const intakeItemSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  number: z.string(),
  channel: z.enum(INTAKE_CHANNELS),
  receivedDate: z.string(),
  realName: z.boolean(),
  summary: z.string(),
  content: z.string(),
  subjects: z.array(subjectSchema),
  scopeDecision: z.enum(SCOPE_DECISIONS).nullable(),
  scopeReason: z.string().nullable(),
  decidedDate: z.string().nullable(),
  ackDue: z.string().nullable(),
  forwardDue: z.string().nullable(),
  closedDate: z.string().nullable(),
  replyDue: z.string().nullable(),
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  status: z.enum(['open', 'closed']),
  replies: z.array(replySchema),
  /** Present only for the intake officer and the group leader. */
  reporter: reporterSchema.nullable(),
  leadIds: z.array(z.string()),
});
export type IntakeItem = z.infer<typeof intakeItemSchema>;

const stepSchema = z.object({
  action: z.enum(['register', ...LEAD_ACTIONS]),
  fromStatus: z.enum(LEAD_STATUSES),
  toStatus: z.enum(LEAD_STATUSES),
  actorName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});

const sourceSchema = z.object({
  kind: z.enum(LEAD_SOURCE_KINDS),
  intakeId: z.string().nullable(),
  intakeNumber: z.string().nullable(),
  workRecordId: z.string().nullable().default(null),
  workRecordNumber: z.string().nullable().default(null),
  note: z.string().nullable(),
});

export const leadSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  number: z.string(),
  receivedDate: z.string(),
  summary: z.string(),
  discipline: z.string().nullable(),
  tags: z.array(z.string()),
  disposal: z.enum(DISPOSALS).nullable(),
  receivingBody: z.string().nullable(),
  approver: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  deadline: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  result: z.string().nullable(),
  feedbackDate: z.string().nullable(),
  sealed: z.boolean(),
  sealedUserIds: z.array(z.string()),
  subjects: z.array(subjectSchema),
  sources: z.array(sourceSchema),
  steps: z.array(stepSchema),
  /** The steps the lifecycle allows next (whether the user's role may take them is checked on the call). */
  nextActions: z.array(z.enum(LEAD_ACTIONS)),
});
export type Lead = z.infer<typeof leadSchema>;

const caseUserSchema = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) });

export const overdueRowSchema = z.object({
  entityType: z.enum(['intake', 'lead']),
  id: z.string(),
  number: z.string(),
  summary: z.string(),
  problem: z.enum(['no_owner', 'no_decision', 'no_acknowledgement', 'no_result_reply', 'no_outcome']),
  due: z.string().nullable(),
  daysLeft: z.number().nullable(),
  level: z.enum(['none', 'green', 'yellow', 'red']),
  owner: z.string().nullable(),
});
export type OverdueRow = z.infer<typeof overdueRowSchema>;

const fileSchema = z.object({
  fileName: z.string(),
  /** The .xlsx bytes, base64: both transports carry JSON. */
  base64: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
});

export const intakeLeadsContract = {
  /** A case's whole ledger, every item in full: the screens read intake:page (intake-leads-ledger.ts). */
  'intake:list': entry(INTAKE_READERS, caseInput, z.array(intakeItemSchema)),
  'intake:get': entry(INTAKE_READERS, z.object({ id }).strict(), intakeItemSchema),
  'intake:create': entry(
    INTAKE_EDITORS,
    z
      .object({
        caseId: id,
        /** Omitted: the next number of the case and year is generated. */
        number: ledgerNumber.optional(),
        channel: z.enum(INTAKE_CHANNELS),
        receivedDate: isoDate,
        realName: z.boolean(),
        reporter: reporterInput.optional(),
        summary: text(100),
        content: text(20_000),
        subjects: z.array(subjectInput).max(50).default([]),
        ownerUserId: id.optional(),
      })
      .strict()
      .refine((v) => !v.realName || (v.reporter?.name && v.reporter.contact), {
        path: ['reporter'],
        message: 'real_name_needs_identity',
      }),
    intakeItemSchema,
  ),
  'intake:update': entry(
    INTAKE_EDITORS,
    z
      .object({
        id,
        ownerUserId: id.nullable().optional(),
        scopeDecision: z.enum(SCOPE_DECISIONS).optional(),
        scopeReason: text(500).optional(),
        decidedDate: isoDate.optional(),
        closedDate: isoDate.optional(),
      })
      .strict()
      .refine((v) => v.scopeDecision !== 'not_accepted' || v.scopeReason, {
        path: ['scopeReason'],
        message: 'reason_required',
      }),
    intakeItemSchema,
  ),
  'intake:addReply': entry(
    INTAKE_EDITORS,
    z
      .object({
        intakeId: id,
        kind: z.enum(REPLY_KINDS),
        date: isoDate,
        way: z.enum(REPLY_WAYS),
        text: text(2000),
      })
      .strict(),
    intakeItemSchema,
  ),
  /** A case's whole lead ledger, in full: the screens read leads:page (intake-leads-ledger.ts). */
  'leads:list': entry(INTAKE_READERS, caseInput, z.array(leadSchema)),
  'leads:count': entry(INTAKE_READERS, caseInput, z.object({ total: z.number().int() })),
  'leads:get': entry(INTAKE_READERS, z.object({ id }).strict(), leadSchema),
  'leads:create': entry(
    LEAD_WORKERS,
    z
      .object({
        caseId: id,
        /** Omitted: the next number of the case and year is generated. */
        number: ledgerNumber.optional(),
        receivedDate: isoDate,
        summary: text(500),
        discipline: leadCode.optional(),
        tags: z.array(leadCode).max(20).default([]),
        subjects: z.array(subjectInput).min(1).max(50),
        sources: z.array(leadSourceInput).min(1).max(20),
        ownerUserId: id.optional(),
        sealed: z.boolean().default(false),
        sealedUserIds: z.array(id).max(10).default([]),
      })
      .strict()
      .refine((v) => !v.sealed || v.sealedUserIds.length > 0, {
        path: ['sealedUserIds'],
        message: 'sealed_needs_names',
      }),
    leadSchema,
  ),
  /** One step of the lead state machine (see electron/core/intake-leads/lead-machine.ts). */
  'leads:transition': entry(
    LEAD_WORKERS,
    z
      .object({
        id,
        action: z.enum(LEAD_ACTIONS),
        note: text(1000).optional(),
        disposal: z.enum(DISPOSALS).optional(),
        receivingBody: text(100).optional(),
        result: text(2000).optional(),
        feedbackDate: isoDate.optional(),
      })
      .strict(),
    leadSchema,
  ),
  /** Users who may own, approve or be named on a sealed lead (case roles only). */
  'leads:caseUsers': entry(INTAKE_READERS, caseInput, z.array(caseUserSchema)),
  'overdue:board': entry(
    INTAKE_READERS,
    caseInput,
    /** `today` is the core's date, which the rows' days left are counted from. */
    z.object({ today: z.string(), rows: z.array(overdueRowSchema) }),
  ),
  'ledger:export': entry(
    INTAKE_READERS,
    z.object({ caseId: id, ledger: z.enum(['intake', 'leads']) }).strict(),
    fileSchema,
  ),
} as const;
