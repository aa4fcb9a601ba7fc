import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ImportPreview, ImportResult } from '../../../shared/contracts/transfer';
import type { BundleManifest } from '../bundle/manifest';
import { readBundle } from '../bundle/read-bundle';
import { readRecordLines } from '../bundle/records';
import { AppError } from '../errors';
import {
  applyMerge,
  captureLocalChanges,
  parseEnvelope,
  previewMerge,
  type RecordEnvelope,
} from '../replication';
import type { ServiceContext } from '../service-context';
import { anyFlag, importFlags } from './import-flags';
import { decryptionIdentities, signerLookup } from './office-port';
import {
  advanceSenderState,
  bundleAlreadyApplied,
  closeImport,
  insertImport,
  previewedImport,
  previewedImportIds,
  senderState,
  type ImportRegisterFacts,
} from './registers';
import {
  clearStaging,
  moveStagedFiles,
  RecordStager,
  registerMovedBlobs,
  stageAttachment,
  stagedLines,
  stagingArea,
} from './staging';
import type { BlobFiles } from '../vault/blob-files';

/**
 * Import of a received bundle (docs/transfers.md §3), in this order: size caps →
 * signature against the trust store (unknown or revoked signer refused) → decryption
 * streamed into the staging area (encrypted files of the vault) → manifest and counts → dry-run
 * merge (orphans refused) → flags → preview. Confirm applies everything in one
 * transaction. Any failure empties the staging area and leaves the vault's content
 * unchanged; the refusal itself is registered and audited.
 */

/**
 * The staged envelopes of an import, read again on every pass (preview, apply). They
 * were checked against their schemas on the way in and written by us into an
 * authenticated encrypted file, so they are parsed, not validated, again.
 */
function stagedEnvelopes(files: BlobFiles, importId: string): () => Iterable<RecordEnvelope> {
  return function* () {
    for (const { line } of stagedLines(files, importId)) yield JSON.parse(line) as RecordEnvelope;
  };
}

interface StoredManifest {
  scope: BundleManifest['scope'];
  counts: Record<string, number>;
  checkpoint: BundleManifest['checkpoint'];
  sender: BundleManifest['sender'];
  expiresAt: string;
  fileSize: number;
  sha256: string;
  attachments: { count: number; bytes: number };
  flags: ImportPreview['flags'];
  preview: ImportPreview['preview'];
}

const asCode = (err: unknown): string => (err instanceof AppError ? err.code : 'INTERNAL');

export class ImportService {
  private busy = false;
  private owner: object | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Imports left open by an earlier session (a lock, a crash) are closed as discarded
   * and the whole staging area is emptied, once per session.
   */
  private housekeeping(): void {
    const session = this.ctx.session();
    if (session === this.owner) return;
    this.owner = session;
    const db = this.ctx.db();
    // The session started with an empty staging area (MingjingCore.startSession).
    const stale = previewedImportIds(db);
    const at = new Date(this.ctx.now()).toISOString();
    if (stale.length > 0) {
      this.ctx.write(
        {
          action: 'bundle.import_discard',
          entityType: 'bundle',
          entityId: null,
          details: { abandoned: stale.length },
        },
        (wdb) => {
          for (const id of stale) closeImport(wdb, id, at, 'discarded', { reason: 'abandoned' });
        },
      );
    }
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new AppError('TRANSFER_IMPORT_BUSY');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  open(fileInput: string): Promise<ImportPreview> {
    return this.exclusive(async () => {
      this.housekeeping();
      const file = resolve(fileInput);
      const importId = randomUUID();
      const facts: ImportRegisterFacts = { fileName: basename(file) };
      try {
        return await this.stageAndPreview(file, importId, facts);
      } catch (err) {
        try {
          clearStaging(this.ctx.db(), this.ctx.files(), importId);
          this.refuse(importId, err, facts);
        } catch {
          // The session ended meanwhile: the next one empties the staging area; report the first error.
        }
        throw err;
      }
    });
  }

  private async stageAndPreview(
    file: string,
    importId: string,
    facts: ImportRegisterFacts,
  ): Promise<ImportPreview> {
    const db = this.ctx.db();
    const files = this.ctx.files();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      throw new AppError('TRANSFER_FILE_UNREADABLE', { file: facts.fileName });
    }
    const stager = new RecordStager(files, importId);
    const attachments = { count: 0, bytes: 0 };
    const opened = await this.readStaging(stager, () =>
      readBundle({
        file,
        identities: decryptionIdentities(db),
        findSigner: signerLookup(db),
        onEntry: async (entry, data) => {
          const kind = entry.kind;
          if (kind.kind === 'records') {
            for await (const line of readRecordLines(entry.name, kind.recordType, data)) {
              const envelope = parseEnvelope(kind.recordType, line);
              stager.add(kind.recordType, envelope.id, JSON.stringify(envelope));
            }
          } else if (kind.kind === 'attachment') {
            attachments.bytes += await stageAttachment(db, files, importId, kind.sha256, data);
            attachments.count++;
          }
        },
      }),
    );
    const { manifest } = opened;
    Object.assign(facts, {
      fileSize: opened.size,
      sha256: opened.sha256,
      bundleId: manifest.bundleId,
      senderOfficeId: manifest.sender.officeId,
      senderName: manifest.sender.officeName,
      fingerprint: manifest.sender.fingerprint,
      createdAt: manifest.createdAt,
      expiresAt: manifest.expiresAt,
      counts: manifest.counts,
    });
    const us = manifest.recipients.find((r) => r.officeId === this.ctx.session().office.id);
    if (!us) throw new AppError('BUNDLE_NOT_FOR_US');
    facts.sequence = us.sequence;
    for (const type of new Set([...Object.keys(manifest.counts), ...Object.keys(stager.counts)])) {
      if ((manifest.counts[type] ?? 0) !== (stager.counts[type] ?? 0)) {
        throw new AppError('BUNDLE_COUNTS_MISMATCH', { type });
      }
    }

    const merge = previewMerge(db, stagedEnvelopes(files, importId), stager.keys);
    const orphan = merge.orphans[0];
    if (orphan)
      throw new AppError('BUNDLE_RECORD_ORPHAN', { type: orphan.type, parentType: orphan.parentType });
    const flags = importFlags(
      {
        bundleId: manifest.bundleId,
        sequence: us.sequence,
        createdAt: manifest.createdAt,
        expiresAt: manifest.expiresAt,
      },
      senderState(db, manifest.sender.officeId),
      bundleAlreadyApplied(db, manifest.bundleId),
      this.ctx.now(),
    );
    const stored: StoredManifest = {
      scope: manifest.scope,
      counts: manifest.counts,
      checkpoint: manifest.checkpoint,
      sender: manifest.sender,
      expiresAt: manifest.expiresAt,
      fileSize: opened.size,
      sha256: opened.sha256,
      attachments,
      flags,
      preview: merge.perType,
    };
    const user = this.ctx.user();
    const at = new Date(this.ctx.now()).toISOString();
    this.ctx.write(
      {
        action: 'bundle.import_open',
        entityType: 'bundle',
        entityId: manifest.bundleId,
        details: {
          importId,
          sender: manifest.sender.officeId,
          sequence: us.sequence,
          flags,
          counts: manifest.counts,
        },
      },
      (wdb) =>
        insertImport(wdb, importId, at, { id: user.id, name: user.displayName }, 'previewed', null, {
          ...facts,
          flags,
          manifest: stored,
          preview: merge.perType,
        }),
    );
    return {
      importId,
      bundleId: manifest.bundleId,
      file,
      fileSize: opened.size,
      sha256: opened.sha256,
      sender: manifest.sender,
      createdAt: manifest.createdAt,
      expiresAt: manifest.expiresAt,
      sequence: us.sequence,
      scope: {
        kind: manifest.scope.kind,
        description: manifest.scope.description,
        caseIds: manifest.scope.caseIds,
        since: manifest.scope.kind === 'incremental' ? manifest.scope.since : null,
      },
      counts: manifest.counts,
      attachments,
      checkpoint: manifest.checkpoint,
      flags,
      preview: merge.perType,
    };
  }

  /** Runs the bundle's reading with the record stager open; the records file is complete after it. */
  private async readStaging<T>(stager: RecordStager, read: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await read();
    } catch (err) {
      stager.abort();
      throw err;
    }
    stager.finish();
    return result;
  }

  /** Registers and audits a refusal (the only trace a refused bundle leaves). */
  private refuse(importId: string, err: unknown, facts: ImportRegisterFacts): void {
    const user = this.ctx.user();
    const code = asCode(err);
    const claimed = err instanceof AppError ? err.details?.fingerprint : undefined;
    if (!facts.fingerprint && typeof claimed === 'string') facts.fingerprint = claimed;
    const at = new Date(this.ctx.now()).toISOString();
    this.ctx.write(
      {
        action: 'bundle.import_refused',
        entityType: 'bundle',
        entityId: facts.bundleId ?? null,
        details: {
          importId,
          file: facts.fileName,
          reason: code,
          ...(facts.fingerprint ? { fingerprint: facts.fingerprint } : {}),
        },
      },
      (wdb) =>
        insertImport(wdb, importId, at, { id: user.id, name: user.displayName }, 'refused', code, facts),
    );
  }

  confirm(importId: string, acknowledgeFlags: boolean): Promise<ImportResult> {
    return this.exclusive(async () => {
      this.housekeeping();
      const db = this.ctx.db();
      const row = previewedImport(db, importId);
      if (!row) throw new AppError('TRANSFER_IMPORT_NOT_FOUND');
      const stored = JSON.parse(row.manifest) as StoredManifest;
      if (anyFlag(stored.flags) && !acknowledgeFlags) throw new AppError('TRANSFER_FLAGS_UNACKNOWLEDGED');
      const s = this.ctx.session();
      const at = new Date(this.ctx.now()).toISOString();
      // Filled inside the transaction, before the audit entry is appended after it.
      const details: Record<string, unknown> = {
        importId,
        sender: row.sender_office_id,
        sequence: row.sequence,
        flags: stored.flags,
        acknowledged: acknowledgeFlags,
      };
      const files = this.ctx.files();
      let moved: ReturnType<typeof moveStagedFiles> = [];
      try {
        // Attachment files go into the store before the transaction that names them.
        moved = moveStagedFiles(db, files, importId);
        const result = this.ctx.write(
          { action: 'bundle.import', entityType: 'bundle', entityId: row.bundle_id, details },
          (wdb) => {
            captureLocalChanges(wdb, s.office.id, () => s.clock.now());
            // Blobs first, so that attachment records merged next find their content by hash.
            const attachmentsStored = registerMovedBlobs(wdb, moved, at);
            const { changed, conflicts } = applyMerge(wdb, stagedEnvelopes(files, importId), {
              officeId: s.office.id,
              importerUserId: s.userId,
              hlc: () => s.clock.now(),
            });
            closeImport(wdb, importId, at, 'applied', { changed, conflicts });
            advanceSenderState(wdb, row.sender_office_id, {
              lastSequence: row.sequence,
              lastCreatedAt: row.created_at,
              lastBundleId: row.bundle_id,
            });
            wdb.prepare('DELETE FROM transfer_staged_blobs WHERE import_id = ?').run(importId);
            Object.assign(details, { changed, conflicts, attachmentsStored });
            return { importId, bundleId: row.bundle_id, changed, conflicts, attachmentsStored };
          },
        );
        files.removeStaging(stagingArea(importId));
        return result;
      } catch (err) {
        // Rolled back: the vault is as it was (the moved files are named by no row: they go).
        // The bundle is refused and its staging emptied.
        const code = asCode(err);
        try {
          for (const b of moved) files.removeStored(b.blob_id);
          clearStaging(db, files, importId);
          this.ctx.write(
            {
              action: 'bundle.import_refused',
              entityType: 'bundle',
              entityId: row.bundle_id,
              details: { importId, reason: code },
            },
            (wdb) => closeImport(wdb, importId, at, 'refused', { reason: code }),
          );
        } catch {
          // The session ended meanwhile: the next one closes the import and empties staging.
        }
        throw err;
      }
    });
  }

  discard(importId: string): Promise<null> {
    return this.exclusive(async () => {
      this.housekeeping();
      const db = this.ctx.db();
      const row = previewedImport(db, importId);
      if (!row) throw new AppError('TRANSFER_IMPORT_NOT_FOUND');
      const at = new Date(this.ctx.now()).toISOString();
      this.ctx.write(
        {
          action: 'bundle.import_discard',
          entityType: 'bundle',
          entityId: row.bundle_id,
          details: { importId },
        },
        (wdb) => closeImport(wdb, importId, at, 'discarded', {}),
      );
      clearStaging(db, this.ctx.files(), importId);
      return null;
    });
  }
}
