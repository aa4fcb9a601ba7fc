import { z } from 'zod';
import type { Role } from './roles';

/**
 * Building blocks for contract entries. Each channel names its input and output
 * schemas and who may call it:
 * - 'public'   callable while locked (setup, unlock, language);
 * - 'unlocked' any signed-in user;
 * - Role[]     signed-in users holding one of these roles.
 * Input schemas are always `.strict()` objects: unknown fields are refused.
 */
export type Access = 'public' | 'unlocked' | readonly Role[];

export function entry<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output };
}

/** A trimmed, non-empty string of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** The empty input. */
export const none = z.object({}).strict();

/** A calendar date as written in ledgers: YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Roles that work on case content (never the system roles). */
export const CASE_ROLES = ['group_leader', 'deputy_leader', 'member', 'intake_officer', 'liaison'] as const;
