import { z } from 'zod';
import type { Role } from '../roles';
import { entry, none, text } from '../contract-kit';

/**
 * Office identity, key cards and the trust store (docs/transfers.md §1). See
 * shared/contract.ts for the rules every entry follows.
 *
 *   this office:  offices:identity (read) · offices:exportCard · offices:rotateKeys
 *   trust store:  offices:list (read) · offices:previewCard → offices:trust (typed
 *                 fingerprint) or offices:acceptRotation (signed by the trusted key)
 *                 · offices:revoke · offices:history
 *
 * Card files travel as text: the renderer reads the small .json file and sends its
 * text (at most 16 KiB); the exported card comes back as text to save as a download.
 */

/** Who manages this office's keys and the trust store. */
export const OFFICE_KEY_MANAGERS = ['security_admin'] as const satisfies readonly Role[];
/** Who reads a trusted office's history. */
export const OFFICE_HISTORY_READERS = ['security_admin', 'auditor'] as const satisfies readonly Role[];

/** bundle-format.md §5: a key card file is at most 16 KiB. */
export const KEY_CARD_MAX_BYTES = 16 * 1024;
export const REVOKE_REASON_MAX = 500;

const officeId = z.string().uuid();
const fingerprint = z.string();
/** Card file text; the byte limit is checked again in the core (KEYCARD_TOO_LARGE). */
const cardText = z.string().min(1).max(KEY_CARD_MAX_BYTES);
/** What a person types: 32 digits with spaces, hyphens, full-width digits allowed. */
const typedFingerprint = z.string().trim().min(32).max(120);

export const ownOfficeSchema = z.object({
  officeId,
  officeName: z.string(),
  fingerprint,
  keyId: z.string(),
  created: z.string(),
  /** Fingerprints this office used before its current keys, oldest first. */
  previousFingerprints: z.array(fingerprint),
});
export type OwnOffice = z.infer<typeof ownOfficeSchema>;

export const TRUST_STATUSES = ['trusted', 'rotated', 'revoked'] as const;

export const trustedOfficeSchema = z.object({
  officeId,
  name: z.string(),
  fingerprint,
  keyId: z.string(),
  cardCreated: z.string(),
  trustedAt: z.string(),
  trustedBy: z.string(),
  rotatedAt: z.string().nullable(),
  previousFingerprints: z.array(fingerprint),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokedReason: z.string().nullable(),
  status: z.enum(TRUST_STATUSES),
});
export type TrustedOfficeView = z.infer<typeof trustedOfficeSchema>;

export const CARD_RELATIONS = [
  'new',
  'same',
  'rotation',
  'replacement',
  'own',
  'outdated',
  'revokedKey',
] as const;
export type CardRelationName = (typeof CARD_RELATIONS)[number];

export const cardPreviewSchema = z.object({
  officeId,
  officeName: z.string(),
  fingerprint,
  keyId: z.string(),
  created: z.string(),
  /** Whether the card says it replaces an earlier key (and which). */
  rotationOf: fingerprint.nullable(),
  relation: z.enum(CARD_RELATIONS),
  /** The office as the trust store knows it now, when it knows it. */
  known: trustedOfficeSchema.nullable(),
});
export type CardPreviewView = z.infer<typeof cardPreviewSchema>;

const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const officesContract = {
  'offices:identity': entry('unlocked', none, ownOfficeSchema),
  'offices:list': entry('unlocked', none, z.array(trustedOfficeSchema)),
  /** The card file's text (and its name) to save; registered in the audit log. */
  'offices:exportCard': entry(
    OFFICE_KEY_MANAGERS,
    none,
    z.object({
      fileName: z.string(),
      text: z.string(),
      minisignPublicKey: z.string(),
      ageRecipient: z.string(),
    }),
  ),
  'offices:rotateKeys': entry(
    OFFICE_KEY_MANAGERS,
    z.object({ confirm: z.literal(true) }).strict(),
    ownOfficeSchema,
  ),
  'offices:previewCard': entry(OFFICE_KEY_MANAGERS, z.object({ cardText }).strict(), cardPreviewSchema),
  'offices:trust': entry(
    OFFICE_KEY_MANAGERS,
    z.object({ cardText, fingerprint: typedFingerprint }).strict(),
    trustedOfficeSchema,
  ),
  'offices:acceptRotation': entry(OFFICE_KEY_MANAGERS, z.object({ cardText }).strict(), trustedOfficeSchema),
  'offices:revoke': entry(
    OFFICE_KEY_MANAGERS,
    z.object({ officeId, reason: text(REVOKE_REASON_MAX) }).strict(),
    trustedOfficeSchema,
  ),
  'offices:history': entry(OFFICE_HISTORY_READERS, z.object({ officeId }).strict(), z.array(auditEntry)),
} as const;
