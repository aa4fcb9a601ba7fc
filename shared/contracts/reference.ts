import { z } from 'zod';
import { CASE_ROLES, entry, isoDate, none, text } from '../contract-kit';
import { OFFICE_RULE_SCHEMAS } from '../office-rules';

/**
 * Reference data and cases: units, persons and their posts, the inspector pool,
 * rounds, cases and their groups, the recusal check and the office rules.
 */
export const UNIT_TYPES = [
  'party_government',
  'public_institution',
  'state_enterprise',
  'university',
  'social_organisation',
  'other',
] as const;
export const MANAGEMENT_LEVELS = [
  'provincial',
  'department',
  'county',
  'township',
  'below_section',
  'other',
] as const;
export const BACKGROUNDS = ['discipline', 'organisation', 'legal', 'finance', 'audit', 'other'] as const;
export const AVAILABILITY = ['available', 'busy', 'unavailable'] as const;
export const RELATION_TYPES = [
  'spouse',
  'blood_direct',
  'blood_collateral',
  'in_law',
  'teacher',
  'classmate',
  'colleague_long',
  'superior',
  'subordinate',
  'alma_mater',
] as const;
export const CASE_PHASES = [
  'preparation',
  'stationed',
  'report',
  'feedback',
  'transfer',
  'rectification',
  'closed',
] as const;
export const GROUP_ROLES = ['leader', 'deputy', 'member', 'intake_officer', 'liaison'] as const;

export type GroupRole = (typeof GROUP_ROLES)[number];

/** Who edits units and persons; who runs the pool, rounds, cases and groups. */
export const REFERENCE_EDITORS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;
export const CASE_MANAGERS = ['group_leader', 'deputy_leader'] as const;
/** Only these roles see a person's ID number unmasked. */
export const ID_NUMBER_READERS = CASE_MANAGERS;

const uuid = z.string().uuid();
const optText = (max: number) => text(max).nullable().default(null);
const optDate = isoDate.nullable().default(null);

/** from ≤ to when both are given (reported on the `to` field). */
function datesInOrder<T extends z.ZodRawShape>(
  schema: z.ZodObject<T>,
  pairs: readonly (readonly [string, string])[],
) {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    for (const [from, to] of pairs) {
      const a = v[from];
      const b = v[to];
      if (typeof a === 'string' && typeof b === 'string' && a > b) {
        ctx.addIssue({ code: 'custom', path: [to], message: 'dates_out_of_order' });
      }
    }
  });
}

const idInput = z.object({ id: uuid }).strict();

// ---- Units ----
export const unitSchema = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  unitType: z.enum(UNIT_TYPES),
  managementLevel: z.enum(MANAGEMENT_LEVELS).nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

const unitInput = z
  .object({
    id: uuid.optional(),
    parentId: uuid.nullable().default(null),
    name: text(80),
    shortName: optText(40),
    unitType: z.enum(UNIT_TYPES),
    managementLevel: z.enum(MANAGEMENT_LEVELS).nullable().default(null),
    notes: optText(2000),
  })
  .strict();

// ---- Persons ----
export const personSummarySchema = z.object({
  id: uuid,
  name: z.string(),
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  post: z.string().nullable(),
  managementLevel: z.enum(MANAGEMENT_LEVELS).nullable(),
  isLeadership: z.boolean(),
  aliases: z.array(z.string()),
  inPool: z.boolean(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const postSchema = z.object({
  id: uuid,
  unitId: uuid,
  unitName: z.string(),
  post: z.string(),
  managementLevel: z.enum(MANAGEMENT_LEVELS).nullable(),
  isLeadership: z.boolean(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
});
export type PersonPost = z.infer<typeof postSchema>;

export const personSchema = personSummarySchema.extend({
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  /** Unmasked only for ID_NUMBER_READERS; otherwise masked in the core. */
  idNumber: z.string().nullable(),
  idNumberMasked: z.boolean(),
  notes: z.string().nullable(),
  posts: z.array(postSchema),
});
export type Person = z.infer<typeof personSchema>;

/** Mainland resident ID: 17 digits and a check character. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/);

const personInput = z
  .object({
    id: uuid.optional(),
    name: text(40),
    gender: z.enum(['male', 'female']).nullable().default(null),
    birthDate: optDate,
    unitId: uuid.nullable().default(null),
    post: optText(80),
    managementLevel: z.enum(MANAGEMENT_LEVELS).nullable().default(null),
    isLeadership: z.boolean().default(false),
    /** Omitted: unchanged. null: cleared. */
    idNumber: idNumberSchema.nullable().optional(),
    aliases: z.array(text(40)).max(10).default([]),
    notes: optText(2000),
  })
  .strict();

const postInput = datesInOrder(
  z
    .object({
      personId: uuid,
      unitId: uuid,
      post: text(80),
      managementLevel: z.enum(MANAGEMENT_LEVELS).nullable().default(null),
      isLeadership: z.boolean().default(false),
      fromDate: optDate,
      toDate: optDate,
    })
    .strict(),
  [['fromDate', 'toDate']],
);

// ---- Inspector pool ----
export const relationSchema = z.object({
  id: uuid,
  relationType: z.enum(RELATION_TYPES),
  relatedPersonId: uuid.nullable(),
  relatedPersonName: z.string().nullable(),
  relatedUnitId: uuid.nullable(),
  relatedUnitName: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Relation = z.infer<typeof relationSchema>;

export const inspectorSummarySchema = z.object({
  id: uuid,
  personId: uuid,
  name: z.string(),
  unitName: z.string().nullable(),
  post: z.string().nullable(),
  backgrounds: z.array(z.enum(BACKGROUNDS)),
  skills: z.string().nullable(),
  availability: z.enum(AVAILABILITY),
  notes: z.string().nullable(),
  rounds: z.number().int(),
});
export type InspectorSummary = z.infer<typeof inspectorSummarySchema>;

export const pastRoundSchema = z.object({
  memberId: uuid,
  caseId: uuid,
  caseCode: z.string(),
  roundName: z.string(),
  unitName: z.string(),
  groupRole: z.enum(GROUP_ROLES),
  appraisal: z.string().nullable(),
});

export const inspectorSchema = inspectorSummarySchema.extend({
  relations: z.array(relationSchema),
  pastRounds: z.array(pastRoundSchema),
});
export type Inspector = z.infer<typeof inspectorSchema>;

const inspectorInput = z
  .object({
    id: uuid.optional(),
    personId: uuid,
    backgrounds: z.array(z.enum(BACKGROUNDS)).min(1).max(BACKGROUNDS.length),
    skills: optText(500),
    availability: z.enum(AVAILABILITY).default('available'),
    notes: optText(2000),
  })
  .strict();

const relationInput = datesInOrder(
  z
    .object({
      inspectorId: uuid,
      relationType: z.enum(RELATION_TYPES),
      relatedPersonId: uuid.nullable().default(null),
      relatedUnitId: uuid.nullable().default(null),
      fromDate: optDate,
      toDate: optDate,
      notes: optText(500),
    })
    .strict()
    .refine((r) => r.relatedPersonId !== null || r.relatedUnitId !== null, {
      path: ['relatedPersonId'],
      message: 'related_required',
    }),
  [['fromDate', 'toDate']],
);

// ---- Rounds and cases ----
export const roundSchema = z.object({
  id: uuid,
  name: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type Round = z.infer<typeof roundSchema>;

const roundInput = datesInOrder(
  z
    .object({
      id: uuid.optional(),
      name: text(80),
      year: z.number().int().min(2000).max(2100),
      sequence: z.number().int().min(1).max(99),
      startDate: optDate,
      endDate: optDate,
    })
    .strict(),
  [['startDate', 'endDate']],
);

export const caseSummarySchema = z.object({
  id: uuid,
  roundId: uuid,
  roundName: z.string(),
  unitId: uuid,
  unitName: z.string(),
  code: z.string(),
  groupName: z.string(),
  phase: z.enum(CASE_PHASES),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  memberCount: z.number().int(),
  /** The caller's role in the case's group; null when they are not in it (and see no content). */
  myGroupRole: z.enum(GROUP_ROLES).nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const conflictSchema = z.object({
  ruleCode: z.string(),
  ruleLabel: z.string(),
  kind: z.enum([
    'relation_with_unit_leader',
    'worked_at_unit_within_years',
    'worked_at_unit_longer_than_years',
    'alma_mater',
  ]),
  years: z.number().nullable(),
  relationType: z.string().nullable(),
  relatedName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** For "longer than": the years worked there in total, one decimal. */
  totalYears: z.number().nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const memberSchema = z.object({
  id: uuid,
  inspectorId: uuid,
  personId: uuid,
  name: z.string(),
  groupRole: z.enum(GROUP_ROLES),
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  appraisal: z.string().nullable(),
  overrideReason: z.string().nullable(),
});
export type CaseMember = z.infer<typeof memberSchema>;

export const caseSchema = caseSummarySchema.extend({ members: z.array(memberSchema) });
export type CaseDetail = z.infer<typeof caseSchema>;

const caseInput = datesInOrder(
  z
    .object({
      id: uuid.optional(),
      roundId: uuid,
      unitId: uuid,
      code: text(40),
      groupName: text(40),
      phase: z.enum(CASE_PHASES).default('preparation'),
      plannedStart: optDate,
      plannedEnd: optDate,
      actualStart: optDate,
      actualEnd: optDate,
    })
    .strict(),
  [
    ['plannedStart', 'plannedEnd'],
    ['actualStart', 'actualEnd'],
  ],
);

const assignInput = z
  .object({
    caseId: uuid,
    inspectorId: uuid,
    groupRole: z.enum(GROUP_ROLES),
    userId: uuid.nullable().default(null),
    /** Required when the recusal check finds a conflict; stored and audited. */
    overrideReason: text(500).optional(),
  })
  .strict();

/** A picker's server-side search: name (or alias) text, possibly empty, and how many to return. */
const findInput = z
  .object({ query: z.string().trim().max(40), limit: z.number().int().min(1).max(50).default(20) })
  .strict();

const ruleKey = z.enum(Object.keys(OFFICE_RULE_SCHEMAS) as [keyof typeof OFFICE_RULE_SCHEMAS]);

export const referenceContract = {
  'units:list': entry(CASE_ROLES, none, z.array(unitSchema)),
  /** Units whose name or short name contains the query, for pickers. */
  'units:find': entry(CASE_ROLES, findInput, z.array(unitSchema)),
  'units:get': entry(
    CASE_ROLES,
    idInput,
    unitSchema.extend({ leaders: z.array(personSummarySchema), parentName: z.string().nullable() }),
  ),
  'units:save': entry(REFERENCE_EDITORS, unitInput, unitSchema),
  'units:remove': entry(REFERENCE_EDITORS, idInput, z.null()),

  'persons:list': entry(
    CASE_ROLES,
    z.object({ unitId: uuid.optional() }).strict(),
    z.array(personSummarySchema),
  ),
  'persons:get': entry(CASE_ROLES, idInput, personSchema),
  /** Persons whose name or alias contains the query, for pickers (name, unit, post). */
  'persons:find': entry(CASE_ROLES, findInput, z.array(personSummarySchema)),
  'persons:save': entry(REFERENCE_EDITORS, personInput, personSchema),
  'persons:remove': entry(REFERENCE_EDITORS, idInput, z.null()),
  'persons:addPost': entry(REFERENCE_EDITORS, postInput, personSchema),
  'persons:removePost': entry(REFERENCE_EDITORS, idInput, personSchema),

  'pool:list': entry(CASE_ROLES, none, z.array(inspectorSummarySchema)),
  'pool:get': entry(CASE_ROLES, idInput, inspectorSchema),
  'pool:save': entry(CASE_MANAGERS, inspectorInput, inspectorSchema),
  'pool:remove': entry(CASE_MANAGERS, idInput, z.null()),
  'pool:addRelation': entry(CASE_MANAGERS, relationInput, inspectorSchema),
  'pool:removeRelation': entry(CASE_MANAGERS, idInput, inspectorSchema),
  /** The appraisal (评价) of an inspector's work in one case; null removes it. */
  'pool:setAppraisal': entry(
    CASE_MANAGERS,
    z.object({ memberId: uuid, appraisal: text(1000).nullable() }).strict(),
    inspectorSchema,
  ),

  'rounds:list': entry(CASE_ROLES, none, z.array(roundSchema)),
  'rounds:save': entry(CASE_MANAGERS, roundInput, roundSchema),

  'cases:list': entry(CASE_ROLES, none, z.array(caseSummarySchema)),
  'cases:get': entry(CASE_ROLES, idInput, caseSchema),
  'cases:save': entry(CASE_MANAGERS, caseInput, caseSchema),
  /** Accounts holding case roles, to link a group member to the account they sign in with. */
  'cases:accounts': entry(
    CASE_MANAGERS,
    none,
    z.array(z.object({ id: uuid, name: z.string(), displayName: z.string() })),
  ),
  'cases:checkRecusal': entry(
    CASE_MANAGERS,
    z.object({ caseId: uuid, inspectorId: uuid, groupRole: z.enum(GROUP_ROLES) }).strict(),
    z.array(conflictSchema),
  ),
  'cases:addMember': entry(CASE_MANAGERS, assignInput, caseSchema),
  'cases:removeMember': entry(CASE_MANAGERS, idInput, caseSchema),
  /** Links a group member to a local account (or unlinks it): local to this office, it never travels in bundles. */
  'cases:linkAccount': entry(
    CASE_MANAGERS,
    z.object({ id: uuid, userId: uuid.nullable() }).strict(),
    caseSchema,
  ),
  'cases:suggest': entry(
    CASE_MANAGERS,
    z
      .object({
        caseId: uuid,
        groupRole: z.enum(GROUP_ROLES),
        background: z.enum(BACKGROUNDS).optional(),
      })
      .strict(),
    z.array(inspectorSummarySchema),
  ),

  'rules:get': entry(CASE_ROLES, none, z.object(OFFICE_RULE_SCHEMAS)),
  'rules:update': entry(['group_leader'], z.object({ key: ruleKey, value: z.unknown() }).strict(), z.null()),
} as const;
