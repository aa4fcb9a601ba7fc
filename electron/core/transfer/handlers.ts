import { TRANSFER_PATH_MAX, type transferContract } from '../../../shared/contracts/transfer';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { exportBundle, previewExport } from './export-service';
import { ImportService } from './import-service';
import { exportRegister, importRegister } from './registers';

/** The transfer channels (shared/contracts/transfer.ts) over the export and import services. */
export function createTransferHandlers(ctx: ServiceContext): HandlersFor<keyof typeof transferContract> {
  const imports = new ImportService(ctx);
  // Exports run one after another, so two never take the same sequence number for an office.
  let exporting: Promise<unknown> = Promise.resolve();
  return {
    'transfer:pathChooser': () => ({ available: ctx.options.choosePath !== undefined }),
    'transfer:choosePath': async (request) => {
      const choose = ctx.options.choosePath;
      if (!choose) throw new AppError('TRANSFER_CHOOSER_UNAVAILABLE');
      const chosen = await choose(request);
      return { path: chosen && chosen.length <= TRANSFER_PATH_MAX ? chosen : null };
    },
    'transfer:exportPreview': (input) => previewExport(ctx, input),
    'transfer:export': (input) => {
      const run = exporting.then(() => exportBundle(ctx, input));
      exporting = run.catch(() => undefined);
      return run;
    },
    'transfer:importOpen': ({ file }) => imports.open(file),
    'transfer:importConfirm': ({ importId, acknowledgeFlags }) => imports.confirm(importId, acknowledgeFlags),
    'transfer:importDiscard': ({ importId }) => imports.discard(importId),
    'transfer:registers': ({ limit }) => ({
      exports: exportRegister(ctx.db(), limit),
      imports: importRegister(ctx.db(), limit),
    }),
  };
}
