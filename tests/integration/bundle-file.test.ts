import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  copyFileSync,
  createWriteStream,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { encryptAge } from '../../electron/core/bundle/age';
import { formatBundleComment } from '../../electron/core/bundle/bundle-comment';
import { recipientFromCard, signerFromCard } from '../../electron/core/bundle/card-adapters';
import { signCheckpoint } from '../../electron/core/bundle/checkpoint';
import { FORMAT_ENTRY_CONTENT } from '../../electron/core/bundle/container-reader';
import { writeContainer, type EntryInput } from '../../electron/core/bundle/container-writer';
import { DEFAULT_LIMITS } from '../../electron/core/bundle/entry-names';
import {
  buildKeyCard,
  keyCardText,
  parseKeyCard,
  type VerifiedKeyCard,
} from '../../electron/core/bundle/key-card';
import {
  createPrehash,
  formatMinisignPublicKey,
  keyIdHex,
  signPrehash,
} from '../../electron/core/bundle/minisign';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import {
  inspectBundle,
  readBundle,
  type OpenedBundle,
  type TrustedSigner,
} from '../../electron/core/bundle/read-bundle';
import { recordEntries, type RecordLine } from '../../electron/core/bundle/records';
import { writeBundle, type WrittenBundle } from '../../electron/core/bundle/write-bundle';
import { AppError } from '../../electron/core/errors';
import { liveMemoryProbe } from '../helpers/live-memory';
import { tempDir } from '../helpers/temp-vault';

const tmp = tempDir('mj-bundle-file-');
afterAll(() => tmp.cleanup());
const path = (name: string) => join(tmp.dir, name);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Office {
  identity: OfficeIdentity;
  card: VerifiedKeyCard;
  id: string;
  name: string;
}
function office(name: string): Office {
  const identity = OfficeIdentity.generate();
  const id = randomUUID();
  const card = parseKeyCard(
    keyCardText(buildKeyCard(identity, { officeId: id, officeName: name, created: new Date() })),
  );
  return { identity, card, id, name };
}
const A = office('市委巡察办');
const B = office('第二巡察组');
const C = office('市纪委监委');
const D = office('无关单位');

const trustOf =
  (...offices: Office[]) =>
  (keyId: Buffer): TrustedSigner | undefined =>
    offices.map((o) => signerFromCard(o.card)).find((s) => s.keyId.equals(keyId));

const hlc = (i: number) => `${String(1_772_352_000_000 + i).padStart(15, '0')}-0000-${A.id.slice(0, 8)}`;
const leads: RecordLine[] = Array.from({ length: 120 }, (_, i) => ({
  type: 'lead',
  v: 1,
  id: randomUUID(),
  originOffice: A.id,
  createdHlc: hlc(i),
  updatedHlc: hlc(i),
  deletedHlc: i % 10 === 0 ? hlc(i + 1) : null,
  fields: { summary: `线索 ${i} <img src=x onerror=alert(1)>` },
}));
const files = [randomBytes(10), randomBytes(300_000), randomBytes(1)];

async function* content(): AsyncGenerator<EntryInput> {
  yield* recordEntries('lead', leads);
  for (const f of files) yield { name: `attachments/${sha256(f)}`, size: f.length, data: f };
}

const baseOptions = () => ({
  sender: { identity: A.identity, officeId: A.id, officeName: A.name },
  recipients: [recipientFromCard(B.card, 3), recipientFromCard(C.card, 1)],
  createdAt: new Date('2026-03-01T08:00:00.000Z'),
  expiresAt: new Date('2026-04-01T08:00:00.000Z'),
  scope: { kind: 'full' as const, description: '第三轮巡察 第二组 背景材料', caseIds: [randomUUID()] },
  checkpoint: { auditSeq: 5120, auditHead: 'ab'.repeat(32) },
});

type Received = Map<string, Buffer>;
async function open(
  file: string,
  reader: Office,
  trust = trustOf(A, C),
  extra: Partial<Parameters<typeof readBundle>[0]> = {},
) {
  const received: Received = new Map();
  try {
    const opened = await readBundle({
      file,
      identities: [reader.identity.exportSecrets().encryptionSecret],
      findSigner: trust,
      onEntry: async (entry, data) => {
        const parts: Buffer[] = [];
        for await (const p of data) parts.push(p);
        received.set(entry.name, Buffer.concat(parts));
      },
      ...extra,
    });
    return { opened, received, code: null as string | null, details: undefined };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return {
      opened: null as OpenedBundle | null,
      received,
      code: err.code as string | null,
      details: err.details,
    };
  }
}

let written: WrittenBundle;
const bundle = path('a-to-b.mjb');

beforeAll(async () => {
  written = await writeBundle({ ...baseOptions(), file: bundle, entries: content() });
  writeFileSync(
    path('A.minisign.pub'),
    formatMinisignPublicKey({ keyId: A.identity.keyId, publicKey: A.identity.publicKeys.signing }),
  );
  writeFileSync(path('B.key'), `${B.identity.ageIdentity()}\n`);
});

describe('bundle files with the standard tools', () => {
  it('minisign -V verifies the bundle as it lies on the medium and shows who sent it to whom', () => {
    const out = execFileSync('minisign', ['-V', '-H', '-p', path('A.minisign.pub'), '-m', bundle]).toString();
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`id=${written.bundleId} from=${A.id}`);
    expect(out).toContain(`to=${B.id},${C.id} size=${statSync(bundle).size}`);
  });

  it('age -d decrypts it to a tar that lists our entries; the audit checkpoint verifies with minisign', () => {
    const tar = execFileSync('age', ['-d', '-i', path('B.key'), bundle], { maxBuffer: 1 << 28 });
    writeFileSync(path('inner.tar'), tar);
    const names = execFileSync('tar', ['-tf', path('inner.tar')])
      .toString()
      .trim()
      .split('\n');
    expect(names[0]).toBe('format.json');
    expect(names.slice(1, 3)).toEqual(['checkpoint.json', 'checkpoint.json.minisig']);
    expect(names).toContain('records/lead/000001.jsonl');
    expect(names).toContain(`attachments/${sha256(files[1]!)}`);
    expect(names.at(-1)).toBe('manifest.json');
    execFileSync('tar', [
      '-xf',
      path('inner.tar'),
      '-C',
      tmp.dir,
      'checkpoint.json',
      'checkpoint.json.minisig',
    ]);
    const out = execFileSync('minisign', [
      '-V',
      '-H',
      '-p',
      path('A.minisign.pub'),
      '-m',
      path('checkpoint.json'),
    ]).toString();
    expect(out).toContain(`mingjing-audit-checkpoint v1 office=${A.id} seq=5120 head=${'ab'.repeat(32)}`);
  });

  it('inspect gives the outer facts without any key', async () => {
    const outline = await inspectBundle(bundle);
    expect(outline.size).toBe(written.size);
    expect(outline.sha256).toBe(execFileSync('sha256sum', [bundle]).toString().split(' ')[0]);
    expect(outline.sha256).toBe(written.sha256);
    expect(outline.signature).toMatchObject({
      present: true,
      keyId: keyIdHex(A.identity.keyId),
      algorithm: 'ED',
    });
    if (outline.signature.present)
      expect(outline.signature.comment?.fingerprint).toBe(A.identity.fingerprint);
  });
});

describe('writing a bundle', () => {
  it('a source that does not match its declared size fails the export and leaves no file behind', async () => {
    const file = path('failed.mjb');
    async function* entries(): AsyncGenerator<EntryInput> {
      yield* recordEntries('lead', leads);
      yield { name: `attachments/${sha256(files[1]!)}`, size: files[1]!.length + 1, data: files[1]! };
    }
    await expect(writeBundle({ ...baseOptions(), file, entries: entries() })).rejects.toThrow(/declared/);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('failed.mjb'))).toEqual([]);
  });

  it('never overwrites an existing bundle, and refuses entry names outside records/ and attachments/', async () => {
    await expect(writeBundle({ ...baseOptions(), file: bundle, entries: content() })).rejects.toThrow(
      /exists/,
    );
    const bad: EntryInput[] = [{ name: 'manifest.json', size: 2, data: Buffer.from('{}') }];
    await expect(writeBundle({ ...baseOptions(), file: path('bad.mjb'), entries: bad })).rejects.toThrow(
      /not allowed/,
    );
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('bad.mjb'))).toEqual([]);
  });
});

describe('reading a bundle', () => {
  it('each recipient gets every entry, the manifest, counts and the verified checkpoint', async () => {
    for (const reader of [B, C]) {
      const { opened, received, code } = await open(bundle, reader);
      expect(code).toBeNull();
      expect(opened!.manifest.bundleId).toBe(written.bundleId);
      expect(opened!.manifest.counts).toEqual({ lead: 120 });
      expect(opened!.manifest.recipients.map((r) => [r.officeId, r.sequence])).toEqual([
        [B.id, 3],
        [C.id, 1],
      ]);
      expect(opened!.checkpoint).toMatchObject({
        officeId: A.id,
        auditSeq: 5120,
        fingerprint: A.identity.fingerprint,
      });
      expect(opened!.sha256).toBe(written.sha256);
      for (const f of files) expect(received.get(`attachments/${sha256(f)}`)?.equals(f)).toBe(true);
      const lines = received.get('records/lead/000001.jsonl')!.toString('utf8').trim().split('\n');
      expect(lines.map((l) => JSON.parse(l) as RecordLine)).toEqual(leads);
    }
  });

  it('each failure has its reason', async () => {
    const variant = (name: string, change: (bytes: Buffer) => Buffer, sig?: (text: string) => string) => {
      const file = path(name);
      writeFileSync(file, change(readFileSync(bundle)));
      const sigText = readFileSync(`${bundle}.minisig`, 'utf8');
      writeFileSync(`${file}.minisig`, sig ? sig(sigText) : sigText);
      return file;
    };
    const flip = (at: number) => (b: Buffer) => {
      const c = Buffer.from(b);
      c[at]! ^= 0x04;
      return c;
    };
    expect((await open(bundle, D)).code).toBe('BUNDLE_NOT_FOR_US');
    const unknown = await open(bundle, B, trustOf(C));
    expect(unknown.code).toBe('BUNDLE_SIGNER_UNKNOWN');
    expect(unknown.details).toEqual({
      keyId: keyIdHex(A.identity.keyId),
      fingerprint: A.identity.fingerprint,
    });
    expect(
      (
        await open(
          variant('cut.mjb', (b) => b.subarray(0, b.length - 5000)),
          B,
        )
      ).code,
    ).toBe('BUNDLE_TRUNCATED');
    expect((await open(variant('flip.mjb', flip(70_000)), B)).code).toBe('BUNDLE_SIGNATURE_INVALID');
    expect((await open(variant('flip-header.mjb', flip(40)), B)).code).toBe('BUNDLE_SIGNATURE_INVALID');
    const lines = (t: string) => t.split('\n');
    const sigFlip = (t: string) => {
      const l = lines(t);
      const raw = Buffer.from(l[1]!, 'base64');
      raw[50]! ^= 1;
      l[1] = raw.toString('base64');
      return l.join('\n');
    };
    expect(
      (
        await open(
          variant('sigflip.mjb', (b) => b, sigFlip),
          B,
        )
      ).code,
    ).toBe('BUNDLE_SIGNATURE_INVALID');
    const comment = (t: string) => t.replace(/size=(\d+)/, (_m, n: string) => `size=${Number(n) + 1}`);
    expect(
      (
        await open(
          variant('comment.mjb', (b) => b, comment),
          B,
        )
      ).code,
    ).toBe('BUNDLE_COMMENT_ALTERED');
    copyFileSync(bundle, path('nosig.mjb'));
    const missing = await open(path('nosig.mjb'), B);
    expect([missing.code, missing.details]).toEqual([
      'BUNDLE_SIGNATURE_MISSING',
      { file: 'nosig.mjb.minisig' },
    ]);
    expect((await open(bundle, B, trustOf(A), { limits: { maxFileBytes: 1000 } })).code).toBe(
      'BUNDLE_TOO_LARGE',
    );
  });

  it('a trusted office that re-signs another office’s ciphertext as its own is caught by the manifest', async () => {
    const file = path('resigned.mjb');
    copyFileSync(bundle, file);
    const size = statSync(file).size;
    const text = formatBundleComment({
      bundleId: written.bundleId,
      from: C.id,
      fingerprint: C.identity.fingerprint,
      to: [B.id, C.id],
      size,
      created: '2026-03-01T08:00:00.000Z',
    });
    writeFileSync(
      `${file}.minisig`,
      signPrehash(createPrehash().update(readFileSync(file)).digest(), C.identity, text),
    );
    const result = await open(file, B);
    expect([result.code, result.details]).toEqual(['BUNDLE_MANIFEST_MISMATCH', { name: 'manifest.json' }]);
  });

  it('a medium rewritten while it is being read: BUNDLE_FILE_CHANGED', async () => {
    const file = path('changing.mjb');
    const big = randomBytes(6 * 1024 * 1024);
    async function* entries(): AsyncGenerator<EntryInput> {
      yield { name: `attachments/${sha256(big)}`, size: big.length, data: big };
    }
    await writeBundle({ ...baseOptions(), file, entries: entries() });
    let changed = false;
    const result = await open(file, B, trustOf(A), {
      onEntry: async (_entry, data) => {
        if (!changed) {
          changed = true;
          const bytes = readFileSync(file);
          bytes[bytes.length - 100]! ^= 1; // beyond what has been read so far
          writeFileSync(file, bytes);
        }
        for await (const _ of data) {
          // consume
        }
      },
    });
    expect(result.code).toBe('BUNDLE_FILE_CHANGED');
  });
});

/** A bundle that is properly signed and encrypted by trusted A but whose inside is hostile. */
async function craft(
  name: string,
  entries: EntryInput[],
  manifestEdit: (m: Record<string, unknown>) => void = () => {},
) {
  const created = '2026-03-01T08:00:00.000Z';
  const bundleId = randomUUID();
  const cp = signCheckpoint(A.identity, {
    officeId: A.id,
    auditSeq: 1,
    auditHead: 'cd'.repeat(32),
    at: created,
  });
  const all: EntryInput[] = [
    { name: 'format.json', size: FORMAT_ENTRY_CONTENT.length, data: Buffer.from(FORMAT_ENTRY_CONTENT) },
    { name: 'checkpoint.json', size: cp.json.length, data: cp.json },
    { name: 'checkpoint.json.minisig', size: cp.signature.length, data: cp.signature },
    ...entries,
  ];
  const manifest: Record<string, unknown> = {
    format: 'mingjing-bundle',
    formatVersion: 1,
    bundleId,
    createdAt: created,
    expiresAt: '2026-04-01T08:00:00.000Z',
    sender: { officeId: A.id, officeName: A.name, fingerprint: A.identity.fingerprint },
    recipients: [{ officeId: B.id, officeName: B.name, fingerprint: B.identity.fingerprint, sequence: 1 }],
    scope: { kind: 'full', description: 'x', caseIds: [] },
    counts: {},
    checkpoint: { auditSeq: 1, auditHead: 'cd'.repeat(32) },
    entries: all.map((e) => ({ name: e.name, size: e.size, sha256: sha256(e.data as Buffer) })),
  };
  manifestEdit(manifest);
  const mBytes = Buffer.from(canonicalJson(manifest));
  all.push({ name: 'manifest.json', size: mBytes.length, data: mBytes });
  const file = path(name);
  await pipeline(encryptAge([B.identity.ageRecipient], writeContainer(all, 0)), createWriteStream(file));
  const bytes = readFileSync(file);
  const comment = formatBundleComment({
    bundleId,
    from: A.id,
    fingerprint: A.identity.fingerprint,
    to: [B.id],
    size: bytes.length,
    created,
  });
  writeFileSync(`${file}.minisig`, signPrehash(createPrehash().update(bytes).digest(), A.identity, comment));
  return file;
}

describe('hostile content from a trusted sender', () => {
  const e = (name: string, data: string | Buffer): EntryInput => ({
    name,
    size: Buffer.byteLength(data),
    data: Buffer.from(data),
  });

  it('a well-formed crafted bundle is accepted (the harness itself is sound)', async () => {
    expect((await open(await craft('ok.mjb', [e('records/lead/000001.jsonl', '{}\n')]), B)).code).toBeNull();
  });

  it.each([
    [
      'manifest hash mismatch',
      'BUNDLE_MANIFEST_MISMATCH',
      [e('records/lead/000001.jsonl', 'a\n')],
      (m: Record<string, unknown>) => {
        (m.entries as { sha256: string }[])[3]!.sha256 = '0'.repeat(64);
      },
    ],
    [
      'an entry missing from the manifest',
      'BUNDLE_MANIFEST_MISMATCH',
      [e('records/lead/000001.jsonl', 'a\n')],
      (m: Record<string, unknown>) => {
        (m.entries as unknown[]).pop();
      },
    ],
    ['path traversal', 'BUNDLE_ENTRY_NAME_INVALID', [e('../../etc/cron.d/x', 'a')], undefined],
    ['absolute path', 'BUNDLE_ENTRY_NAME_INVALID', [e('/etc/passwd', 'a')], undefined],
    [
      'duplicated entry',
      'BUNDLE_ENTRY_DUPLICATE',
      [e('records/lead/000001.jsonl', 'a\n'), e('records/lead/000001.jsonl', 'b\n')],
      undefined,
    ],
    [
      'oversized records entry',
      'BUNDLE_LIMIT_EXCEEDED',
      [e('records/lead/000001.jsonl', Buffer.alloc(DEFAULT_LIMITS.maxEntryBytes.format + 1))],
      undefined,
    ],
    [
      'malformed manifest',
      'BUNDLE_MANIFEST_INVALID',
      [],
      (m: Record<string, unknown>) => {
        m.formatVersion = 'one';
      },
    ],
    [
      'manifest expiry before creation',
      'BUNDLE_MANIFEST_INVALID',
      [],
      (m: Record<string, unknown>) => {
        m.expiresAt = '2020-01-01T00:00:00.000Z';
      },
    ],
    [
      'manifest naming another sender',
      'BUNDLE_MANIFEST_MISMATCH',
      [],
      (m: Record<string, unknown>) => {
        (m.sender as { fingerprint: string }).fingerprint = C.identity.fingerprint;
      },
    ],
  ] as const)('%s → %s', async (label, expected, entries, edit) => {
    const limits =
      label === 'oversized records entry'
        ? { maxEntryBytes: { ...DEFAULT_LIMITS.maxEntryBytes, records: DEFAULT_LIMITS.maxEntryBytes.format } }
        : undefined;
    const file = await craft(`${label.replace(/\W+/g, '-')}.mjb`, [...entries], edit);
    expect((await open(file, B, trustOf(A), limits ? { limits } : {})).code).toBe(expected);
  });

  it('a newer format version is refused before anything else is read', async () => {
    const file = await craft('v2.mjb', []);
    // Rebuild with format.json saying version 2.
    const bytes = execFileSync('age', ['-d', '-i', path('B.key'), file]);
    const patched = Buffer.from(bytes.toString('latin1').replace('"version":1}', '"version":2}'), 'latin1');
    // The header checksum does not cover content, so only the content changes.
    const v2 = path('v2b.mjb');
    execFileSync('age', ['-r', B.identity.ageRecipient, '-o', v2], { input: patched });
    const size = statSync(v2).size;
    const sigText = readFileSync(`${file}.minisig`, 'utf8');
    const id = /id=(\S+)/.exec(sigText)![1]!;
    const comment = formatBundleComment({
      bundleId: id,
      from: A.id,
      fingerprint: A.identity.fingerprint,
      to: [B.id],
      size,
      created: '2026-03-01T08:00:00.000Z',
    });
    writeFileSync(
      `${v2}.minisig`,
      signPrehash(createPrehash().update(readFileSync(v2)).digest(), A.identity, comment),
    );
    const result = await open(v2, B);
    expect([result.code, result.details]).toEqual(['BUNDLE_VERSION_UNSUPPORTED', { found: 2, supported: 1 }]);
  });
});

describe('fuzz: mutated bundles are always refused, never partly accepted', () => {
  it('random mutations of the bundle file and of its signature', async () => {
    const original = readFileSync(bundle);
    const sig = readFileSync(`${bundle}.minisig`);
    const file = path('fuzz.mjb');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            target: fc.constant('file' as const),
            at: fc.nat({ max: original.length - 1 }),
            bit: fc.integer({ min: 0, max: 7 }),
          }),
          fc.record({
            target: fc.constant('sig' as const),
            at: fc.integer({ min: sig.indexOf('\n') + 1, max: sig.length - 1 }),
            bit: fc.integer({ min: 0, max: 6 }),
          }),
          fc.record({
            target: fc.constant('cut' as const),
            at: fc.nat({ max: original.length - 1 }),
            bit: fc.constant(0),
          }),
        ),
        async ({ target, at, bit }) => {
          let bytes = Buffer.from(original);
          const sigBytes = Buffer.from(sig);
          if (target === 'file') bytes[at]! ^= 1 << bit;
          else if (target === 'sig') sigBytes[at]! ^= 1 << bit;
          else bytes = bytes.subarray(0, at);
          writeFileSync(file, bytes);
          writeFileSync(`${file}.minisig`, sigBytes);
          const result = await open(file, B);
          expect(result.opened).toBeNull();
          expect(result.code).toMatch(/^BUNDLE_/);
        },
      ),
      { numRuns: 500 },
    );
    rmSync(file);
  });
});

describe('streaming: a large bundle is written and read with bounded memory', () => {
  it('48 MiB of attachments out and back in; age and minisign agree', async () => {
    const MiB = 1024 * 1024;
    const block = randomBytes(MiB);
    const sizes = [40 * MiB, 8 * MiB];
    const expected = sizes.map((size, n) => {
      const h = createHash('sha256');
      for (let i = 0; i < size / MiB; i++)
        h.update(Buffer.concat([Buffer.from([n, i & 255]), block.subarray(2)]));
      return h.digest('hex');
    });
    const memory = liveMemoryProbe();
    async function* generate(n: number, size: number) {
      for (let i = 0; i < size / MiB; i++) {
        if (i % 4 === 0) memory.sample();
        yield Buffer.concat([Buffer.from([n, i & 255]), block.subarray(2)]);
      }
    }
    async function* entries(): AsyncGenerator<EntryInput> {
      for (const [n, size] of sizes.entries())
        yield { name: `attachments/${expected[n]}`, size, data: generate(n, size) };
    }
    const file = path('large.mjb');
    await writeBundle({ ...baseOptions(), file, entries: entries() });
    expect(spawnSync('minisign', ['-V', '-q', '-p', path('A.minisign.pub'), '-m', file]).status).toBe(0);
    const hashes = new Map<string, string>();
    const result = await open(file, B, trustOf(A), {
      onEntry: async (entry, data) => {
        const h = createHash('sha256');
        let pieces = 0;
        for await (const p of data) {
          h.update(p);
          if (pieces++ % 64 === 0) memory.sample();
        }
        hashes.set(entry.name, h.digest('hex'));
      },
    });
    expect(result.code).toBeNull();
    expect([...hashes.values()]).toEqual(expected);
    // Holding an attachment whole would keep ≥ 40 MiB alive.
    expect(memory.peak).toBeLessThan(24 * MiB);
  });
});
