import { z } from 'zod';
import { entry, isoDate, text } from '../contract-kit';
import {
  INTAKE_CHANNELS,
  INTAKE_EDITORS,
  LEAD_WORKERS,
  intakeItemSchema,
  leadCode,
  leadSchema,
  leadSourceInput,
  reporterInput,
  subjectInput,
} from './intake-leads';

/**
 * Editing and removing registered intake items and leads (the intake-leads domain's
 * second half: shared/contracts/intake-leads.ts registers and moves them along).
 * Every field of an edit is optional: what is omitted stays as it is. The core
 * compares what is sent with what is stored, so a form may send every field it
 * shows; only a real change of a protected field needs the protected role.
 */

/** Who removes an intake item (tombstone with a reason): the intake officer and the group leader. */
export const INTAKE_REMOVERS = ['intake_officer', 'group_leader'] as const;
/** Who removes a lead (never once approved), seals and unseals one: the group leader only. */
export const LEAD_REMOVERS = ['group_leader'] as const;
export const LEAD_SEALERS = ['group_leader'] as const;

const id = z.string().uuid();
/** Why a record changed: optional on an edit, required on a removal; shown in its history. */
const reason = text(500);

export const intakeLeadsEditContract = {
  /**
   * The registered fields of an intake item. `realName` and `reporter` are the protected
   * section: only roles that may see the reporter may change them (`reporter: null` clears it).
   */
  'intake:edit': entry(
    INTAKE_EDITORS,
    z
      .object({
        id,
        channel: z.enum(INTAKE_CHANNELS).optional(),
        receivedDate: isoDate.optional(),
        realName: z.boolean().optional(),
        reporter: reporterInput.nullable().optional(),
        summary: text(100).optional(),
        content: text(20_000).optional(),
        subjects: z.array(subjectInput).max(50).optional(),
        reason: reason.optional(),
      })
      .strict(),
    intakeItemSchema,
  ),
  /** Tombstones an intake item; refused once it has produced a lead. */
  'intake:remove': entry(INTAKE_REMOVERS, z.object({ id, reason }).strict(), z.null()),
  /** The registered fields of a lead; sealing changes need the group leader (checked in the core). */
  'leads:edit': entry(
    LEAD_WORKERS,
    z
      .object({
        id,
        summary: text(500).optional(),
        discipline: leadCode.nullable().optional(),
        tags: z.array(leadCode).max(20).optional(),
        subjects: z.array(subjectInput).min(1).max(50).optional(),
        sources: z.array(leadSourceInput).min(1).max(20).optional(),
        ownerUserId: id.nullable().optional(),
        deadline: isoDate.nullable().optional(),
        sealed: z.boolean().optional(),
        sealedUserIds: z.array(id).max(10).optional(),
        reason: reason.optional(),
      })
      .strict(),
    leadSchema,
  ),
  /** Tombstones a lead; refused once it has been approved. */
  'leads:remove': entry(LEAD_REMOVERS, z.object({ id, reason }).strict(), z.null()),
} as const;
