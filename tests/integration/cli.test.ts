import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-vault';

const PASS = 'Mingling-hang-2026';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', MINGJING_KDF_COST: '4096:8:1', ...env },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli', () => {
  const t = tempDir();
  const dir = join(t.dir, 'vault');
  afterAll(() => t.cleanup());

  it('init creates a vault and prints the recovery code once', () => {
    const r = cli(['init', '--data-dir', dir, '--office', '市委第二巡察组', '--user', 'admin', '--json'], {
      MINGJING_PASSPHRASE: PASS,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { recoveryCode: string; office: string };
    expect(out.recoveryCode).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    expect(out.office).toBe('市委第二巡察组');
    expect(r.stdout + r.stderr).not.toContain(PASS);
  });

  it('info reports schema, office, users and counts', () => {
    const r = cli(['info', '--data-dir', dir, '--json'], { MINGJING_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      office: { name: '市委第二巡察组' },
      users: [{ name: 'admin', roles: ['security_admin'] }],
    });
    expect(info.schemaVersion).toBe(info.latestSchemaVersion);
    expect(info.counts.users).toBe(1);
  });

  it('check passes on a sound vault and fails on a damaged page', () => {
    const ok = cli(['check', '--data-dir', dir, '--json'], { MINGJING_PASSPHRASE: PASS });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).checks.map((c: { name: string }) => c.name)).toEqual([
      'keyslots',
      'sqlcipher',
      'sqlite',
      'migrations',
      'audit',
      'files',
    ]);
    const dbPath = join(dir, 'mingjing.db');
    const bytes = readFileSync(dbPath);
    const last = bytes.length - 4096 + 200; // inside the last page's ciphertext
    bytes[last] = bytes[last]! ^ 0x55;
    writeFileSync(dbPath, bytes);
    const bad = cli(['check', '--data-dir', dir], { MINGJING_PASSPHRASE: PASS });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/FAIL|damaged|Damaged/);
    bytes[last] = bytes[last]! ^ 0x55;
    writeFileSync(dbPath, bytes);
    expect(cli(['check', '--data-dir', dir], { MINGJING_PASSPHRASE: PASS }).code).toBe(0);
  });

  it.each([
    [
      'a wrong passphrase',
      ['info', '--data-dir', 'VAULT'],
      { MINGJING_PASSPHRASE: 'not-the-passphrase' },
      /passphrase/i,
    ],
    [
      'a missing data folder',
      ['info', '--data-dir', '/nonexistent/mingjing'],
      { MINGJING_PASSPHRASE: PASS },
      /no such data folder/,
    ],
    ['an unknown command', ['frobnicate'], {}, /unknown command/],
    ['an unknown option', ['info', '--colour'], {}, /Unknown option/],
    ['a missing option', ['init', '--data-dir', '/tmp/x'], {}, /missing --office/],
    ['no passphrase and no terminal', ['info', '--data-dir', 'VAULT'], {}, /MINGJING_PASSPHRASE/],
  ])('refuses %s with one line on stderr and a non-zero exit', (_what, args, env, pattern) => {
    const r = cli(
      args.map((a) => (a === 'VAULT' ? dir : a)),
      env as Record<string, string>,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });

  it('names a foreign file in the data folder', () => {
    const foreign = join(t.dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'mingjing.db'), 'SQLite format 3\0 but not ours');
    const r = cli(['info', '--data-dir', foreign], { MINGJING_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/keyslots\.json|mingjing\.db/);
  });
});
