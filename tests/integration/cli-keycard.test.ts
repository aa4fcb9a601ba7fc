import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAge } from '../../electron/core/bundle/age';
import { parseKeyCard } from '../../electron/core/bundle/key-card';
import { writeBundle, type WrittenBundle } from '../../electron/core/bundle/write-bundle';
import {
  identitiesForDecryption,
  listTrustedOffices,
  loadOfficeIdentity,
  type OfficeIdentityWithSecrets,
} from '../../electron/core/offices';
import { ADMIN, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

/** The CLI as an operator runs it: its own process, passphrase from the environment, English messages. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      LANG: 'en_US.UTF-8',
      MINGJING_KDF_COST: '4096:8:1',
      MINGJING_PASSPHRASE: ADMIN.passphrase,
    },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function unlocked(dir: string) {
  const made = makeCore(dir);
  value(await made.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
  return made;
}

describe('keycard and bundle checkpoint commands', () => {
  const t = tempDir('mj-cli-keycard-');
  const dirA = join(t.dir, 'a');
  const dirB = join(t.dir, 'b');
  const file = (name: string) => join(t.dir, name);
  let a: OfficeIdentityWithSecrets;
  let b: OfficeIdentityWithSecrets;
  let bundle: WrittenBundle;

  beforeAll(async () => {
    for (const dir of [dirA, dirB]) {
      const v = await setupVault(dir);
      if (dir === dirA) a = loadOfficeIdentity(v.core.context.db())!;
      else b = loadOfficeIdentity(v.core.context.db())!;
      value(await v.call('session:lock', {}));
    }
  });
  afterAll(() => t.cleanup());

  it('keycard export writes the card, FILE.minisign.pub and FILE.age-recipient, and never overwrites', () => {
    for (const [dir, name] of [
      [dirA, 'A.json'],
      [dirB, 'B.json'],
    ] as const) {
      const r = cli(['keycard', 'export', '--data-dir', dir, '--out', file(name)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const card = parseKeyCard(readFileSync(file('A.json')));
    expect(card.card.officeId).toBe(a.officeId);
    expect(card.card.fingerprint).toBe(a.fingerprint);
    expect(readFileSync(file('A.json.age-recipient'), 'utf8')).toBe(`${a.identity.ageRecipient}\n`);
    expect(readFileSync(file('A.json.minisign.pub'), 'utf8')).toMatch(
      /^untrusted comment: minisign public key [0-9A-F]{16}\nRW/,
    );
    const again = cli(['keycard', 'export', '--data-dir', dirA, '--out', file('A.json')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('file exists');
  });

  it('FILE.minisign.pub verifies, with the real minisign, a bundle signed by the office key', async () => {
    bundle = await writeBundle({
      file: file('a-to-b.mjb'),
      sender: { identity: a.identity, officeId: a.officeId, officeName: a.officeName },
      recipients: [
        {
          officeId: b.officeId,
          officeName: b.officeName,
          fingerprint: b.fingerprint,
          ageRecipient: readFileSync(file('B.json.age-recipient'), 'utf8').trim(),
          sequence: 1,
        },
      ],
      createdAt: new Date('2026-05-01T08:00:00.000Z'),
      expiresAt: new Date('2026-06-01T08:00:00.000Z'),
      scope: { kind: 'full', description: '密钥卡命令测试', caseIds: [] },
      checkpoint: { auditSeq: 1, auditHead: 'cd'.repeat(32) },
      entries: [],
    });
    const out = execFileSync('minisign', [
      '-V',
      '-H',
      '-p',
      file('A.json.minisign.pub'),
      '-m',
      bundle.file,
    ]).toString();
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`id=${bundle.bundleId} from=${a.officeId}`);
    // B's published key does not verify A's bundle.
    expect(
      spawnSync('minisign', ['-V', '-p', file('B.json.minisign.pub'), '-m', bundle.file]).status,
    ).not.toBe(0);
  });

  it('FILE.age-recipient: the real age encrypts to it and the office decrypts with the keys in its vault', async () => {
    writeFileSync(file('note.txt'), '介质交接单：第三轮巡察');
    const recipient = readFileSync(file('B.json.age-recipient'), 'utf8').trim();
    execFileSync('age', ['-r', recipient, '-o', file('note.age'), file('note.txt')]);
    const opened = await unlocked(dirB);
    const parts: Buffer[] = [];
    for await (const p of decryptAge(identitiesForDecryption(opened.core.context.db()), [
      readFileSync(file('note.age')),
    ]))
      parts.push(p);
    expect(Buffer.concat(parts).toString()).toBe('介质交接单：第三轮巡察');
    value(await opened.call('session:lock', {}));
  });

  it('bundle inspect shows the outer facts without any key', () => {
    const r = cli(['bundle', 'inspect', bundle.file, '--json']);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(facts).toMatchObject({
      size: bundle.size,
      sha256: bundle.sha256,
      signature: {
        present: true,
        verified: false,
        bundleId: bundle.bundleId,
        signerOfficeId: a.officeId,
        signerFingerprint: a.fingerprint,
        recipients: [b.officeId],
      },
    });
    const text = cli(['bundle', 'inspect', bundle.file]);
    expect(text.stdout).toContain(`bundle id:   ${bundle.bundleId}`);
    expect(text.stdout).toContain('not verified');
  });

  it('bundle verify: exit 0 on the good bundle with the sender card, 1 with the reason otherwise', () => {
    const good = cli(['bundle', 'verify', bundle.file, '--keycard', file('A.json')]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('signature OK');

    const wrongCard = cli(['bundle', 'verify', bundle.file, '--keycard', file('B.json')]);
    expect(wrongCard.code).toBe(1);
    expect(wrongCard.stderr).toContain('(BUNDLE_SIGNER_MISMATCH)');

    const tampered = file('tampered.mjb');
    const bytes = readFileSync(bundle.file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    writeFileSync(tampered, bytes);
    copyFileSync(`${bundle.file}.minisig`, `${tampered}.minisig`);
    const bad = cli(['bundle', 'verify', tampered, '--keycard', file('A.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^mingjing: .+\(BUNDLE_SIGNATURE_INVALID\)\n$/);

    const cut = file('cut.mjb');
    writeFileSync(cut, readFileSync(bundle.file).subarray(0, bundle.size - 100));
    copyFileSync(`${bundle.file}.minisig`, `${cut}.minisig`);
    expect(cli(['bundle', 'verify', cut, '--keycard', file('A.json')]).stderr).toContain(
      '(BUNDLE_TRUNCATED)',
    );

    const lone = file('lone.mjb');
    copyFileSync(bundle.file, lone);
    expect(existsSync(`${lone}.minisig`)).toBe(false);
    const missing = cli(['bundle', 'verify', lone, '--keycard', file('A.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('(BUNDLE_SIGNATURE_MISSING)');
  });

  it('keycard trust refuses a wrong fingerprint and trusts with the right one', async () => {
    const digits = a.fingerprint.replace(/ /g, '');
    const wrong = digits.slice(0, 31) + String((Number(digits[31]) + 1) % 10);
    const refused = cli(['keycard', 'trust', '--data-dir', dirB, file('A.json'), '--fingerprint', wrong]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(KEYCARD_FINGERPRINT_MISMATCH)');
    const noFp = cli(['keycard', 'trust', '--data-dir', dirB, file('A.json')]);
    expect(noFp.code).toBe(2);
    expect(noFp.stderr).toContain('missing --fingerprint');

    const ok = cli([
      'keycard',
      'trust',
      '--data-dir',
      dirB,
      file('A.json'),
      '--fingerprint',
      a.fingerprint.replace(/ /g, '-'),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(a.fingerprint);
    const opened = await unlocked(dirB);
    expect(listTrustedOffices(opened.core.context.db()).map((o) => [o.officeId, o.status])).toEqual([
      [a.officeId, 'trusted'],
    ]);
    value(await opened.call('session:lock', {}));
  });
});
