import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, ADMIN, setupVault, tempDir, value } from '../helpers/temp-vault';

const LEADER = { name: 'zuzhang', initial: 'Chushi-mima-2026-y', own: 'Qianfeng-mima-2026-z' };

function cli(args: string[], passphrase = LEADER.own) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', MINGJING_PASSPHRASE: passphrase },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonHits {
  total: number;
  hits: {
    type: string;
    id: string;
    title: string;
    snippet: string;
    snippetSegments: { text: string; hit: boolean }[];
  }[];
}

describe('cli seed and search', () => {
  const t = tempDir();
  const dir = join(t.dir, 'vault');

  beforeAll(async () => {
    const admin = await setupVault(dir);
    value(
      await admin.call('users:create', {
        name: LEADER.name,
        displayName: '组长',
        roles: ['group_leader'],
        passphrase: LEADER.initial,
      }),
    );
    value(await admin.call('session:lock', {}));
    await activateUser(dir, LEADER.name, LEADER.initial, LEADER.own);
  });
  afterAll(() => t.cleanup());

  it('seeds Chinese demo data through the core as the given user', () => {
    const r = cli([
      'seed',
      '--data-dir',
      dir,
      '--user',
      LEADER.name,
      '--units',
      '40',
      '--persons',
      '200',
      '--cases',
      '2',
      '--intake',
      '60',
      '--leads',
      '30',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      created: { units: 40, persons: 200, cases: 2, intake: 60, leads: 30 },
      skipped: [],
    });
  });

  it('prints the hits of a two-character query as JSON and as lines', () => {
    const r = cli(['search', '--data-dir', dir, '--user', LEADER.name, '--json', '财政局']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonHits;
    expect(out.total).toBeGreaterThan(0);
    expect(out.hits.map((h) => h.type)).toContain('unit');
    for (const hit of out.hits) {
      expect(hit.title + hit.snippet).toContain('财政局');
      expect(hit.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const lines = cli(['search', '--data-dir', dir, '--user', LEADER.name, '青州市', '财政局']);
    expect(lines.code).toBe(0);
    const [head, ...rows] = lines.stdout.trim().split('\n');
    expect(head).toMatch(/^\d+ hit\(s\)/);
    expect(rows[0]).toMatch(/^unit\t[0-9a-f-]{36}\t.*【财政局】/);
  });

  it('finds nothing for a word that is not there', () => {
    const r = cli(['search', '--data-dir', dir, '--user', LEADER.name, '--json', '火星基地']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 0, hits: [] });
  });

  it('fails with one line on stderr for a bad query, a system role, a wrong passphrase or no query', () => {
    const short = cli(['search', '--data-dir', dir, '--user', LEADER.name, '津']);
    expect(short.code).toBe(1);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
    expect(short.stderr).toContain('INPUT_INVALID');

    const admin = cli(['search', '--data-dir', dir, '--user', ADMIN.userName, '津贴'], ADMIN.passphrase);
    expect(admin.code).toBe(1);
    expect(admin.stderr).toContain('ROLE_FORBIDDEN');
    expect(admin.stdout).toBe('');

    const wrong = cli(['search', '--data-dir', dir, '--user', LEADER.name, '津贴'], 'not-the-passphrase-1');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('VAULT_BAD_CREDENTIALS');

    const none = cli(['search', '--data-dir', dir, '--user', LEADER.name]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing QUERY/);

    const badCount = cli(['seed', '--data-dir', dir, '--user', LEADER.name, '--units', 'many']);
    expect(badCount.code).toBe(2);
  });
});
