import type {
  ExportRegisterRow,
  ImportOutcome,
  ImportRegisterRow,
  TransferMode,
} from '../../../shared/contracts/transfer';
import type { Db } from '../db/open-database';

/**
 * The export and import registers (every bundle written or opened here), the
 * sequence counters per recipient office and the last bundle applied per sender
 * (migration 0009). Plain SQL; callers run these inside their audited transaction.
 */

export interface RecipientSequence {
  lastSequence: number;
  lastExportHlc: string;
  lastExportAt: string;
}

export function recipientSequence(db: Db, officeId: string): RecipientSequence | null {
  const row = db
    .prepare(
      'SELECT last_sequence, last_export_hlc, last_export_at FROM transfer_recipient_sequences WHERE office_id = ?',
    )
    .get(officeId) as { last_sequence: number; last_export_hlc: string; last_export_at: string } | undefined;
  return row
    ? {
        lastSequence: row.last_sequence,
        lastExportHlc: row.last_export_hlc,
        lastExportAt: row.last_export_at,
      }
    : null;
}

export interface ExportRegisterInput {
  id: string;
  bundleId: string;
  at: string;
  atHlc: string;
  actorId: string;
  actorName: string;
  mode: TransferMode;
  sinceHlc: string | null;
  caseIds: string[];
  recipients: { officeId: string; officeName: string; sequence: number }[];
  fileName: string;
  size: number;
  sha256: string;
  mediaLabel: string;
  counts: Record<string, number>;
  attachmentCount: number;
  attachmentBytes: number;
  expiresAt: string;
}

/** Registers a written bundle and advances each recipient's sequence. */
export function registerExport(db: Db, e: ExportRegisterInput): void {
  db.prepare(
    `INSERT INTO transfer_exports (id, bundle_id, at, at_hlc, actor_id, actor_name, mode, since_hlc, case_ids,
       recipients, file_name, size, sha256, media_label, counts, attachment_count, attachment_bytes, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.bundleId,
    e.at,
    e.atHlc,
    e.actorId,
    e.actorName,
    e.mode,
    e.sinceHlc,
    JSON.stringify(e.caseIds),
    JSON.stringify(e.recipients),
    e.fileName,
    e.size,
    e.sha256,
    e.mediaLabel,
    JSON.stringify(e.counts),
    e.attachmentCount,
    e.attachmentBytes,
    e.expiresAt,
  );
  const upsert = db.prepare(
    `INSERT INTO transfer_recipient_sequences (office_id, last_sequence, last_export_hlc, last_export_at)
     VALUES (?, ?, ?, ?)
     ON CONFLICT(office_id) DO UPDATE SET last_sequence = excluded.last_sequence,
       last_export_hlc = excluded.last_export_hlc, last_export_at = excluded.last_export_at`,
  );
  for (const r of e.recipients) upsert.run(r.officeId, r.sequence, e.atHlc, e.at);
}

export interface ImportRegisterFacts {
  fileName: string;
  fileSize?: number | null;
  sha256?: string | null;
  bundleId?: string | null;
  senderOfficeId?: string | null;
  senderName?: string | null;
  fingerprint?: string | null;
  sequence?: number | null;
  createdAt?: string | null;
  expiresAt?: string | null;
  flags?: Record<string, boolean>;
  manifest?: unknown;
  counts?: Record<string, number>;
  preview?: unknown;
}

export function insertImport(
  db: Db,
  id: string,
  at: string,
  actor: { id: string; name: string },
  outcome: ImportOutcome,
  reason: string | null,
  f: ImportRegisterFacts,
): void {
  db.prepare(
    `INSERT INTO transfer_imports (id, at, updated_at, actor_id, actor_name, file_name, file_size, sha256, bundle_id,
       sender_office_id, sender_name, fingerprint, sequence, created_at, expires_at, outcome, reason, flags,
       manifest, counts, preview)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    at,
    at,
    actor.id,
    actor.name,
    f.fileName,
    f.fileSize ?? null,
    f.sha256 ?? null,
    f.bundleId ?? null,
    f.senderOfficeId ?? null,
    f.senderName ?? null,
    f.fingerprint ?? null,
    f.sequence ?? null,
    f.createdAt ?? null,
    f.expiresAt ?? null,
    outcome,
    reason,
    JSON.stringify(f.flags ?? {}),
    f.manifest === undefined ? null : JSON.stringify(f.manifest),
    JSON.stringify(f.counts ?? {}),
    f.preview === undefined ? null : JSON.stringify(f.preview),
  );
}

export interface OpenImportRow {
  id: string;
  actor_id: string;
  file_name: string;
  bundle_id: string;
  sender_office_id: string;
  sequence: number;
  created_at: string;
  flags: string;
  manifest: string;
}

/** An import still waiting for confirm or discard. */
export function previewedImport(db: Db, id: string): OpenImportRow | undefined {
  return db
    .prepare(
      `SELECT id, actor_id, file_name, bundle_id, sender_office_id, sequence, created_at, flags, manifest
       FROM transfer_imports WHERE id = ? AND outcome = 'previewed'`,
    )
    .get(id) as OpenImportRow | undefined;
}

export function closeImport(
  db: Db,
  id: string,
  at: string,
  outcome: Exclude<ImportOutcome, 'previewed'>,
  result: { reason?: string | null; changed?: number; conflicts?: number },
): void {
  db.prepare(
    `UPDATE transfer_imports SET outcome = ?, updated_at = ?, reason = ?, changed = ?, conflicts = ?
     WHERE id = ? AND outcome = 'previewed'`,
  ).run(outcome, at, result.reason ?? null, result.changed ?? null, result.conflicts ?? null, id);
}

/** Ids of imports left open by an earlier session (their staging is cleared with them). */
export function previewedImportIds(db: Db): string[] {
  return (
    db.prepare(`SELECT id FROM transfer_imports WHERE outcome = 'previewed'`).all() as { id: string }[]
  ).map((r) => r.id);
}

export function bundleAlreadyApplied(db: Db, bundleId: string): boolean {
  return !!db
    .prepare(`SELECT 1 FROM transfer_imports WHERE bundle_id = ? AND outcome = 'applied' LIMIT 1`)
    .get(bundleId);
}

export interface SenderState {
  lastSequence: number;
  lastCreatedAt: string;
  lastBundleId: string;
}

export function senderState(db: Db, officeId: string): SenderState | null {
  const row = db
    .prepare(
      'SELECT last_sequence, last_created_at, last_bundle_id FROM transfer_sender_state WHERE office_id = ?',
    )
    .get(officeId) as { last_sequence: number; last_created_at: string; last_bundle_id: string } | undefined;
  return row
    ? {
        lastSequence: row.last_sequence,
        lastCreatedAt: row.last_created_at,
        lastBundleId: row.last_bundle_id,
      }
    : null;
}

/** Records the newest bundle applied from a sender (an older one, applied on purpose, does not move it back). */
export function advanceSenderState(db: Db, officeId: string, s: SenderState): void {
  db.prepare(
    `INSERT INTO transfer_sender_state (office_id, last_sequence, last_created_at, last_bundle_id)
     VALUES (?, ?, ?, ?)
     ON CONFLICT(office_id) DO UPDATE SET last_sequence = excluded.last_sequence,
       last_created_at = excluded.last_created_at, last_bundle_id = excluded.last_bundle_id
     WHERE excluded.last_sequence > transfer_sender_state.last_sequence`,
  ).run(officeId, s.lastSequence, s.lastCreatedAt, s.lastBundleId);
}

export function exportRegister(db: Db, limit: number): ExportRegisterRow[] {
  const rows = db
    .prepare(
      `SELECT id, bundle_id, at, actor_name, mode, case_ids, recipients, file_name, size, sha256, media_label, counts
       FROM transfer_exports ORDER BY at DESC, rowid DESC LIMIT ?`,
    )
    .all(limit) as {
    id: string;
    bundle_id: string;
    at: string;
    actor_name: string;
    mode: TransferMode;
    case_ids: string;
    recipients: string;
    file_name: string;
    size: number;
    sha256: string;
    media_label: string;
    counts: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    bundleId: r.bundle_id,
    at: r.at,
    actorName: r.actor_name,
    mode: r.mode,
    caseIds: JSON.parse(r.case_ids) as string[],
    recipients: JSON.parse(r.recipients) as ExportRegisterRow['recipients'],
    fileName: r.file_name,
    size: r.size,
    sha256: r.sha256,
    mediaLabel: r.media_label,
    counts: JSON.parse(r.counts) as Record<string, number>,
  }));
}

export function importRegister(db: Db, limit: number): ImportRegisterRow[] {
  const rows = db
    .prepare(
      `SELECT id, bundle_id, at, actor_name, file_name, file_size, sha256, sender_office_id, sender_name,
         fingerprint, sequence, created_at, outcome, reason, counts, changed, conflicts
       FROM transfer_imports ORDER BY at DESC, rowid DESC LIMIT ?`,
    )
    .all(limit) as {
    id: string;
    bundle_id: string | null;
    at: string;
    actor_name: string;
    file_name: string;
    file_size: number | null;
    sha256: string | null;
    sender_office_id: string | null;
    sender_name: string | null;
    fingerprint: string | null;
    sequence: number | null;
    created_at: string | null;
    outcome: ImportOutcome;
    reason: string | null;
    counts: string;
    changed: number | null;
    conflicts: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    bundleId: r.bundle_id,
    at: r.at,
    actorName: r.actor_name,
    fileName: r.file_name,
    fileSize: r.file_size,
    sha256: r.sha256,
    senderOfficeId: r.sender_office_id,
    senderName: r.sender_name,
    fingerprint: r.fingerprint,
    sequence: r.sequence,
    createdAt: r.created_at,
    outcome: r.outcome,
    reason: r.reason,
    counts: JSON.parse(r.counts) as Record<string, number>,
    changed: r.changed,
    conflicts: r.conflicts,
  }));
}
