import { randomUUID } from 'node:crypto';
import {
  ATTACHMENT_CHUNK_BYTES,
  FILE_NAME_MAX,
  type AttachableType,
  type attachmentsContract,
} from '../../../shared/contracts/attachments';
import { sanitizeFileName } from '../../../shared/file-name';
import { AppError } from '../errors';
import { readOfficeRules } from '../reference/office-rules';
import type { HandlersFor, ServiceContext } from '../service-context';
import {
  attachmentRow,
  attachmentRows,
  sameContentRows,
  toAttachment,
  type AttachmentRow,
} from './attachment-repo';
import { createStagingBlob, dropStagingBlob, purgeIfUnreferenced, readChunk, storeBlob } from './blob-store';
import { detectType } from './detect-type';
import { checkRecord, mayReadRecord } from './record-access';
import { UploadSession } from './upload-session';

/** An upload with no chunk for this long is abandoned and its staged bytes removed. */
const UPLOAD_IDLE_MS = 15 * 60_000;
const READ_IDLE_MS = 10 * 60_000;
/** Uploads one session may have under way at once. */
const MAX_UPLOADS = 4;

interface ReadTicket {
  attachmentId: string;
  blobId: string;
  record: { type: AttachableType; id: string };
  chunkCount: number;
  owner: object;
  lastActivityMs: number;
}

/**
 * Intake attachments may show the reporter's identity, and the intake item's history
 * is read by roles that may not know it: their file names stay out of the audit log.
 */
const nameInLog = (type: AttachableType) => type !== 'intake';

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function createAttachmentHandlers(ctx: ServiceContext): HandlersFor<keyof typeof attachmentsContract> {
  const uploads = new Map<string, UploadSession>();
  const reads = new Map<string, ReadTicket>();
  let owner: object | null = null;

  /**
   * Uploads and open files belong to the session that started them. When the session
   * changes (lock, unlock, restart after a crash) everything of the previous one is
   * dropped, staged bytes included; idle uploads go the same way.
   */
  const housekeeping = (): object => {
    const session = ctx.session();
    if (session !== owner) {
      // The new session started with a tidy file store; only open files are left to close.
      owner = session;
      for (const u of uploads.values()) u.writer.abort();
      uploads.clear();
      reads.clear();
    }
    const now = ctx.now();
    for (const u of uploads.values()) if (now - u.lastActivityMs > UPLOAD_IDLE_MS) abandon(u);
    for (const [id, r] of reads) if (now - r.lastActivityMs > READ_IDLE_MS) reads.delete(id);
    return session;
  };

  const upload = (id: string): UploadSession => {
    const session = housekeeping();
    const u = uploads.get(id);
    if (!u || u.owner !== session) throw new AppError('ATTACHMENT_UPLOAD_NOT_FOUND');
    return u;
  };

  const abandon = (u: UploadSession): void => {
    uploads.delete(u.id);
    u.writer.abort();
    dropStagingBlob(ctx.db(), ctx.files(), u.blobId);
  };

  const view = (row: AttachmentRow) => {
    const same = sameContentRows(ctx.db(), row).filter((o) => mayReadRecord(ctx, o.record_type, o.record_id));
    return toAttachment(ctx.db(), row, same.length);
  };

  return {
    'attachments:list': ({ recordType, recordId }) => {
      housekeeping();
      checkRecord(ctx, recordType, recordId, 'read');
      return attachmentRows(ctx.db(), recordType, recordId).map(view);
    },

    'attachments:begin': ({ recordType, recordId, fileName, size }) => {
      const session = housekeeping();
      const record = checkRecord(ctx, recordType, recordId, 'write');
      const max = readOfficeRules(ctx.db()).attachments.maxBytes;
      if (size > max) throw new AppError('ATTACHMENT_TOO_LARGE', { max: formatBytes(max) });
      if (uploads.size >= MAX_UPLOADS) throw new AppError('ATTACHMENT_UPLOADS_BUSY');
      const blobId = randomUUID();
      const writer = createStagingBlob(
        ctx.db(),
        ctx.files(),
        blobId,
        size,
        ATTACHMENT_CHUNK_BYTES,
        new Date(ctx.now()).toISOString(),
      );
      const u = new UploadSession(
        randomUUID(),
        blobId,
        writer,
        session,
        { type: recordType, id: recordId, caseId: record.caseId },
        sanitizeFileName(fileName, FILE_NAME_MAX),
        size,
        ATTACHMENT_CHUNK_BYTES,
        ctx.now(),
      );
      uploads.set(u.id, u);
      return { uploadId: u.id, chunkBytes: u.chunkBytes, chunkCount: u.chunkCount };
    },

    'attachments:chunk': ({ uploadId, index, data }) => {
      const u = upload(uploadId);
      const bytes = Buffer.from(data, 'base64');
      // Strict base64 (it must encode back to itself) of exactly the expected length.
      if (bytes.toString('base64') !== data || !u.fits(index, bytes.length)) {
        abandon(u);
        throw new AppError('ATTACHMENT_UPLOAD_MISMATCH');
      }
      u.writer.append(bytes);
      u.accept(bytes, ctx.now());
      return { receivedBytes: u.receivedBytes };
    },

    'attachments:commit': async ({ uploadId }) => {
      const u = upload(uploadId);
      if (!u.complete) {
        abandon(u);
        throw new AppError('ATTACHMENT_UPLOAD_MISMATCH');
      }
      uploads.delete(u.id);
      const id = randomUUID();
      try {
        u.writer.finish();
        const detected = await detectType(u.head ?? new Uint8Array(), u.utf8Text);
        if (ctx.session() !== u.owner) throw new AppError('ATTACHMENT_UPLOAD_NOT_FOUND');
        checkRecord(ctx, u.record.type, u.record.id, 'write');
        const sha256 = u.hash.digest('hex');
        const duplicate =
          ctx
            .db()
            .prepare(`SELECT 1 FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`)
            .get(sha256) !== undefined;
        const user = ctx.user();
        ctx.write(
          {
            action: 'attachment.add',
            entityType: u.record.type,
            entityId: u.record.id,
            details: {
              attachmentId: id,
              sha256,
              size: u.size,
              mime: detected.mime,
              duplicate,
              ...(nameInLog(u.record.type) ? { changes: { attachments: [null, u.fileName] } } : {}),
            },
          },
          (db, hlc) => {
            const stored = storeBlob(db, ctx.files(), u.blobId, sha256);
            db.prepare(
              `INSERT INTO attachments (id, origin_office, created_hlc, updated_hlc, record_type, record_id, case_id,
               blob_id, sha256, size, file_name, mime, extension, uploader_user_id, uploaded_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            ).run(
              id,
              ctx.session().office.id,
              hlc,
              hlc,
              u.record.type,
              u.record.id,
              u.record.caseId,
              stored.blobId,
              sha256,
              u.size,
              u.fileName,
              detected.mime,
              detected.extension,
              user.id,
              new Date(ctx.now()).toISOString(),
            );
          },
        );
      } catch (err) {
        // Not committed: the file and its staging row go (a committed content is never touched here).
        u.writer.abort();
        dropStagingBlob(ctx.db(), ctx.files(), u.blobId);
        throw err;
      }
      return view(attachmentRow(ctx.db(), id)!);
    },

    'attachments:abort': ({ uploadId }) => {
      housekeeping();
      const u = uploads.get(uploadId);
      if (u && u.owner === owner) abandon(u);
      return null;
    },

    'attachments:open': ({ id, purpose }) => {
      const session = housekeeping();
      const row = attachmentRow(ctx.db(), id);
      if (!row?.blob_id) throw new AppError('RECORD_NOT_FOUND');
      checkRecord(ctx, row.record_type, row.record_id, 'read');
      const blob = ctx
        .db()
        .prepare('SELECT size, chunk_size FROM attachment_blobs WHERE id = ?')
        .get(row.blob_id) as {
        size: number;
        chunk_size: number;
      };
      ctx.write(
        {
          action: purpose === 'preview' ? 'attachment.preview' : 'attachment.export',
          entityType: row.record_type,
          entityId: row.record_id,
          details: {
            attachmentId: row.id,
            sha256: row.sha256,
            ...(nameInLog(row.record_type) ? { fileName: row.file_name } : {}),
          },
        },
        () => {},
      );
      const readId = randomUUID();
      const chunkCount = Math.ceil(blob.size / blob.chunk_size);
      reads.set(readId, {
        attachmentId: row.id,
        blobId: row.blob_id,
        record: { type: row.record_type, id: row.record_id },
        chunkCount,
        owner: session,
        lastActivityMs: ctx.now(),
      });
      return {
        readId,
        fileName: row.file_name,
        mime: row.mime,
        size: row.size,
        sha256: row.sha256,
        chunkCount,
      };
    },

    'attachments:read': ({ readId, index }) => {
      const session = housekeeping();
      const r = reads.get(readId);
      if (!r || r.owner !== session) throw new AppError('RECORD_NOT_FOUND');
      if (index >= r.chunkCount) throw new AppError('INPUT_INVALID', { field: 'index' });
      checkRecord(ctx, r.record.type, r.record.id, 'read');
      const data = readChunk(ctx.db(), ctx.files(), r.blobId, index);
      if (!data) throw new AppError('RECORD_NOT_FOUND');
      r.lastActivityMs = ctx.now();
      if (index === r.chunkCount - 1) reads.delete(readId);
      return { data: data.toString('base64') };
    },

    'attachments:remove': ({ id, reason }) => {
      housekeeping();
      const row = attachmentRow(ctx.db(), id);
      if (!row) throw new AppError('RECORD_NOT_FOUND');
      checkRecord(ctx, row.record_type, row.record_id, 'write');
      const unlink = ctx.write(
        {
          action: 'attachment.remove',
          entityType: row.record_type,
          entityId: row.record_id,
          details: {
            attachmentId: row.id,
            sha256: row.sha256,
            reason,
            ...(nameInLog(row.record_type) ? { changes: { attachments: [row.file_name, null] } } : {}),
          },
        },
        (db, hlc) => {
          db.prepare(
            'UPDATE attachments SET deleted_hlc = ?, updated_hlc = ?, removed_reason = ? WHERE id = ?',
          ).run(hlc, hlc, reason, id);
          return row.blob_id ? purgeIfUnreferenced(db, row.blob_id) : null;
        },
      );
      if (unlink) ctx.files().removeStored(unlink);
      for (const [readId, r] of reads) if (r.attachmentId === id) reads.delete(readId);
      return null;
    },
  };
}
