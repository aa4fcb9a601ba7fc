import { existsSync, statSync } from 'node:fs';
import { AppError } from '../core/errors';
import { kdfCostFromEnv } from './kdf-env';
import { readVaultUserNames, unlockVault, type OpenVault } from '../core/vault/vault';
import { UsageError } from './args';
import { readPassphrase } from './passphrase';

export function assertDataDir(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    throw new UsageError(`no such data folder: ${dataDir}`);
}

/** Unlocks as --user (or the only user), read-only with respect to migrations. */
export async function openForCli(dataDir: string, user: string | undefined): Promise<OpenVault> {
  assertDataDir(dataDir);
  const names = readVaultUserNames(dataDir);
  if (names.length === 0) throw new AppError('VAULT_NOT_FOUND');
  let userName = user;
  if (!userName) {
    if (names.length !== 1) throw new UsageError(`this vault has ${names.length} users: pass --user NAME`);
    userName = names[0]!;
  }
  const passphrase = await readPassphrase(`passphrase for ${userName}: `);
  const { vault } = await unlockVault(dataDir, userName, passphrase, {
    migrationMode: 'verify',
    kdfCost: kdfCostFromEnv(),
  });
  return vault;
}
