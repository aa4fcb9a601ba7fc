import { z } from 'zod';
import { CASE_ROLES, entry } from '../contract-kit';

/**
 * Data conflicts (docs/transfers.md §2): a field that two offices edited concurrently
 * keeps every value until a person picks one or types a merged one. Case content is
 * for the case's group (the system roles, auditor included, never read it); the
 * liaison reads conflicts but does not resolve them.
 */
export const CONFLICT_READERS = CASE_ROLES;
export const CONFLICT_RESOLVERS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;

/** Replicated record types (electron/core/replication/record-types.ts). */
export const conflictRecordType = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const id = z.string().uuid();
const fieldName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
export const conflictValueSchema = z.union([z.string().max(200_000), z.number(), z.null()]);
export type ConflictValue = z.infer<typeof conflictValueSchema>;

export const conflictSummarySchema = z.object({
  type: z.string(),
  id: z.string(),
  caseId: z.string().nullable(),
  /** The record as a person knows it: its number and summary, a name. */
  label: z.string(),
  fields: z.array(z.string()),
  /** When the conflict arrived or last changed (ISO time). */
  changedAt: z.string().nullable(),
});
export type ConflictSummary = z.infer<typeof conflictSummarySchema>;

export const conflictDetailSchema = z.object({
  type: z.string(),
  id: z.string(),
  caseId: z.string().nullable(),
  label: z.string(),
  fields: z.array(
    z.object({
      field: z.string(),
      /** Text fields may be resolved with a typed merged value. */
      text: z.boolean(),
      nullable: z.boolean(),
      values: z.array(
        z.object({
          value: conflictValueSchema,
          officeId: z.string(),
          officeName: z.string().nullable(),
          /** Time of the edit (ISO), from its HLC. */
          at: z.string().nullable(),
          /** The value the record shows meanwhile (the same at every office). */
          shown: z.boolean(),
        }),
      ),
    }),
  ),
});
export type ConflictDetail = z.infer<typeof conflictDetailSchema>;

export const conflictsContract = {
  'conflicts:list': entry(
    CONFLICT_READERS,
    z.object({ caseId: id.optional() }).strict(),
    z.array(conflictSummarySchema),
  ),
  'conflicts:get': entry(
    CONFLICT_READERS,
    z.object({ type: conflictRecordType, id }).strict(),
    conflictDetailSchema,
  ),
  /** Picks one of the values, or (text fields) a merged value; the core checks it against the field's schema. */
  'conflicts:resolve': entry(
    CONFLICT_RESOLVERS,
    z.object({ type: conflictRecordType, id, field: fieldName, value: conflictValueSchema }).strict(),
    conflictDetailSchema.nullable(),
  ),
} as const;
