import { z } from 'zod';
import type { Role } from '../roles';
import { CASE_ROLES, entry, text } from '../contract-kit';
import { LEAD_WORKERS, REPORTER_READERS } from './intake-leads';
import { REFERENCE_EDITORS } from './reference';
import { TALK_NOTE_READERS, WORK_RECORD_EDITORS, WORK_RECORD_KIND_EDITORS } from './work-records';

/**
 * Attachments on records (see shared/contract.ts for the rules every entry follows).
 * Files are stored encrypted inside the vault in fixed-size chunks, with their SHA-256
 * and the type detected from their content. Both transports carry JSON, so bytes
 * travel base64 one chunk per call:
 *
 *   upload:  attachments:begin → attachments:chunk × N → attachments:commit
 *            (nothing is visible before commit; attachments:abort, or an upload left
 *            idle, leaves nothing behind)
 *   reading: attachments:open (audited: a preview in the app or a saved copy) →
 *            attachments:read × N
 *
 * No file is ever written in plaintext: a preview is built in the window's memory,
 * a saved copy is written where the user chooses.
 */

export const ATTACHABLE_TYPES = [
  'intake',
  'lead',
  'talk',
  'document_request',
  'visit',
  'person',
  'unit',
] as const;
export type AttachableType = (typeof ATTACHABLE_TYPES)[number];

/** Bytes per stored chunk and per upload/read call. */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;
/** Characters of one chunk in base64. */
export const ATTACHMENT_CHUNK_BASE64 = Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4;
/** The most any office rule may allow (shared/office-rules.ts caps it there too). */
export const ATTACHMENT_HARD_MAX_BYTES = 512 * 1024 * 1024;
export const FILE_NAME_MAX = 120;

/**
 * Who reads and who adds or removes attachments, per record type. On top of this the
 * record must exist, be in a case of the caller, and be visible to them (a sealed lead).
 * Intake attachments are the original letters, recordings and scans: they may show the
 * reporter's identity, so only the roles that see the reporter read them.
 */
export const ATTACHMENT_ACCESS: Record<AttachableType, { read: readonly Role[]; write: readonly Role[] }> = {
  intake: { read: REPORTER_READERS, write: REPORTER_READERS },
  lead: { read: CASE_ROLES, write: LEAD_WORKERS },
  talk: { read: TALK_NOTE_READERS, write: WORK_RECORD_EDITORS },
  document_request: {
    read: CASE_ROLES,
    write: WORK_RECORD_KIND_EDITORS.document_request as readonly Role[],
  },
  visit: { read: CASE_ROLES, write: WORK_RECORD_EDITORS },
  person: { read: CASE_ROLES, write: REFERENCE_EDITORS },
  unit: { read: CASE_ROLES, write: REFERENCE_EDITORS },
};

export function mayReadAttachments(type: AttachableType, roles: readonly Role[]): boolean {
  return roles.some((r) => ATTACHMENT_ACCESS[type].read.includes(r));
}

export function mayWriteAttachments(type: AttachableType, roles: readonly Role[]): boolean {
  return roles.some((r) => ATTACHMENT_ACCESS[type].write.includes(r));
}

/** What the app can show itself; everything else can only be saved as a copy. */
export const PREVIEW_KINDS = ['image', 'text'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export const attachmentSchema = z.object({
  id: z.string(),
  recordType: z.enum(ATTACHABLE_TYPES),
  recordId: z.string(),
  fileName: z.string(),
  /** Detected from the content, never from the name. */
  mime: z.string(),
  extension: z.string().nullable(),
  /** The name's extension does not match the detected type (e.g. a PNG named .txt). */
  extensionMismatch: z.boolean(),
  size: z.number().int(),
  sha256: z.string(),
  preview: z.enum(PREVIEW_KINDS).nullable(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Other attachments with the same content on records the caller may see. */
  sameContentCount: z.number().int(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const id = z.string().uuid();
const recordRef = z.object({ recordType: z.enum(ATTACHABLE_TYPES), recordId: id }).strict();
const base64 = z
  .string()
  .min(4)
  .max(ATTACHMENT_CHUNK_BASE64)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const attachmentsContract = {
  'attachments:list': entry(CASE_ROLES, recordRef, z.array(attachmentSchema)),
  'attachments:begin': entry(
    CASE_ROLES,
    z
      .object({
        recordType: z.enum(ATTACHABLE_TYPES),
        recordId: id,
        /** Sanitised by the core (no paths, control or reserved characters). */
        fileName: z.string().min(1).max(1000),
        size: z.number().int().min(1).max(ATTACHMENT_HARD_MAX_BYTES),
      })
      .strict(),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int(), chunkCount: z.number().int() }),
  ),
  /** Chunk `index` (from 0, in order): exactly ATTACHMENT_CHUNK_BYTES, except the last. */
  'attachments:chunk': entry(
    CASE_ROLES,
    z.object({ uploadId: id, index: z.number().int().min(0).max(1_000_000), data: base64 }).strict(),
    z.object({ receivedBytes: z.number().int() }),
  ),
  'attachments:commit': entry(CASE_ROLES, z.object({ uploadId: id }).strict(), attachmentSchema),
  'attachments:abort': entry(CASE_ROLES, z.object({ uploadId: id }).strict(), z.null()),
  /** Opens an attachment for a preview in the app or a saved copy; both are registered in the audit log. */
  'attachments:open': entry(
    CASE_ROLES,
    z.object({ id, purpose: z.enum(['preview', 'export']) }).strict(),
    z.object({
      readId: z.string(),
      fileName: z.string(),
      mime: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      chunkCount: z.number().int(),
    }),
  ),
  'attachments:read': entry(
    CASE_ROLES,
    z.object({ readId: id, index: z.number().int().min(0).max(1_000_000) }).strict(),
    z.object({ data: z.string() }),
  ),
  'attachments:remove': entry(CASE_ROLES, z.object({ id, reason: text(500) }).strict(), z.null()),
} as const;
