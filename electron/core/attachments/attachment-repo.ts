import type { AttachableType, Attachment } from '../../../shared/contracts/attachments';
import type { Db } from '../db/open-database';
import { extensionMismatch, previewOf } from './detect-type';

/** One row of `attachments` (see migration 0006). */
export interface AttachmentRow {
  id: string;
  record_type: AttachableType;
  record_id: string;
  case_id: string | null;
  blob_id: string | null;
  sha256: string;
  size: number;
  file_name: string;
  mime: string;
  extension: string | null;
  uploader_user_id: string;
  uploaded_at: string;
}

export function attachmentRow(db: Db, id: string): AttachmentRow | undefined {
  return db.prepare('SELECT * FROM attachments WHERE id = ? AND deleted_hlc IS NULL').get(id) as
    AttachmentRow | undefined;
}

export function attachmentRows(db: Db, type: AttachableType, recordId: string): AttachmentRow[] {
  return db
    .prepare(
      `SELECT * FROM attachments WHERE record_type = ? AND record_id = ? AND deleted_hlc IS NULL
       ORDER BY uploaded_at, rowid`,
    )
    .all(type, recordId) as AttachmentRow[];
}

/** Other live attachments holding the same content. */
export function sameContentRows(db: Db, row: { id: string; sha256: string }): AttachmentRow[] {
  return db
    .prepare('SELECT * FROM attachments WHERE sha256 = ? AND id <> ? AND deleted_hlc IS NULL')
    .all(row.sha256, row.id) as AttachmentRow[];
}

export function toAttachment(db: Db, row: AttachmentRow, sameContentCount: number): Attachment {
  const uploader = db.prepare('SELECT display_name FROM users WHERE id = ?').get(row.uploader_user_id) as
    { display_name: string } | undefined;
  const preview = previewOf(row.mime);
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    fileName: row.file_name,
    mime: row.mime,
    extension: row.extension,
    extensionMismatch: extensionMismatch(row.file_name, {
      mime: row.mime,
      extension: row.extension,
      preview,
    }),
    size: row.size,
    sha256: row.sha256,
    preview,
    uploadedBy: uploader?.display_name ?? '',
    uploadedAt: row.uploaded_at,
    sameContentCount,
  };
}
