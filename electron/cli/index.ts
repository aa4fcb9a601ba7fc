import { AppError } from '../core/errors';
import { parseCliArgs, USAGE, UsageError } from './args';
import { bundleExportCommand } from './commands/bundle-export';
import { bundleImportCommand } from './commands/bundle-import';
import { bundleInspectCommand, bundleVerifyCommand } from './commands/bundle-inspect';
import { keycardExportCommand, keycardTrustCommand } from './commands/keycard';
import { checkCommand } from './commands/check';
import { infoCommand } from './commands/info';
import { initCommand } from './commands/init';
import { searchCommand } from './commands/search';
import { seedCommand } from './commands/seed';
import { CliFailure } from './failure';
import { describeError } from './messages';

/**
 * Command-line entry over electron/core for administrators and checkpoints.
 * Every failure is one line on stderr and a non-zero exit; nothing secret is printed
 * except the recovery code `init` must show once.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  switch (args.command) {
    case 'init':
      await initCommand(args);
      return 0;
    case 'check':
      return checkCommand(args);
    case 'info':
      await infoCommand(args);
      return 0;
    case 'search':
      await searchCommand(args);
      return 0;
    case 'seed':
      await seedCommand(args);
      return 0;
    case 'bundle':
      switch (args.positionals[0]) {
        case 'export':
          await bundleExportCommand(args);
          return 0;
        case 'import':
          return bundleImportCommand(args);
        case 'inspect':
          await bundleInspectCommand(args);
          return 0;
        case 'verify':
          await bundleVerifyCommand(args);
          return 0;
        default:
          throw new UsageError(`unknown bundle command: ${args.positionals[0] ?? ''}`);
      }
    case 'keycard':
      switch (args.positionals[0]) {
        case 'export':
          await keycardExportCommand(args);
          return 0;
        case 'trust':
          await keycardTrustCommand(args);
          return 0;
        default:
          throw new UsageError(`unknown keycard command: ${args.positionals[0] ?? ''}`);
      }
    case undefined:
    case 'help':
      console.log(USAGE);
      return args.command ? 0 : 2;
    default:
      throw new UsageError(`unknown command: ${args.command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`mingjing: ${err.message} (see: npm run -s cli -- help)`);
      process.exit(2);
    }
    if (err instanceof AppError || err instanceof CliFailure) {
      const payload = err instanceof AppError ? err.toPayload() : err.payload;
      console.error(`mingjing: ${describeError(payload)}`);
      process.exit(1);
    }
    console.error('mingjing: unexpected internal error');
    process.exit(70);
  },
);
