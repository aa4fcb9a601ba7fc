import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { inflateSync } from 'node:zlib';
import * as cctv from 'cctv-age';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAge, encryptAge } from '../../electron/core/bundle/age';
import { SEALED_CHUNK } from '../../electron/core/bundle/age-stream';
import type { ByteSource } from '../../electron/core/bundle/byte-reader';
import { OfficeIdentity, parseAgeIdentity } from '../../electron/core/bundle/office-keys';
import { AppError } from '../../electron/core/errors';
import { liveMemoryProbe } from '../helpers/live-memory';
import { tempDir } from '../helpers/temp-vault';

const tmp = tempDir('mj-bundle-age-');
afterAll(() => tmp.cleanup());

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of source) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}

/** Decrypts, keeping what was released before a failure and the failure's code. */
async function tryDecrypt(
  identities: string[],
  file: ByteSource,
): Promise<{ out: Buffer; code: string | null }> {
  const parts: Buffer[] = [];
  try {
    for await (const p of decryptAge(identities, file)) parts.push(p);
    return { out: Buffer.concat(parts), code: null };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { out: Buffer.concat(parts), code: err.code };
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function ageDecrypt(identity: OfficeIdentity | string, ciphertext: Buffer) {
  const keyFile = join(tmp.dir, `key-${randomBytes(4).toString('hex')}.txt`);
  writeFileSync(keyFile, `${typeof identity === 'string' ? identity : identity.ageIdentity()}\n`);
  return spawnSync('age', ['-d', '-i', keyFile], { input: ciphertext, maxBuffer: 1 << 30 });
}

// C2SP CCTV age vectors: every X25519, header and STREAM case (armor, scrypt and the
// post-quantum hybrid are features Mingjing does not use and are skipped).
type Vector = { name: string; expect: string; payload?: string; identities: string[]; file: Buffer };
const vectors: Vector[] = Object.entries(cctv as unknown as Record<string, Uint8Array>)
  .filter(([name]) => name !== 'default')
  .map(([name, bytes]) => {
    const buf = Buffer.from(bytes);
    const split = buf.indexOf('\n\n');
    const fields = buf
      .subarray(0, split)
      .toString('utf8')
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)] as const);
    const get = (k: string) => fields.filter(([key]) => key === k).map(([, v]) => v);
    const body = buf.subarray(split + 2);
    return {
      name,
      expect: get('expect')[0]!,
      payload: get('payload')[0],
      identities: get('identity'),
      file: get('compressed')[0] === 'zlib' ? inflateSync(body) : body,
      skip:
        get('armored')[0] === 'yes' ||
        get('passphrase').length > 0 ||
        get('identity').length === 0 ||
        get('identity').some((i) => !i.startsWith('AGE-SECRET-KEY-1')),
    };
  })
  .filter((v) => !v.skip);

const ALLOWED: Record<string, (string | null)[]> = {
  success: [null],
  'no match': ['BUNDLE_NOT_FOR_US'],
  'HMAC failure': ['BUNDLE_HEADER_ALTERED'],
  'header failure': ['BUNDLE_HEADER_INVALID', 'BUNDLE_TRUNCATED'],
  'payload failure': ['BUNDLE_PAYLOAD_ALTERED', 'BUNDLE_TRUNCATED'],
};

describe('age: CCTV test vectors', () => {
  it('covers the X25519, header and STREAM vectors', () => {
    expect(vectors.length).toBeGreaterThan(60);
    expect(vectors.filter((v) => v.expect === 'payload failure').length).toBeGreaterThan(10);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const { out, code } = await tryDecrypt(v.identities, [v.file]);
    expect(ALLOWED[v.expect], `expect: ${v.expect}`).toContain(code);
    // Whatever was released, even before a failure, is exactly what the vector allows.
    if (v.payload) expect(sha256(out)).toBe(v.payload);
    else expect(out.length).toBe(0);
  });
});

describe('age: interoperability with the real age tool', () => {
  const office = OfficeIdentity.generate();
  const sizes = [0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 200_001];

  it('age-keygen identities parse to the same recipient age-keygen prints', () => {
    const keyFile = join(tmp.dir, 'keygen.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const identityLine = execFileSync('grep', ['^AGE-SECRET-KEY-1', keyFile]).toString().trim();
    const secret = parseAgeIdentity(identityLine)!;
    const ours = OfficeIdentity.fromSecrets(randomBytes(32), secret);
    expect(ours.ageRecipient).toBe(execFileSync('age-keygen', ['-y', keyFile]).toString().trim());
    expect(ours.ageIdentity()).toBe(identityLine);
  });

  it.each(sizes)('our encryption of %i bytes decrypts with age -d -i', async (size) => {
    const plain = randomBytes(size);
    const ciphertext = await collect(encryptAge([office.ageRecipient], [plain]));
    const result = ageDecrypt(office, ciphertext);
    expect(result.status, result.stderr.toString()).toBe(0);
    expect(result.stdout.equals(plain)).toBe(true);
  });

  it.each(sizes)('age -r output of %i bytes decrypts with ours', async (size) => {
    const plain = randomBytes(size);
    const ciphertext = execFileSync('age', ['-r', office.ageRecipient], { input: plain, maxBuffer: 1 << 30 });
    const { out, code } = await tryDecrypt([office.ageIdentity()], [ciphertext]);
    expect(code).toBeNull();
    expect(out.equals(plain)).toBe(true);
  });

  it('one file for three offices: each decrypts it with age; ours finds its stanza among age -r recipients', async () => {
    const offices = [OfficeIdentity.generate(), OfficeIdentity.generate(), OfficeIdentity.generate()];
    const plain = randomBytes(70_000);
    const ciphertext = await collect(
      encryptAge(
        offices.map((o) => o.ageRecipient),
        [plain],
      ),
    );
    for (const o of offices) expect(ageDecrypt(o, ciphertext).stdout.equals(plain)).toBe(true);
    const fromAge = execFileSync(
      'age',
      offices.flatMap((o) => ['-r', o.ageRecipient]),
      { input: plain },
    );
    const { out, code } = await tryDecrypt([offices[2]!.ageIdentity()], [fromAge]);
    expect(code).toBeNull();
    expect(out.equals(plain)).toBe(true);
  });
});

describe('age: tampering and truncation are refused with their own reason', () => {
  const office = OfficeIdentity.generate();
  const stranger = OfficeIdentity.generate();
  const plain = randomBytes(5 * 65_536 + 1234);
  let ciphertext: Buffer;
  let headerEnd: number; // index just past the header's final LF
  const id = [office.ageIdentity()];

  beforeAll(async () => {
    ciphertext = await collect(encryptAge([office.ageRecipient], [plain]));
    headerEnd = ciphertext.indexOf('\n---') + 1;
    headerEnd = ciphertext.indexOf('\n', headerEnd) + 1;
  });

  it('the untouched file decrypts with age', () => {
    expect(ageDecrypt(office, ciphertext).stdout.equals(plain)).toBe(true);
  });

  const flip = (at: number, bit = 1) => {
    const copy = Buffer.from(ciphertext);
    copy[at]! ^= bit;
    return copy;
  };

  it('a file for another office: BUNDLE_NOT_FOR_US (and age refuses it too)', async () => {
    expect((await tryDecrypt([stranger.ageIdentity()], [ciphertext])).code).toBe('BUNDLE_NOT_FOR_US');
    expect(ageDecrypt(stranger, ciphertext).status).not.toBe(0);
  });

  it('a changed wrapped file key: BUNDLE_NOT_FOR_US; a changed header MAC: BUNDLE_HEADER_ALTERED', async () => {
    // Replace a base64 character of the wrapped key by another valid one (still canonical).
    const swapChar = (at: number) => {
      const copy = Buffer.from(ciphertext);
      copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
      return copy;
    };
    const bodyAt = ciphertext.indexOf('\n', ciphertext.indexOf('-> X25519')) + 5;
    expect((await tryDecrypt(id, [swapChar(bodyAt)])).code).toBe('BUNDLE_NOT_FOR_US');
    // Replace one MAC character by another valid, canonical one (not the last character).
    const macAt = ciphertext.indexOf('--- ') + 10;
    expect((await tryDecrypt(id, [swapChar(macAt)])).code).toBe('BUNDLE_HEADER_ALTERED');
    expect((await tryDecrypt(id, [flip(0)])).code).toBe('BUNDLE_HEADER_INVALID');
  });

  it('a header beyond 64 KiB is refused before it is read whole: BUNDLE_HEADER_INVALID', async () => {
    const line = 'A'.repeat(64);
    const grease = `-> grease\n${`${line}\n`.repeat(1100)}\n`;
    const stanzaEnd = ciphertext.indexOf('\n---');
    const inflated = Buffer.concat([
      ciphertext.subarray(0, stanzaEnd + 1),
      Buffer.from(grease),
      ciphertext.subarray(stanzaEnd + 1),
    ]);
    expect((await tryDecrypt(id, [inflated])).code).toBe('BUNDLE_HEADER_INVALID');
  });

  it('a flipped bit in chunk 3 releases chunks 0–2 only, then BUNDLE_PAYLOAD_ALTERED', async () => {
    const at = headerEnd + 16 + 3 * SEALED_CHUNK + 100;
    const { out, code } = await tryDecrypt(id, [flip(at)]);
    expect(code).toBe('BUNDLE_PAYLOAD_ALTERED');
    expect(out.equals(plain.subarray(0, 3 * 65_536))).toBe(true);
    expect(ageDecrypt(office, flip(at)).status).not.toBe(0);
  });

  it('truncation: inside the header, inside the nonce and at a chunk boundary → BUNDLE_TRUNCATED', async () => {
    for (const cut of [headerEnd - 5, headerEnd + 7, headerEnd + 16, headerEnd + 16 + 2 * SEALED_CHUNK]) {
      const { out, code } = await tryDecrypt(id, [ciphertext.subarray(0, cut)]);
      expect(code, `cut at ${cut}`).toBe('BUNDLE_TRUNCATED');
      expect(out.length).toBeLessThanOrEqual(2 * 65_536);
    }
    // Cut inside the last chunk: indistinguishable from an altered chunk (documented).
    expect((await tryDecrypt(id, [ciphertext.subarray(0, ciphertext.length - 10)])).code).toBe(
      'BUNDLE_PAYLOAD_ALTERED',
    );
    // Trailing bytes after the final chunk.
    expect((await tryDecrypt(id, [Buffer.concat([ciphertext, Buffer.from([0])])])).code).toBe(
      'BUNDLE_PAYLOAD_ALTERED',
    );
  });

  it('any single flipped bit is refused, and nothing wrong is ever released', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: ciphertext.length - 1 }),
        fc.integer({ min: 0, max: 7 }),
        async (at, bit) => {
          const { out, code } = await tryDecrypt(id, [flip(at, 1 << bit)]);
          expect(code).toMatch(/^BUNDLE_/);
          expect(out.equals(plain.subarray(0, out.length))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('arbitrary chunking of the input changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 12 }),
        async (cuts) => {
          const pieces: Buffer[] = [];
          let at = 0;
          for (const c of cuts) {
            pieces.push(ciphertext.subarray(at, at + c));
            at += c;
          }
          pieces.push(ciphertext.subarray(at));
          const { out, code } = await tryDecrypt(id, pieces);
          expect(code).toBeNull();
          expect(out.equals(plain)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('age: a large stream round-trips with bounded memory', () => {
  it('64 MiB generated on the fly: ours → file → age -d, and age → ours, memory stays far below the size', async () => {
    const office = OfficeIdentity.generate();
    const MiB = 1024 * 1024;
    const block = randomBytes(MiB);
    const expected = createHash('sha256');
    const memory = liveMemoryProbe();
    async function* generate() {
      for (let i = 0; i < 64; i++) {
        const piece = Buffer.from(block);
        piece.writeUInt32BE(i, 0); // every MiB differs
        expected.update(piece);
        if (i % 4 === 0) memory.sample();
        yield piece;
      }
    }
    const file = join(tmp.dir, 'large.age');
    await pipeline(encryptAge([office.ageRecipient], generate()), createWriteStream(file));
    const digest = expected.digest('hex');
    const keyFile = join(tmp.dir, 'large-key.txt');
    writeFileSync(keyFile, `${office.ageIdentity()}\n`);
    const viaAge = execFileSync('sh', ['-c', `age -d -i "${keyFile}" "${file}" | sha256sum`]).toString();
    expect(viaAge.split(' ')[0]).toBe(digest);

    const ours = createHash('sha256');
    let chunks = 0;
    for await (const chunk of decryptAge([office.ageIdentity()], createReadStream(file))) {
      ours.update(chunk);
      if (chunks++ % 64 === 0) memory.sample();
    }
    expect(ours.digest('hex')).toBe(digest);
    // Holding the stream whole would keep ≥ 64 MiB alive. What stays is a steady ~14 MiB
    // (buffers V8 frees lazily), the same for 8 MiB or 256 MiB streams.
    expect(memory.peak).toBeLessThan(24 * MiB);
  });
});
