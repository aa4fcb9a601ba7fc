/**
 * The closed grammar of entry names inside a bundle (docs/bundle-format.md §4.2) and
 * the default limits. Anything else — absolute paths, "..", upper case, unknown
 * names — is refused before a byte of its content is read.
 */

export const FORMAT_ENTRY = 'format.json';
export const CHECKPOINT_ENTRY = 'checkpoint.json';
export const CHECKPOINT_SIGNATURE_ENTRY = 'checkpoint.json.minisig';
export const MANIFEST_ENTRY = 'manifest.json';
export const MAX_ENTRY_NAME_BYTES = 99;

export type EntryKind =
  'format' | 'checkpoint' | 'checkpointSignature' | 'records' | 'attachment' | 'manifest';

export type EntryName =
  | { kind: 'format' | 'checkpoint' | 'checkpointSignature' | 'manifest' }
  | { kind: 'records'; recordType: string; part: number }
  | { kind: 'attachment'; sha256: string };

const FIXED: Record<string, EntryKind> = {
  [FORMAT_ENTRY]: 'format',
  [CHECKPOINT_ENTRY]: 'checkpoint',
  [CHECKPOINT_SIGNATURE_ENTRY]: 'checkpointSignature',
  [MANIFEST_ENTRY]: 'manifest',
};
export const RECORD_TYPE = /^[a-z][a-z0-9-]{0,39}$/;
const RECORDS = /^records\/([a-z][a-z0-9-]{0,39})\/(\d{6})\.jsonl$/;
const ATTACHMENT = /^attachments\/([0-9a-f]{64})$/;

export function classifyEntryName(name: string): EntryName | null {
  const fixed = FIXED[name];
  if (fixed) return { kind: fixed } as EntryName;
  const records = RECORDS.exec(name);
  if (records && records[2] !== '000000')
    return { kind: 'records', recordType: records[1]!, part: Number(records[2]) };
  const attachment = ATTACHMENT.exec(name);
  if (attachment) return { kind: 'attachment', sha256: attachment[1]! };
  return null;
}

export function recordsEntryName(recordType: string, part: number): string {
  return `records/${recordType}/${String(part).padStart(6, '0')}.jsonl`;
}

export function attachmentEntryName(sha256: string): string {
  return `attachments/${sha256}`;
}

export interface BundleLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest outer (encrypted) file accepted. */
  maxFileBytes: number;
  maxEntryBytes: Record<EntryKind, number>;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: BundleLimits = {
  maxEntries: 250_000,
  maxTotalBytes: 64 * GiB,
  maxFileBytes: 64 * GiB + 64 * MiB,
  maxEntryBytes: {
    format: KiB,
    checkpoint: 64 * KiB,
    checkpointSignature: 4 * KiB,
    records: 64 * MiB,
    attachment: 2 * GiB,
    manifest: 32 * MiB,
  },
};

export function withLimits(partial?: Partial<BundleLimits>): BundleLimits {
  return {
    ...DEFAULT_LIMITS,
    ...partial,
    maxEntryBytes: { ...DEFAULT_LIMITS.maxEntryBytes, ...partial?.maxEntryBytes },
  };
}
