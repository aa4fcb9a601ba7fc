import { z } from 'zod';
import type { Role } from '../roles';
import { entry, none, text } from '../contract-kit';

/**
 * Export and import of transfer bundles (docs/transfers.md §3; the file format is
 * docs/bundle-format.md). See shared/contract.ts for the rules every entry follows.
 *
 *   export:  transfer:exportPreview (counts, nothing written) → transfer:export
 *            (writes NAME.mjb and NAME.mjb.minisig into outDir, never overwriting)
 *   import:  transfer:importOpen (size caps, signature, decryption into a staging
 *            area inside the vault, checks, dry-run merge: nothing merged yet)
 *            → transfer:importConfirm (one transaction) or transfer:importDiscard
 *   both are registered: transfer:registers.
 */

/** Who exports and imports: the group's leaders (case-scoped like the rest of case work). */
export const TRANSFER_ROLES = ['group_leader', 'deputy_leader'] as const satisfies readonly Role[];
/** Who reads the export and import registers. */
export const TRANSFER_REGISTER_READERS = [
  ...TRANSFER_ROLES,
  'auditor',
  'security_admin',
] as const satisfies readonly Role[];

export const TRANSFER_MAX_RECIPIENTS = 16;
export const TRANSFER_MAX_CASES = 500;
export const TRANSFER_DESCRIPTION_MAX = 2000;
export const TRANSFER_MEDIA_LABEL_MAX = 100;
export const TRANSFER_EXPIRY_DAYS_MAX = 365;
export const TRANSFER_EXPIRY_DAYS_DEFAULT = 30;
/** A file-system path chosen by the user (a dialog in the app, typed in the CLI). */
export const TRANSFER_PATH_MAX = 4096;

export const TRANSFER_MODES = ['full', 'incremental'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

const id = z.string().uuid();
const path = z.string().trim().min(1).max(TRANSFER_PATH_MAX);

/** What goes out: the cases (or every case of the caller), to whom, and what is held back. */
export const exportScopeSchema = z
  .object({
    caseIds: z.union([z.array(id).min(1).max(TRANSFER_MAX_CASES), z.literal('all')]),
    recipients: z.array(id).min(1).max(TRANSFER_MAX_RECIPIENTS),
    mode: z.enum(TRANSFER_MODES),
    /** Sealed leads go out only if the caller may see them AND ticks this. */
    includeSealed: z.boolean(),
    /** Protected reporter identities likewise. */
    includeProtected: z.boolean(),
  })
  .strict();
export type ExportScopeInput = z.input<typeof exportScopeSchema>;

export const exportInputSchema = exportScopeSchema
  .extend({
    /** The folder on the removable medium. */
    outDir: path,
    /** The medium's registered label (e.g. its asset number). */
    mediaLabel: text(TRANSFER_MEDIA_LABEL_MAX),
    expiresInDays: z.number().int().min(1).max(TRANSFER_EXPIRY_DAYS_MAX),
    /** A sentence for the receiving office; plain text. */
    description: z.string().trim().max(TRANSFER_DESCRIPTION_MAX),
    /**
     * Optional file name (no folder) for the bundle, e.g. from the CLI's --out; ".mjb" is
     * added when missing. Default: "<office>_<case code or all>_<YYYYMMDD>.mjb". An
     * existing file is never overwritten (TRANSFER_FILE_EXISTS).
     */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[^/\\]+$/)
      .optional(),
  })
  .strict();
export type ExportInput = z.input<typeof exportInputSchema>;

/** Record counts per record type (the type names of the bundle, e.g. "lead"). */
const countsSchema = z.record(z.string(), z.number().int());

export const exportRecipientPlanSchema = z.object({
  officeId: z.string(),
  officeName: z.string(),
  fingerprint: z.string(),
  /** The sequence number this bundle will carry for that office (1, 2, …). */
  nextSequence: z.number().int(),
  /** Local HLC of the last bundle to that office, the base of an incremental export; null: none yet. */
  lastExportHlc: z.string().nullable(),
  lastExportAt: z.string().nullable(),
});

export const exportPreviewSchema = z.object({
  mode: z.enum(TRANSFER_MODES),
  /**
   * Incremental: records changed after this local HLC go out (the oldest base among
   * the recipients). Null: everything in scope goes out (full, or a recipient that
   * never received a bundle).
   */
  since: z.string().nullable(),
  caseIds: z.array(z.string()),
  counts: countsSchema,
  totalRecords: z.number().int(),
  /** Held back: by role (the caller may not see them) or by choice (not ticked). */
  excluded: z.object({ sealed: z.number().int(), protected: z.number().int() }),
  /** Whether the caller's role lets them tick includeSealed / includeProtected at all. */
  mayIncludeSealed: z.boolean(),
  mayIncludeProtected: z.boolean(),
  attachments: z.object({ count: z.number().int(), bytes: z.number().int() }),
  recipients: z.array(exportRecipientPlanSchema),
});
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

export const exportResultSchema = z.object({
  bundleId: z.string(),
  /** Absolute paths of the two files written. */
  file: z.string(),
  signatureFile: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  counts: countsSchema,
  attachments: z.object({ count: z.number().int(), bytes: z.number().int() }),
  recipients: z.array(z.object({ officeId: z.string(), officeName: z.string(), sequence: z.number().int() })),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const IMPORT_FLAGS = ['replayed', 'olderThanLast', 'expired'] as const;
export type ImportFlag = (typeof IMPORT_FLAGS)[number];

export const mergeCountsSchema = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicting: z.number().int(),
});

export const importPreviewSchema = z.object({
  importId: z.string(),
  bundleId: z.string(),
  file: z.string(),
  fileSize: z.number().int(),
  sha256: z.string(),
  sender: z.object({ officeId: z.string(), officeName: z.string(), fingerprint: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** This office's sequence number in the bundle (bundles from that sender to us: 1, 2, …). */
  sequence: z.number().int(),
  scope: z.object({
    kind: z.enum(TRANSFER_MODES),
    /** Plain text from the sender: render as text, never as HTML. */
    description: z.string(),
    caseIds: z.array(z.string()),
    since: z.string().nullable(),
  }),
  counts: countsSchema,
  attachments: z.object({ count: z.number().int(), bytes: z.number().int() }),
  checkpoint: z.object({ auditSeq: z.number().int(), auditHead: z.string() }),
  /**
   * replayed: this bundle id was already applied here; olderThanLast: its sequence or
   * creation time is not after the last bundle applied from that sender; expired: past
   * expiresAt. Any flag must be acknowledged at confirm.
   */
  flags: z.object({ replayed: z.boolean(), olderThanLast: z.boolean(), expired: z.boolean() }),
  /** What applying would do, per record type. */
  preview: z.record(z.string(), mergeCountsSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  importId: z.string(),
  bundleId: z.string(),
  /** Records whose local state changed. */
  changed: z.number().int(),
  /** Records now holding a conflict for a person to decide. */
  conflicts: z.number().int(),
  /** Attachment blobs added to this vault (ones already present are not counted). */
  attachmentsStored: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const exportRegisterRowSchema = z.object({
  id: z.string(),
  bundleId: z.string(),
  at: z.string(),
  actorName: z.string(),
  mode: z.enum(TRANSFER_MODES),
  caseIds: z.array(z.string()),
  recipients: z.array(z.object({ officeId: z.string(), officeName: z.string(), sequence: z.number().int() })),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  mediaLabel: z.string(),
  counts: countsSchema,
});
export type ExportRegisterRow = z.infer<typeof exportRegisterRowSchema>;

export const IMPORT_OUTCOMES = ['previewed', 'applied', 'discarded', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const importRegisterRowSchema = z.object({
  id: z.string(),
  /** Null when the file was refused before its identity could be read. */
  bundleId: z.string().nullable(),
  at: z.string(),
  actorName: z.string(),
  fileName: z.string(),
  fileSize: z.number().int().nullable(),
  sha256: z.string().nullable(),
  senderOfficeId: z.string().nullable(),
  senderName: z.string().nullable(),
  /** The claimed fingerprint when refused before the signature held. */
  fingerprint: z.string().nullable(),
  sequence: z.number().int().nullable(),
  createdAt: z.string().nullable(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** The error code of a refusal. */
  reason: z.string().nullable(),
  counts: countsSchema,
  changed: z.number().int().nullable(),
  conflicts: z.number().int().nullable(),
});
export type ImportRegisterRow = z.infer<typeof importRegisterRowSchema>;

/**
 * What the desktop shell's file dialog is opened for: the folder on the medium an
 * export writes into, or the bundle file an import opens. The renderer passes the
 * dialog's translated title and file-type name (the shell has no catalogs).
 */
export const PATH_PURPOSES = ['exportFolder', 'importBundle'] as const;
export type PathPurpose = (typeof PATH_PURPOSES)[number];
export const pathRequestSchema = z
  .object({
    purpose: z.enum(PATH_PURPOSES),
    title: text(100),
    filterName: text(60),
  })
  .strict();
export type PathRequest = z.output<typeof pathRequestSchema>;

export const transferContract = {
  /** Whether this host has a file dialog (the desktop shell does; the test host in a browser does not). */
  'transfer:pathChooser': entry(TRANSFER_ROLES, none, z.object({ available: z.boolean() })),
  /** Opens the shell's dialog; null when the user cancels. The path is only a choice: nothing is read yet. */
  'transfer:choosePath': entry(
    TRANSFER_ROLES,
    pathRequestSchema,
    z.object({ path: z.string().max(TRANSFER_PATH_MAX).nullable() }),
  ),
  'transfer:exportPreview': entry(TRANSFER_ROLES, exportScopeSchema, exportPreviewSchema),
  'transfer:export': entry(TRANSFER_ROLES, exportInputSchema, exportResultSchema),
  'transfer:importOpen': entry(TRANSFER_ROLES, z.object({ file: path }).strict(), importPreviewSchema),
  'transfer:importConfirm': entry(
    TRANSFER_ROLES,
    z.object({ importId: id, acknowledgeFlags: z.boolean() }).strict(),
    importResultSchema,
  ),
  'transfer:importDiscard': entry(TRANSFER_ROLES, z.object({ importId: id }).strict(), z.null()),
  /** Both registers, newest first. */
  'transfer:registers': entry(
    TRANSFER_REGISTER_READERS,
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ exports: z.array(exportRegisterRowSchema), imports: z.array(importRegisterRowSchema) }),
  ),
} as const;
