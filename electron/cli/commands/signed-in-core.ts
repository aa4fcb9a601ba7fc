import { MingjingCore } from '../../core/mingjing-core';
import { createRouter, type RouterCall } from '../../core/router';
import { readVaultUserNames } from '../../core/vault/vault';
import { AppError } from '../../core/errors';
import type { Envelope } from '../../../shared/errors';
import { requireOption, UsageError, type CliArgs } from '../args';
import { CliFailure } from '../failure';
import { kdfCostFromEnv } from '../kdf-env';
import { assertDataDir } from '../open-for-cli';
import { readPassphrase } from '../passphrase';

export interface SignedInCore {
  core: MingjingCore;
  /** A contract call; an error envelope becomes a CliFailure (one line, non-zero exit). */
  call<T>(channel: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The application core signed in as --user (or the only user), so a command does
 * exactly what the app does for that user: the same roles, visibility and audit.
 */
export async function signInCore(args: CliArgs): Promise<SignedInCore> {
  const dataDir = requireOption(args.dataDir, '--data-dir');
  assertDataDir(dataDir);
  const names = readVaultUserNames(dataDir);
  if (names.length === 0) throw new AppError('VAULT_NOT_FOUND');
  const userName = args.user ?? (names.length === 1 ? names[0] : undefined);
  if (!userName) throw new UsageError(`this vault has ${names.length} users: pass --user NAME`);
  const passphrase = await readPassphrase(`passphrase for ${userName}: `);
  const core = new MingjingCore({ dataDir, osLocale: 'zh-CN', kdfCost: kdfCostFromEnv() });
  const router: RouterCall = createRouter(core);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const env = (await router(channel, input)) as Envelope<T>;
    if (!env.ok) throw new CliFailure(env.error);
    return env.value;
  };
  await call('session:unlock', { userName, passphrase });
  return { core, call, close: async () => void (await router('session:lock', {})) };
}
