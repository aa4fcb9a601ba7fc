import { z } from 'zod';
import { entry, isoDate } from '../contract-kit';
import {
  DISPOSALS,
  INTAKE_CHANNELS,
  INTAKE_READERS,
  LEAD_STATUSES,
  SCOPE_DECISIONS,
  leadCode,
} from './intake-leads';

/**
 * Paged ledgers: one page of a case's intake ledger or lead ledger, filtered and
 * sorted in the core, with the total that matches. A case may hold tens of
 * thousands of rows, so the renderer never asks for a whole ledger. Sealed leads
 * that do not name the caller are neither in the rows nor in the total.
 */

export const LEDGER_PAGE_SIZES = [20, 50, 100, 200] as const;
export const LEDGER_PAGE_SIZE_DEFAULT = 50;
export const LEDGER_PAGE_SIZE_MAX = 200;
/** Deep enough for 200 rows × 10,000 pages; beyond that a filter is the way. */
export const LEDGER_PAGE_MAX = 10_000;
export const LEDGER_TEXT_MAX = 50;

export const SORT_ORDERS = ['asc', 'desc'] as const;
/** `number` is registration order within the year; `dueDate` the deadline of the item's current stage. */
export const INTAKE_SORT_KEYS = ['number', 'receivedDate', 'dueDate', 'status'] as const;
export const LEAD_SORT_KEYS = ['number', 'receivedDate', 'deadline', 'status'] as const;
/** Which deadline an intake item's due date is: acknowledgement, forwarding up, or result reply. */
export const INTAKE_DUE_KINDS = ['acknowledgement', 'forward', 'result_reply'] as const;
export const INTAKE_STATUSES = ['open', 'closed'] as const;
/** Filter value for "not set": no owner, no scope decision, no disposal. */
export const NONE = 'none';

const id = z.string().uuid();

/** Filters and paging both ledgers share. */
const common = {
  caseId: id,
  page: z.number().int().min(1).max(LEDGER_PAGE_MAX).default(1),
  pageSize: z.number().int().min(1).max(LEDGER_PAGE_SIZE_MAX).default(LEDGER_PAGE_SIZE_DEFAULT),
  order: z.enum(SORT_ORDERS).default('desc'),
  /** Part of the number or the summary. */
  text: z.string().trim().min(1).max(LEDGER_TEXT_MAX).optional(),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  /** A user id, or `none` for rows without an owner. */
  owner: z.union([id, z.literal(NONE)]).optional(),
  /** Only rows past a deadline without the step it asks for (as on the overdue board). */
  overdueOnly: z.boolean().default(false),
};

const datesInOrder = (v: { receivedFrom?: string | undefined; receivedTo?: string | undefined }) =>
  !v.receivedFrom || !v.receivedTo || v.receivedFrom <= v.receivedTo;
const DATES_ORDER = { path: ['receivedTo'], message: 'dates_order' };

export const intakePageInputSchema = z
  .object({
    ...common,
    sort: z.enum(INTAKE_SORT_KEYS).default('number'),
    statuses: z.array(z.enum(INTAKE_STATUSES)).max(INTAKE_STATUSES.length).optional(),
    channels: z.array(z.enum(INTAKE_CHANNELS)).max(INTAKE_CHANNELS.length).optional(),
    scopes: z
      .array(z.enum([...SCOPE_DECISIONS, NONE]))
      .max(SCOPE_DECISIONS.length + 1)
      .optional(),
    realName: z.boolean().optional(),
  })
  .strict()
  .refine(datesInOrder, DATES_ORDER);
export type IntakePageInput = z.input<typeof intakePageInputSchema>;

export const leadPageInputSchema = z
  .object({
    ...common,
    sort: z.enum(LEAD_SORT_KEYS).default('number'),
    statuses: z.array(z.enum(LEAD_STATUSES)).max(LEAD_STATUSES.length).optional(),
    disposals: z
      .array(z.enum([...DISPOSALS, NONE]))
      .max(DISPOSALS.length + 1)
      .optional(),
    /** Discipline category codes from the office rules, or `none` for leads without one. */
    disciplines: z.array(leadCode).max(20).optional(),
  })
  .strict()
  .refine(datesInOrder, DATES_ORDER);
export type LeadPageInput = z.input<typeof leadPageInputSchema>;

const userRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

/** One intake ledger row: the list's columns, never the content or the reporter. */
export const intakeLedgerRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.enum(INTAKE_CHANNELS),
  receivedDate: z.string(),
  realName: z.boolean(),
  summary: z.string(),
  /** Names of the persons and units reported. */
  subjects: z.array(z.string()),
  scopeDecision: z.enum(SCOPE_DECISIONS).nullable(),
  dueDate: z.string().nullable(),
  dueKind: z.enum(INTAKE_DUE_KINDS).nullable(),
  owner: userRef,
  status: z.enum(INTAKE_STATUSES),
  overdue: z.boolean(),
});
export type IntakeLedgerRow = z.infer<typeof intakeLedgerRowSchema>;

/** One lead ledger row. */
export const leadLedgerRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  receivedDate: z.string(),
  summary: z.string(),
  subjects: z.array(z.object({ name: z.string(), post: z.string().nullable() })),
  discipline: z.string().nullable(),
  tags: z.array(z.string()),
  disposal: z.enum(DISPOSALS).nullable(),
  deadline: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  owner: userRef,
  sealed: z.boolean(),
  overdue: z.boolean(),
});
export type LeadLedgerRow = z.infer<typeof leadLedgerRowSchema>;

const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({
    rows: z.array(row),
    /** Rows matching the filters that the caller may see, over all pages. */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The core's date, which "overdue" was judged against. */
    today: z.string(),
  });
export const intakePageSchema = pageOf(intakeLedgerRowSchema);
export const leadPageSchema = pageOf(leadLedgerRowSchema);
export type IntakePage = z.infer<typeof intakePageSchema>;
export type LeadPage = z.infer<typeof leadPageSchema>;

export const intakeLeadsLedgerContract = {
  'intake:page': entry(INTAKE_READERS, intakePageInputSchema, intakePageSchema),
  'leads:page': entry(INTAKE_READERS, leadPageInputSchema, leadPageSchema),
} as const;
