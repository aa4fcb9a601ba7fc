import { MingjingCore } from '../../core/mingjing-core';
import { createRouter } from '../../core/router';
import { requireOption, UsageError, type CliArgs } from '../args';
import { kdfCostFromEnv } from '../kdf-env';
import { readPassphrase } from '../passphrase';
import { CliFailure } from '../failure';

/** Creates a vault through the same contract entry the setup screen uses. */
export async function initCommand(args: CliArgs): Promise<void> {
  const dataDir = requireOption(args.dataDir, '--data-dir');
  const officeName = requireOption(args.office, '--office');
  const userName = requireOption(args.user, '--user');
  const passphrase = await readPassphrase(`new passphrase for ${userName}: `);
  if (!process.env.MINGJING_PASSPHRASE && (await readPassphrase('repeat the passphrase: ')) !== passphrase) {
    throw new UsageError('the two passphrases differ');
  }
  const core = new MingjingCore({ dataDir, osLocale: 'zh-CN', kdfCost: kdfCostFromEnv() });
  const call = createRouter(core);
  const result = await call('vault:setup', {
    officeName,
    userName,
    displayName: args.displayName ?? userName,
    passphrase,
  });
  if (!result.ok) throw new CliFailure(result.error);
  core.lock('shutdown');
  const { recoveryCode } = result.value as { recoveryCode: string };
  if (args.json) {
    console.log(JSON.stringify({ dataDir, office: officeName, user: userName, recoveryCode }));
  } else {
    console.log(
      `vault created in ${dataDir} for ${officeName}; first user ${userName} (security administrator)`,
    );
    console.log('recovery code (shown once; write it down and keep it apart from the machine):');
    console.log(`  ${recoveryCode}`);
  }
}
