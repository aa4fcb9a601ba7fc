import { z } from 'zod';

/**
 * The rules an office can edit (DOMAIN.md: "every rule is data"). The values here are
 * only the defaults a new installation starts with; the office's own values live in
 * the `office_rules` table, one row per key, and are validated with these schemas.
 */
const days = z.number().int().min(0).max(3650);
const code = z.string().regex(/^[a-z0-9_]{1,40}$/);
const label = z.string().trim().min(1).max(40);

export const deadlinesSchema = z
  .object({
    /** Acceptance notice to a reporter, working days from receipt. */
    intakeAcknowledgeWorkingDays: days,
    /** Result reply to a reporter, working days from closing. */
    intakeReplyWorkingDays: days,
    /** Forwarding to a higher level, working days from receipt. */
    intakeForwardWorkingDays: days,
    /** Disposal opinion on a lead, calendar days from receipt. */
    leadDisposalDays: days,
    /** Written reply to a talk or inquiry letter, working days. */
    inquiryReplyWorkingDays: days,
    /** Preliminary verification, working days. */
    preliminaryVerificationWorkingDays: days,
    /** Receiver's progress report after a transfer, calendar days. */
    transferFeedbackDays: days,
    /** Rectification report, calendar days from feedback. */
    rectificationReportDays: days,
  })
  .strict();

export const warningsSchema = z
  .object({ greenDays: days, yellowDays: days })
  .strict()
  .refine((w) => w.yellowDays <= w.greenDays, { path: ['yellowDays'], message: 'yellow_after_green' });

export const calendarSchema = z
  .object({
    /** Days off that fall on weekdays (public holidays). */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(2000),
    /** Weekend days that are working days (调休). */
    workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(2000),
  })
  .strict();

export const codedListSchema = z
  .array(z.object({ code, label, retired: z.boolean().default(false) }).strict())
  .max(200);

export const RECUSAL_RULE_KINDS = [
  'relation_with_unit_leader',
  'worked_at_unit_within_years',
  'worked_at_unit_longer_than_years',
  'alma_mater',
] as const;
export type RecusalRuleKind = (typeof RECUSAL_RULE_KINDS)[number];
/** The kinds that count years at the unit (and so need `years`). */
export const RECUSAL_YEAR_KINDS: readonly RecusalRuleKind[] = [
  'worked_at_unit_within_years',
  'worked_at_unit_longer_than_years',
];
export const RECUSAL_MAX_YEARS = 30;

/**
 * A recusal rule: which declared relations or past posts create a conflict, and how
 * recent. Issues carry a message the core turns into a specific error code
 * (years_required, relations_required).
 */
export const recusalRuleSchema = z
  .object({
    code,
    label,
    kind: z.enum(RECUSAL_RULE_KINDS),
    /** For relation rules: which relation types count. */
    relationTypes: z.array(code).max(40).default([]),
    years: z.number().int().min(0).max(RECUSAL_MAX_YEARS).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (RECUSAL_YEAR_KINDS.includes(r.kind) && r.years === undefined) {
      ctx.addIssue({ code: 'custom', path: ['years'], message: 'years_required' });
    }
    if (r.kind === 'relation_with_unit_leader' && r.relationTypes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['relationTypes'], message: 'relations_required' });
    }
  });

/** One rule set; a code names one rule only. */
const recusalRuleSet = z
  .array(recusalRuleSchema)
  .max(50)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'code_duplicate' });
      seen.add(r.code);
    });
  });

export const recusalRulesSchema = z.object({ leaders: recusalRuleSet, members: recusalRuleSet }).strict();

export const attachmentsRuleSchema = z
  .object({
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024),
  })
  .strict();

export const OFFICE_RULE_SCHEMAS = {
  deadlines: deadlinesSchema,
  warnings: warningsSchema,
  calendar: calendarSchema,
  disciplines: codedListSchema,
  leadTags: codedListSchema,
  recusal: recusalRulesSchema,
  attachments: attachmentsRuleSchema,
} as const;

export type OfficeRuleKey = keyof typeof OFFICE_RULE_SCHEMAS;
export type OfficeRules = { [K in OfficeRuleKey]: z.output<(typeof OFFICE_RULE_SCHEMAS)[K]> };

const RELATIVES_CLOSE = ['spouse', 'blood_direct'];
const RELATIVES_WIDE = [
  'spouse',
  'blood_direct',
  'blood_collateral',
  'in_law',
  'superior',
  'subordinate',
  'colleague_long',
  'teacher',
  'classmate',
];

/** Defaults from the published local rules summarised in DOMAIN.md; every value is editable. */
export const DEFAULT_OFFICE_RULES: OfficeRules = {
  deadlines: {
    intakeAcknowledgeWorkingDays: 15,
    intakeReplyWorkingDays: 15,
    intakeForwardWorkingDays: 5,
    leadDisposalDays: 30,
    inquiryReplyWorkingDays: 15,
    preliminaryVerificationWorkingDays: 15,
    transferFeedbackDays: 90,
    rectificationReportDays: 60,
  },
  warnings: { greenDays: 20, yellowDays: 10 },
  // Chinese public holidays are announced each year: the office enters them.
  calendar: { holidays: [], workdays: [] },
  disciplines: [
    { code: 'political', label: '政治纪律', retired: false },
    { code: 'organisational', label: '组织纪律', retired: false },
    { code: 'integrity', label: '廉洁纪律', retired: false },
    { code: 'mass', label: '群众纪律', retired: false },
    { code: 'work', label: '工作纪律', retired: false },
    { code: 'life', label: '生活纪律', retired: false },
  ],
  leadTags: [
    { code: 'formalism', label: '形式主义', retired: false },
    { code: 'bureaucratism', label: '官僚主义', retired: false },
    { code: 'hedonism', label: '享乐主义', retired: false },
    { code: 'extravagance', label: '奢靡之风', retired: false },
    { code: 'eight_point_rules', label: '违反中央八项规定精神', retired: false },
  ],
  recusal: {
    leaders: [
      { code: 'alma_mater', label: '毕业院校', kind: 'alma_mater', relationTypes: [] },
      {
        code: 'worked_recently',
        label: '近三年在该单位工作',
        kind: 'worked_at_unit_within_years',
        relationTypes: [],
        years: 3,
      },
      {
        code: 'worked_long',
        label: '在该单位工作超过三年',
        kind: 'worked_at_unit_longer_than_years',
        relationTypes: [],
        years: 3,
      },
      {
        code: 'close_to_leader',
        label: '与该单位领导有亲属、师生、同学、上下级或长期同事关系',
        kind: 'relation_with_unit_leader',
        relationTypes: RELATIVES_WIDE,
      },
    ],
    members: [
      {
        code: 'relative_of_leader',
        label: '与该单位领导有夫妻或直系血亲关系',
        kind: 'relation_with_unit_leader',
        relationTypes: RELATIVES_CLOSE,
      },
    ],
  },
  attachments: { maxBytes: 50 * 1024 * 1024 },
};
