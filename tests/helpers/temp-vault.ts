import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MingjingCore, type CoreOptions } from '../../electron/core/mingjing-core';
import { createRouter } from '../../electron/core/router';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

/** A cheap KDF for tests; one test checks the real default cost separately. */
export const FAST_KDF = { N: 2 ** 12, r: 8, p: 1 };

export const ADMIN = { userName: 'admin', passphrase: 'Anquan-Guanli-2026', displayName: '安全管理员' };

export function tempDir(prefix = 'mj-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type TypedCall = <C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<Envelope<ChannelOutput<C>>>;

export function makeCore(dataDir: string, extra: Partial<CoreOptions> = {}) {
  const core = new MingjingCore({ dataDir, osLocale: 'zh-CN', kdfCost: FAST_KDF, ...extra });
  const raw = createRouter(core, (err) => {
    throw err;
  });
  const call = raw as unknown as TypedCall;
  return { core, call, raw };
}

export function value<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}`);
  return env.value;
}

/** A vault set up with the security administrator signed in; returns its recovery code. */
export async function setupVault(dataDir: string, extra: Partial<CoreOptions> = {}) {
  const made = makeCore(dataDir, extra);
  const setup = value(
    await made.call('vault:setup', {
      officeName: '省委第三巡视组',
      userName: ADMIN.userName,
      displayName: ADMIN.displayName,
      passphrase: ADMIN.passphrase,
    }),
  );
  return { ...made, recoveryCode: setup.recoveryCode, adminId: setup.session.user.id };
}

/**
 * A new account must replace the passphrase an administrator gave it before it can
 * do anything else. This signs in once (on a separate core) and does that.
 */
export async function activateUser(
  dataDir: string,
  userName: string,
  initial: string,
  final: string,
): Promise<void> {
  const { call } = makeCore(dataDir);
  value(await call('session:unlock', { userName, passphrase: initial }));
  value(await call('session:changePassphrase', { current: initial, next: final }));
  value(await call('session:lock', {}));
}
