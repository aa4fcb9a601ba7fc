import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatMinisignPublicKey,
  keyIdHex,
  parseMinisignPublicKey,
  prehashStream,
  signPrehash,
  verifyMinisignStream,
  type MinisignPublicKey,
} from '../../electron/core/bundle/minisign';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import { AppError } from '../../electron/core/errors';
import { tempDir } from '../helpers/temp-vault';

const tmp = tempDir('mj-bundle-minisign-');
afterAll(() => tmp.cleanup());
const path = (name: string) => join(tmp.dir, name);

const office = OfficeIdentity.generate();
const officeKey: MinisignPublicKey = { keyId: office.keyId, publicKey: office.publicKeys.signing };
const content = randomBytes(3 * 1024 * 1024 + 17);
const COMMENT = 'mingjing test comment id=42';
let ourSignature = '';

async function verdict(data: Buffer, signature: string | Buffer, key = officeKey): Promise<string> {
  try {
    return `ok:${await verifyMinisignStream([data], signature, key)}`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code;
  }
}

function minisignVerify(file: string, sigFile: string, pubFile: string): boolean {
  return spawnSync('minisign', ['-V', '-q', '-p', pubFile, '-m', file, '-x', sigFile]).status === 0;
}

beforeAll(async () => {
  writeFileSync(path('data.bin'), content);
  writeFileSync(path('office.pub'), formatMinisignPublicKey(officeKey));
  const { hash } = await prehashStream([content.subarray(0, 1000), content.subarray(1000)]);
  ourSignature = signPrehash(hash, office, COMMENT);
  writeFileSync(path('data.bin.minisig'), ourSignature);
});

describe('minisign: interoperability with the real minisign tool', () => {
  it('our signature verifies with minisign -V (and -H, prehashed required) and shows our trusted comment', () => {
    const out = execFileSync('minisign', [
      '-V',
      '-H',
      '-p',
      path('office.pub'),
      '-m',
      path('data.bin'),
    ]).toString();
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`Trusted comment: ${COMMENT}`);
    expect(readFileSync(path('office.pub'), 'utf8')).toContain(
      `minisign public key ${keyIdHex(office.keyId)}`,
    );
  });

  it('a signature made by minisign -S with a minisign -G -W key verifies with ours', async () => {
    execFileSync('minisign', ['-G', '-W', '-f', '-p', path('tool.pub'), '-s', path('tool.key')], {
      stdio: 'ignore',
    });
    execFileSync('minisign', [
      '-S',
      '-s',
      path('tool.key'),
      '-m',
      path('data.bin'),
      '-x',
      path('tool.minisig'),
      '-t',
      'from the tool',
    ]);
    const key = parseMinisignPublicKey(readFileSync(path('tool.pub'), 'utf8'))!;
    expect(await verdict(content, readFileSync(path('tool.minisig')), key)).toBe('ok:from the tool');
    // …and not with our key (another key id).
    expect(await verdict(content, readFileSync(path('tool.minisig')))).toBe('BUNDLE_SIGNER_MISMATCH');
    // A legacy (non-prehashed) signature is refused with its own reason.
    execFileSync('minisign', [
      '-S',
      '-l',
      '-s',
      path('tool.key'),
      '-m',
      path('data.bin'),
      '-x',
      path('legacy.minisig'),
    ]);
    expect(await verdict(content, readFileSync(path('legacy.minisig')), key)).toBe(
      'BUNDLE_SIGNATURE_UNSUPPORTED',
    );
  });
});

describe('minisign: tampering is refused with a distinct reason', () => {
  const lines = () => ourSignature.split('\n');
  const withLine = (i: number, text: string) =>
    lines()
      .map((l, j) => (j === i ? text : l))
      .join('\n');
  const flipInLine = (i: number, byte: number) => {
    const raw = Buffer.from(lines()[i]!, 'base64');
    raw[byte]! ^= 0x01;
    return withLine(i, raw.toString('base64'));
  };

  it('a flipped bit in the file: BUNDLE_SIGNATURE_INVALID (minisign agrees)', async () => {
    const copy = Buffer.from(content);
    copy[1_234_567]! ^= 0x10;
    expect(await verdict(copy, ourSignature)).toBe('BUNDLE_SIGNATURE_INVALID');
    writeFileSync(path('flipped.bin'), copy);
    expect(minisignVerify(path('flipped.bin'), path('data.bin.minisig'), path('office.pub'))).toBe(false);
  });

  it('a truncated file: BUNDLE_SIGNATURE_INVALID at this level (the bundle layer says truncated)', async () => {
    expect(await verdict(content.subarray(0, content.length - 1), ourSignature)).toBe(
      'BUNDLE_SIGNATURE_INVALID',
    );
  });

  it('in the signature: signature bytes, key id, trusted comment, global signature, syntax', async () => {
    expect(await verdict(content, flipInLine(1, 40))).toBe('BUNDLE_SIGNATURE_INVALID');
    expect(await verdict(content, flipInLine(1, 4))).toBe('BUNDLE_SIGNER_MISMATCH');
    expect(await verdict(content, withLine(2, `trusted comment: ${COMMENT}3`))).toBe(
      'BUNDLE_COMMENT_ALTERED',
    );
    expect(await verdict(content, flipInLine(3, 10))).toBe('BUNDLE_COMMENT_ALTERED');
    expect(await verdict(content, withLine(1, '!!!'))).toBe('BUNDLE_SIGNATURE_MALFORMED');
    expect(await verdict(content, lines().slice(0, 3).join('\n'))).toBe('BUNDLE_SIGNATURE_MALFORMED');
    expect(await verdict(content, 'x'.repeat(5000))).toBe('BUNDLE_SIGNATURE_MALFORMED');
  });

  it('a non-canonical base64 spelling of the same bytes: minisign takes it, we refuse it as malformed', async () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const global = lines()[3]!; // 64 bytes: 85 full characters, then one carrying 2 bits + 4 unused
    const last = ALPHABET.indexOf(global[85]!);
    const respelled = `${global.slice(0, 85)}${ALPHABET[last ^ 0b0101]}${global.slice(86)}`;
    expect(Buffer.from(respelled, 'base64').equals(Buffer.from(global, 'base64'))).toBe(true);
    writeFileSync(path('respelled.minisig'), withLine(3, respelled));
    expect(minisignVerify(path('data.bin'), path('respelled.minisig'), path('office.pub'))).toBe(true);
    expect(await verdict(content, withLine(3, respelled))).toBe('BUNDLE_SIGNATURE_MALFORMED');
  });

  it('the wrong office key: BUNDLE_SIGNER_MISMATCH', async () => {
    const other = OfficeIdentity.generate();
    expect(
      await verdict(content, ourSignature, { keyId: other.keyId, publicKey: other.publicKeys.signing }),
    ).toBe('BUNDLE_SIGNER_MISMATCH');
  });

  it('any flipped bit after the untrusted comment is refused, and minisign gives the same verdict', async () => {
    const start = ourSignature.indexOf('\n') + 1;
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: start, max: ourSignature.length - 1 }),
        fc.integer({ min: 0, max: 6 }),
        async (at, bit) => {
          const sig = Buffer.from(ourSignature);
          sig[at]! ^= 1 << bit;
          const ours = await verdict(content, sig);
          expect(ours).toMatch(/^BUNDLE_/);
          if (compared++ < 60) {
            writeFileSync(path('mutated.minisig'), sig);
            if (minisignVerify(path('data.bin'), path('mutated.minisig'), path('office.pub'))) {
              // minisign ignores the unused low bits of a base64 line's last character; we
              // accept only the canonical spelling, so each signature has exactly one form.
              const decoded = (text: string) =>
                text.split('\n').map((l, i) => (i % 2 ? Buffer.from(l, 'base64') : l));
              expect(decoded(sig.toString('utf8'))).toEqual(decoded(ourSignature));
              expect(ours).toBe('BUNDLE_SIGNATURE_MALFORMED');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
