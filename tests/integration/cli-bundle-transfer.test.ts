import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKeyCard, keyCardText } from '../../electron/core/bundle/key-card';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import { ACCOUNTS, PASS } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';
import {
  addCaseContent,
  dbOf,
  officeCardText,
  setupTwoOffices,
  type Office,
} from '../helpers/transfer-offices';

/** `bundle export` and `bundle import` on two real vaults, as the group leader of each. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', MINGJING_PASSPHRASE: PASS },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const t = tempDir('mj-cli-transfer-');
afterAll(() => t.cleanup());
let A: Office;
let B: Office;
let leadId: string;
const bundle = join(t.dir, 'media', 'a-to-b.mjb');
const cardB = join(t.dir, 'b.keycard.json');

beforeAll(async () => {
  ({ a: A, b: B } = await setupTwoOffices(t.dir));
  ({ leadId } = await addCaseContent(A));
  writeFileSync(cardB, await officeCardText(B));
  value(await A.call('session:lock', {}));
  value(await B.call('session:lock', {}));
}, 120_000);

describe('cli bundle export / import', () => {
  const leader = ['--user', ACCOUNTS.leader.name];

  it('exports the case for B to the given file and its signature', () => {
    const r = cli([
      'bundle',
      'export',
      '--data-dir',
      A.dataDir,
      ...leader,
      '--case',
      A.caseId,
      '--to',
      cardB,
      '--out',
      bundle,
      '--media-label',
      'U-7',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/records {3}lead\t1/);
    expect(existsSync(bundle) && existsSync(`${bundle}.minisig`)).toBe(true);
    const again = cli([
      'bundle',
      'export',
      '--data-dir',
      A.dataDir,
      ...leader,
      '--case',
      A.caseId,
      '--to',
      cardB,
      '--out',
      bundle,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('import without --yes previews and applies nothing; with --yes it applies', async () => {
    const preview = cli(['bundle', 'import', '--data-dir', B.dataDir, ...leader, bundle]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/lead\t1\t0\t0\t0/);
    expect(preview.stdout).toContain('not applied');
    await B.as('leader');
    expect(dbOf(B).prepare('SELECT 1 FROM leads WHERE id = ?').get(leadId)).toBeUndefined();
    value(await B.call('session:lock', {}));

    const applied = cli(['bundle', 'import', '--data-dir', B.dataDir, ...leader, bundle, '--yes']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/applied {3}\d+ changed, 0 conflicts, 1 files stored/);
    await B.as('leader');
    expect(dbOf(B).prepare('SELECT 1 FROM leads WHERE id = ?').get(leadId)).toBeDefined();
    value(await B.call('session:lock', {}));
  });

  it('a replayed bundle is refused without --yes, with the translated reason', () => {
    const r = cli(['bundle', 'import', '--data-dir', B.dataDir, ...leader, bundle]);
    expect(r.stdout).toContain('FLAGGED   replayed');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('flagged');
  });

  it('a valid card of an office this vault does not trust is refused, and nothing is written', () => {
    const stranger = OfficeIdentity.generate();
    const card = join(t.dir, 'untrusted.json');
    writeFileSync(
      card,
      keyCardText(
        buildKeyCard(stranger, { officeId: randomUUID(), officeName: '陌生单位', created: new Date() }),
      ),
    );
    const out = join(t.dir, 'media', 'y.mjb');
    const r = cli([
      'bundle',
      'export',
      '--data-dir',
      A.dataDir,
      ...leader,
      '--all',
      '--to',
      card,
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a trusted office');
    expect(existsSync(out)).toBe(false);
  });

  it('a file that is not a card is refused', () => {
    const stranger = join(t.dir, 'stranger.json');
    writeFileSync(stranger, '{"not":"a card"}');
    const r = cli([
      'bundle',
      'export',
      '--data-dir',
      A.dataDir,
      ...leader,
      '--all',
      '--to',
      stranger,
      '--out',
      join(t.dir, 'media', 'x.mjb'),
    ]);
    expect(r.code).toBe(1);
    expect(existsSync(join(t.dir, 'media', 'x.mjb'))).toBe(false);
  });
});
