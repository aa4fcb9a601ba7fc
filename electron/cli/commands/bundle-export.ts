import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ExportPreview, ExportResult } from '../../../shared/contracts/transfer';
import { TRANSFER_EXPIRY_DAYS_DEFAULT } from '../../../shared/contracts/transfer';
import { parseKeyCard } from '../../core/bundle/key-card';
import { AppError } from '../../core/errors';
import { requireOption, UsageError, type CliArgs } from '../args';
import { signInCore } from './signed-in-core';

/**
 * `bundle export`: the app's export (transfer:exportPreview, then transfer:export) as
 * the signed-in user. Recipients are given as their key card files; each must be the
 * card this vault trusts for that office (same fingerprint).
 */
export async function bundleExportCommand(args: CliArgs): Promise<void> {
  const t = args.transfer;
  const out = requireOption(t.out, '--out');
  if (t.to.length === 0) throw new UsageError('missing --to CARD');
  if (t.all === t.cases.length > 0) throw new UsageError('give either --case ID (one or more) or --all');
  const expiresInDays = t.expiresDays === undefined ? TRANSFER_EXPIRY_DAYS_DEFAULT : Number(t.expiresDays);
  const cards = await Promise.all(
    t.to.map(async (file) => {
      let text: Buffer;
      try {
        text = await readFile(file);
      } catch {
        throw new UsageError(`cannot read key card: ${file}`);
      }
      return parseKeyCard(text).card;
    }),
  );
  const scope = {
    caseIds: t.all ? ('all' as const) : t.cases,
    recipients: cards.map((c) => c.officeId),
    mode: t.incremental ? ('incremental' as const) : ('full' as const),
    includeSealed: t.includeSealed,
    includeProtected: t.includeProtected,
  };
  const session = await signInCore(args);
  try {
    const preview = await session.call<ExportPreview>('transfer:exportPreview', scope);
    for (const card of cards) {
      const trusted = preview.recipients.find((r) => r.officeId === card.officeId);
      if (!trusted || trusted.fingerprint !== card.fingerprint)
        throw new AppError('TRANSFER_RECIPIENT_NOT_TRUSTED');
    }
    const result = await session.call<ExportResult>('transfer:export', {
      ...scope,
      outDir: dirname(out),
      fileName: basename(out),
      mediaLabel: t.mediaLabel ?? 'cli',
      expiresInDays,
      description: t.description ?? '',
    });
    if (args.json) {
      console.log(JSON.stringify({ ...result, excluded: preview.excluded }, null, 2));
      return;
    }
    console.log(`bundle    ${result.bundleId}`);
    console.log(`file      ${result.file}`);
    console.log(`signature ${result.signatureFile}`);
    console.log(`size      ${result.size}`);
    console.log(`sha256    ${result.sha256}`);
    console.log(`expires   ${result.expiresAt}`);
    for (const r of result.recipients)
      console.log(`to        ${r.officeName} (${r.officeId}) sequence ${r.sequence}`);
    for (const [type, n] of Object.entries(result.counts)) console.log(`records   ${type}\t${n}`);
    console.log(`files     ${result.attachments.count} (${result.attachments.bytes} bytes)`);
    if (preview.excluded.sealed || preview.excluded.protected) {
      console.log(`withheld  sealed ${preview.excluded.sealed}, protected ${preview.excluded.protected}`);
    }
  } finally {
    await session.close();
  }
}
