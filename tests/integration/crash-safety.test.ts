import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkVault } from '../../electron/core/vault/check-vault';
import { unlockVault } from '../../electron/core/vault/vault';
import { ADMIN, setupVault, tempDir, value } from '../helpers/temp-vault';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 12;
const BATCH = 200;

/** Starts the writer, waits until it has committed at least once, then SIGKILLs it at a random moment. */
function runAndKill(dataDir: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'helpers/crash-writer.ts'), dataDir, ADMIN.userName, ADMIN.passphrase],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let lastCommitted = -1;
    let buffer = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^(ready|committed) (\d+)$/.exec(line);
        if (m) lastCommitted = Number(m[2]);
        if (m?.[1] === 'committed' && !armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`));
      else resolve(lastCommitted);
    });
  });
}

describe('crash safety', () => {
  it(`loses no committed batch and stays consistent when killed mid-write (${ROUNDS} rounds)`, async () => {
    const t = tempDir();
    try {
      const { call } = await setupVault(t.dir);
      value(await call('session:lock', {}));
      const { vault: first } = await unlockVault(t.dir, ADMIN.userName, ADMIN.passphrase, {});
      const base = (first.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      first.close();
      for (let round = 0; round < ROUNDS; round++) {
        const reported = await runAndKill(t.dir, 5 + Math.floor(Math.random() * 120));
        const { vault } = await unlockVault(t.dir, ADMIN.userName, ADMIN.passphrase, {});
        const n = (vault.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
        expect(n, `round ${round}: committed data lost`).toBeGreaterThanOrEqual(reported);
        expect((n - base) % BATCH, `round ${round}: a half batch survived`).toBe(0);
        const checks = checkVault(vault);
        expect(
          checks.filter((c) => !c.ok),
          `round ${round}`,
        ).toEqual([]);
        vault.close();
      }
    } finally {
      t.cleanup();
    }
  }, 240_000);
});
