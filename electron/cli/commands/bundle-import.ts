import type { ImportPreview, ImportResult } from '../../../shared/contracts/transfer';
import { messageKeyFor } from '../../../shared/errors';
import { UsageError, type CliArgs } from '../args';
import { CliFailure } from '../failure';
import { signInCore } from './signed-in-core';

function printPreview(p: ImportPreview): void {
  console.log(`bundle    ${p.bundleId}`);
  console.log(`from      ${p.sender.officeName} (${p.sender.officeId})`);
  console.log(`signer    ${p.sender.fingerprint}`);
  console.log(`created   ${p.createdAt}  expires ${p.expiresAt}`);
  console.log(`sequence  ${p.sequence}  scope ${p.scope.kind}`);
  if (p.scope.description) console.log(`about     ${JSON.stringify(p.scope.description)}`);
  console.log(`size      ${p.fileSize}  sha256 ${p.sha256}`);
  console.log('type\tnew\tupdated\tunchanged\tconflicting');
  for (const [type, c] of Object.entries(p.preview)) {
    console.log(`${type}\t${c.new}\t${c.updated}\t${c.unchanged}\t${c.conflicting}`);
  }
  console.log(`files     ${p.attachments.count} (${p.attachments.bytes} bytes)`);
  const flags = Object.entries(p.flags)
    .filter(([, on]) => on)
    .map(([f]) => f);
  if (flags.length) console.log(`FLAGGED   ${flags.join(', ')}`);
}

/**
 * `bundle import FILE`: opens and previews the bundle (transfer:importOpen); applies it
 * (transfer:importConfirm) only with --yes, which also acknowledges any flag. Without
 * --yes the staged import is discarded; a flagged bundle then exits non-zero.
 */
export async function bundleImportCommand(args: CliArgs): Promise<number> {
  const [file, ...rest] = args.positionals.slice(1);
  if (!file || rest.length > 0) throw new UsageError('bundle import takes one FILE');
  const session = await signInCore(args);
  try {
    const preview = await session.call<ImportPreview>('transfer:importOpen', { file });
    if (!args.json) printPreview(preview);
    const flagged = Object.values(preview.flags).some(Boolean);
    if (!args.transfer.yes) {
      await session.call('transfer:importDiscard', { importId: preview.importId });
      if (args.json) console.log(JSON.stringify({ preview, applied: null }, null, 2));
      if (flagged) {
        throw new CliFailure({
          code: 'TRANSFER_FLAGS_UNACKNOWLEDGED',
          messageKey: messageKeyFor('TRANSFER_FLAGS_UNACKNOWLEDGED'),
        });
      }
      if (!args.json) console.log('not applied (run again with --yes to import)');
      return 0;
    }
    const result = await session.call<ImportResult>('transfer:importConfirm', {
      importId: preview.importId,
      acknowledgeFlags: true,
    });
    if (args.json) console.log(JSON.stringify({ preview, applied: result }, null, 2));
    else
      console.log(
        `applied   ${result.changed} changed, ${result.conflicts} conflicts, ${result.attachmentsStored} files stored`,
      );
    return 0;
  } finally {
    await session.close();
  }
}
