import { randomUUID } from 'node:crypto';
import { access, constants, rm, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type {
  ExportInput,
  ExportPreview,
  ExportResult,
  ExportScopeInput,
} from '../../../shared/contracts/transfer';
import type { EntryInput } from '../bundle/container-writer';
import { writeBundle, type WrittenBundle } from '../bundle/write-bundle';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { captureLocalChanges, exportRecords, planExport, type ExportQuery } from '../replication';
import type { ServiceContext } from '../service-context';
import { attachmentEntries, storedBlobs } from './attachment-source';
import { chosenBundlePath, freshBundlePath } from './bundle-file-name';
import { mayIncludeProtected, resolveExportCases, scopeLabel } from './export-scope';
import { recipientFor, senderIdentity } from './office-port';
import { recordBatches } from './record-batches';
import { recipientSequence, registerExport } from './registers';

const DAY_MS = 24 * 60 * 60 * 1000;

const sumCounts = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((a, b) => a + b, 0);

interface Resolved {
  caseIds: string[];
  query: ExportQuery;
  since: string | null;
  recipients: ExportPreview['recipients'];
}

/** Everything both preview and export decide: cases, recipients and their sequences, the base. */
function resolveScope(ctx: ServiceContext, input: ExportScopeInput): Resolved {
  const db = ctx.db();
  const user = ctx.user();
  const caseIds = resolveExportCases(db, user.id, input.caseIds);
  const recipients = [...new Set(input.recipients)].map((officeId) => {
    const last = recipientSequence(db, officeId);
    const r = recipientFor(db, officeId, (last?.lastSequence ?? 0) + 1);
    return {
      officeId,
      officeName: r.officeName,
      fingerprint: r.fingerprint,
      nextSequence: r.sequence,
      lastExportHlc: last?.lastExportHlc ?? null,
      lastExportAt: last?.lastExportAt ?? null,
    };
  });
  // Incremental from the oldest base among the recipients; any recipient without one gets everything.
  const bases = recipients.map((r) => r.lastExportHlc);
  const since =
    input.mode === 'incremental' && bases.every((b): b is string => b !== null) ? bases.sort()[0]! : null;
  const query: ExportQuery = {
    caseIds,
    ...(since ? { since } : {}),
    viewer: { userId: user.id, roles: user.roles },
    includeSealed: input.includeSealed,
    includeProtected: input.includeProtected && mayIncludeProtected(user.roles),
  };
  return { caseIds, query, since, recipients };
}

function capture(ctx: ServiceContext): void {
  const s = ctx.session();
  captureLocalChanges(ctx.db(), s.office.id, () => s.clock.now());
}

function attachmentTotals(db: Db, hashes: readonly string[]) {
  const blobs = storedBlobs(db, hashes);
  return { blobs, count: blobs.length, bytes: blobs.reduce((n, b) => n + b.size, 0) };
}

export function previewExport(ctx: ServiceContext, input: ExportScopeInput): ExportPreview {
  capture(ctx);
  const db = ctx.db();
  const { caseIds, query, since, recipients } = resolveScope(ctx, input);
  const plan = planExport(db, query);
  // Whether any sealed lead in scope is one the caller may see (and so could tick to send).
  const other = planExport(db, { ...query, includeSealed: !query.includeSealed });
  const withSealed = query.includeSealed ? plan : other;
  const withoutSealed = query.includeSealed ? other : plan;
  const { count, bytes } = attachmentTotals(db, plan.attachmentHashes);
  return {
    mode: input.mode,
    since,
    caseIds,
    counts: plan.counts,
    totalRecords: sumCounts(plan.counts),
    excluded: plan.excluded,
    mayIncludeSealed: withoutSealed.excluded.sealed > withSealed.excluded.sealed,
    mayIncludeProtected: mayIncludeProtected(ctx.user().roles),
    attachments: { count, bytes },
    recipients,
  };
}

async function checkOutDir(dir: string): Promise<string> {
  const abs = resolve(dir);
  try {
    if (!(await stat(abs)).isDirectory()) throw new Error('not a folder');
    await access(abs, constants.W_OK);
  } catch {
    throw new AppError('TRANSFER_OUT_DIR_INVALID');
  }
  return abs;
}

/**
 * Writes the bundle and its signature into `outDir`, then registers it (register,
 * sequences and audit entry in one transaction, only once both files are complete).
 */
export async function exportBundle(ctx: ServiceContext, input: ExportInput): Promise<ExportResult> {
  const outDir = await checkOutDir(input.outDir);
  capture(ctx);
  const db = ctx.db();
  const user = ctx.user();
  const sender = senderIdentity(db);
  const { caseIds, query, since, recipients } = resolveScope(ctx, input);
  const plan = planExport(db, query);
  const totalRecords = sumCounts(plan.counts);
  if (totalRecords === 0) throw new AppError('TRANSFER_NOTHING_TO_EXPORT');
  const attachments = attachmentTotals(db, plan.attachmentHashes);

  // The base of the next incremental export: taken before the records are read.
  const atHlc = ctx.session().clock.now();
  const createdAt = new Date(ctx.now());
  const expiresAt = new Date(createdAt.getTime() + input.expiresInDays * DAY_MS);
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    seq: number;
    hash: string;
  };
  const file = input.fileName
    ? await chosenBundlePath(outDir, input.fileName)
    : await freshBundlePath(
        outDir,
        sender.officeName,
        scopeLabel(db, caseIds, input.caseIds === 'all'),
        createdAt,
      );
  const bundleRecipients = recipients.map((r) => recipientFor(db, r.officeId, r.nextSequence));

  function* entries(): Generator<EntryInput> {
    yield* recordBatches(exportRecords(db, query));
    yield* attachmentEntries(db, ctx.files(), attachments.blobs);
  }
  let written: WrittenBundle;
  try {
    written = await writeBundle({
      file,
      sender,
      recipients: bundleRecipients,
      createdAt,
      expiresAt,
      scope:
        input.mode === 'incremental' && since
          ? { kind: 'incremental', description: input.description, caseIds, since }
          : { kind: 'full', description: input.description, caseIds },
      checkpoint: { auditSeq: head.seq, auditHead: head.hash },
      entries: entries(),
    });
  } catch (err) {
    // A full or removed medium, a name taken meanwhile: nothing was left behind (writeBundle cleans up).
    const code = (err as { code?: unknown }).code;
    if (code === 'EEXIST') throw new AppError('TRANSFER_FILE_EXISTS', { file: basename(file) });
    if (typeof code === 'string' && code.startsWith('E')) throw new AppError('TRANSFER_OUT_DIR_INVALID');
    throw err;
  }

  const sent = bundleRecipients.map((r) => ({
    officeId: r.officeId,
    officeName: r.officeName,
    sequence: r.sequence,
  }));
  const counts = written.manifest.counts;
  try {
    register();
  } catch (err) {
    // Unregistered files must not travel: remove them.
    await rm(written.file, { force: true });
    await rm(written.signatureFile, { force: true });
    throw err;
  }
  return result();

  function register(): void {
    ctx.write(
      {
        action: 'bundle.export',
        entityType: 'bundle',
        entityId: written.bundleId,
        details: {
          mode: written.manifest.scope.kind,
          caseIds,
          recipients: sent.map((r) => `${r.officeId}#${r.sequence}`),
          file: basename(written.file),
          size: written.size,
          sha256: written.sha256,
          mediaLabel: input.mediaLabel,
          counts,
          attachments: attachments.count,
          excluded: plan.excluded,
        },
      },
      (wdb) =>
        registerExport(wdb, {
          id: randomUUID(),
          bundleId: written.bundleId,
          at: createdAt.toISOString(),
          atHlc,
          actorId: user.id,
          actorName: user.displayName,
          // The mode the bundle actually has: a recipient without a base makes it full.
          mode: written.manifest.scope.kind,
          sinceHlc: since,
          caseIds,
          recipients: sent,
          fileName: basename(written.file),
          size: written.size,
          sha256: written.sha256,
          mediaLabel: input.mediaLabel,
          counts,
          attachmentCount: attachments.count,
          attachmentBytes: attachments.bytes,
          expiresAt: expiresAt.toISOString(),
        }),
    );
  }

  function result(): ExportResult {
    return {
      bundleId: written.bundleId,
      file: written.file,
      signatureFile: written.signatureFile,
      size: written.size,
      sha256: written.sha256,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      counts,
      attachments: { count: attachments.count, bytes: attachments.bytes },
      recipients: sent,
    };
  }
}
