import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_ENTRY_CONTENT, readContainer } from '../../electron/core/bundle/container-reader';
import { writeContainer, type EntryInput } from '../../electron/core/bundle/container-writer';
import {
  classifyEntryName,
  DEFAULT_LIMITS,
  withLimits,
  type BundleLimits,
} from '../../electron/core/bundle/entry-names';
import { ustarHeader } from '../../electron/core/bundle/ustar';
import { AppError } from '../../electron/core/errors';
import { tempDir } from '../helpers/temp-vault';

const tmp = tempDir('mj-bundle-container-');
afterAll(() => tmp.cleanup());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const entry = (name: string, content: Buffer | string): EntryInput => {
  const data = Buffer.from(content);
  return { name, size: data.length, data };
};
const format = () => entry('format.json', FORMAT_ENTRY_CONTENT);
const manifest = () => entry('manifest.json', '{}');
const attachment = (content: Buffer) => entry(`attachments/${sha256(content)}`, content);

async function archive(entries: EntryInput[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of writeContainer(entries, 1_772_352_000)) parts.push(p);
  return Buffer.concat(parts);
}

type Read = { entries: { name: string; sha256: string }[]; contents: Map<string, Buffer> };

/** Reads an archive; returns the result or the error code. Unexpected errors fail the test. */
async function read(bytes: Buffer | Buffer[], limits: BundleLimits = DEFAULT_LIMITS): Promise<Read | string> {
  const contents = new Map<string, Buffer>();
  try {
    const entries = await readContainer(Array.isArray(bytes) ? bytes : [bytes], limits, async (e, data) => {
      const parts: Buffer[] = [];
      for await (const p of data) parts.push(p);
      contents.set(e.name, Buffer.concat(parts));
    });
    return { entries, contents };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code;
  }
}

/** A raw header for names and types our writer would never produce. */
function rawHeader(name: string, size: number, typeflag = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'latin1');
  const good = ustarHeader('x', size, 0);
  good.copy(h, 100, 100, 512);
  h.write(typeflag, 156, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}
const padded = (content: Buffer) =>
  Buffer.concat([content, Buffer.alloc((512 - (content.length % 512)) % 512)]);
const END = Buffer.alloc(1024);

const recordName = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), fc.integer({ min: 1, max: 999_999 }))
  .map(([type, n]) => `records/${type}/${String(n).padStart(6, '0')}.jsonl`);

describe('inner archive: strict ustar subset', () => {
  it('random entries round-trip whatever the chunking of the stream', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(recordName, fc.uint8Array({ maxLength: 3000 })), {
          selector: ([n]) => n,
          maxLength: 8,
        }),
        fc.array(fc.uint8Array({ maxLength: 5000 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 4096 }),
        async (records, attachments, pieceSize) => {
          const uniqueAttachments = [
            ...new Map(attachments.map((a) => [sha256(Buffer.from(a)), Buffer.from(a)])).values(),
          ];
          const input = [
            format(),
            ...records.map(([name, data]) => entry(name, Buffer.from(data))),
            ...uniqueAttachments.map(attachment),
            manifest(),
          ];
          const bytes = await archive(input);
          const pieces: Buffer[] = [];
          for (let at = 0; at < bytes.length; at += pieceSize)
            pieces.push(bytes.subarray(at, at + pieceSize));
          const result = await read(pieces);
          expect(typeof result).toBe('object');
          const r = result as Read;
          expect(r.entries.map((e) => e.name)).toEqual(input.map((e) => e.name));
          for (const e of input.slice(1)) {
            expect(r.contents.get(e.name)?.equals(e.data as Buffer), e.name).toBe(true);
            expect(r.entries.find((x) => x.name === e.name)?.sha256).toBe(sha256(e.data as Buffer));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('GNU tar lists and extracts what we write; what GNU tar writes is refused', async () => {
    const content = randomBytes(1500);
    const bytes = await archive([
      format(),
      entry('records/lead/000001.jsonl', '{"a":1}\n'),
      attachment(content),
      manifest(),
    ]);
    const file = join(tmp.dir, 'a.tar');
    writeFileSync(file, bytes);
    const listed = execFileSync('tar', ['-tf', file]).toString().trim().split('\n');
    expect(listed).toEqual([
      'format.json',
      'records/lead/000001.jsonl',
      `attachments/${sha256(content)}`,
      'manifest.json',
    ]);
    const out = join(tmp.dir, 'x');
    mkdirSync(out);
    execFileSync('tar', ['-xf', file, '-C', out]);
    expect(readFileSync(join(out, 'attachments', sha256(content))).equals(content)).toBe(true);
    // The same files archived by GNU tar (directories, other owners, modes): not our subset.
    const gnu = execFileSync('tar', ['-cf', '-', '-C', out, 'format.json', 'attachments', 'manifest.json']);
    expect(await read(gnu)).toBe('BUNDLE_CONTAINER_INVALID');
  });

  it('absolute paths, "..", upper case, backslashes and unknown names are refused by name', async () => {
    for (const name of [
      '/etc/passwd',
      '../x',
      'records/../../x',
      'records/lead/../000001.jsonl',
      'Manifest.json',
      'a\\b',
      'notes.txt',
      'attachments/ABC',
      'records/lead/000000.jsonl',
    ]) {
      expect(classifyEntryName(name), name).toBeNull();
      const bytes = Buffer.concat([
        ustarHeader('format.json', FORMAT_ENTRY_CONTENT.length, 0),
        padded(Buffer.from(FORMAT_ENTRY_CONTENT)),
        rawHeader(name, 1),
        padded(Buffer.from('x')),
        END,
      ]);
      expect(await read(bytes), name).toBe('BUNDLE_ENTRY_NAME_INVALID');
    }
  });

  it('links, directories and pax headers are refused', async () => {
    for (const type of ['1', '2', '5', 'x', 'g', 'L']) {
      const bytes = Buffer.concat([
        ustarHeader('format.json', FORMAT_ENTRY_CONTENT.length, 0),
        padded(Buffer.from(FORMAT_ENTRY_CONTENT)),
        rawHeader('manifest.json', 0, type),
        END,
      ]);
      expect(await read(bytes), type).toBe('BUNDLE_CONTAINER_INVALID');
    }
  });

  it('a duplicated entry is refused', async () => {
    const bytes = await archive([
      format(),
      entry('records/lead/000001.jsonl', 'a\n'),
      entry('records/lead/000001.jsonl', 'b\n'),
      manifest(),
    ]);
    expect(await read(bytes)).toBe('BUNDLE_ENTRY_DUPLICATE');
  });

  it('format.json first with a known version; manifest.json last; nothing after the end', async () => {
    expect(await read(await archive([entry('records/lead/000001.jsonl', 'a\n'), format(), manifest()]))).toBe(
      'BUNDLE_CONTAINER_INVALID',
    );
    expect(
      await read(
        await archive([entry('format.json', '{"format":"mingjing-bundle","version":2}'), manifest()]),
      ),
    ).toBe('BUNDLE_VERSION_UNSUPPORTED');
    expect(
      await read(await archive([entry('format.json', '{"format":"other","version":1}'), manifest()])),
    ).toBe('BUNDLE_CONTAINER_INVALID');
    expect(await read(await archive([format(), manifest(), entry('records/lead/000001.jsonl', 'a\n')]))).toBe(
      'BUNDLE_CONTAINER_INVALID',
    );
    expect(await read(await archive([format(), entry('records/lead/000001.jsonl', 'a\n')]))).toBe(
      'BUNDLE_CONTAINER_INVALID',
    );
    const good = await archive([format(), manifest()]);
    expect(typeof (await read(good))).toBe('object');
    expect(await read(Buffer.concat([good, Buffer.from([0])]))).toBe('BUNDLE_CONTAINER_INVALID');
    expect(await read(good.subarray(0, good.length - 512))).toBe('BUNDLE_CONTAINER_INVALID');
  });

  it('limits: entry size (checked from the header, before reading), entry count, total size', async () => {
    const big = await archive([format(), attachment(randomBytes(5000)), manifest()]);
    expect(
      await read(big, withLimits({ maxEntryBytes: { ...DEFAULT_LIMITS.maxEntryBytes, attachment: 4096 } })),
    ).toBe('BUNDLE_LIMIT_EXCEEDED');
    expect(await read(big, withLimits({ maxEntries: 2 }))).toBe('BUNDLE_LIMIT_EXCEEDED');
    expect(await read(big, withLimits({ maxTotalBytes: 4000 }))).toBe('BUNDLE_LIMIT_EXCEEDED');
    // A header announcing 8 GiB with no data behind it is refused at once, nothing allocated.
    const huge = Buffer.concat([
      ustarHeader('format.json', FORMAT_ENTRY_CONTENT.length, 0),
      padded(Buffer.from(FORMAT_ENTRY_CONTENT)),
      ustarHeader(`attachments/${'a'.repeat(64)}`, 8 ** 11 - 1, 0),
    ]);
    expect(await read(huge)).toBe('BUNDLE_LIMIT_EXCEEDED');
  });

  it('an attachment whose content does not hash to its name is refused', async () => {
    const bytes = await archive([
      format(),
      entry(`attachments/${sha256(Buffer.from('a'))}`, 'b'),
      manifest(),
    ]);
    expect(await read(bytes)).toBe('BUNDLE_MANIFEST_MISMATCH');
  });

  it('compressed input is not an archive: there is nothing to decompress (no bomb)', async () => {
    const bytes = await archive([
      format(),
      entry('records/lead/000001.jsonl', Buffer.alloc(100_000, 0x61)),
      manifest(),
    ]);
    expect(await read(gzipSync(bytes))).toBe('BUNDLE_CONTAINER_INVALID');
  });

  it('random mutations never crash and never yield a partially accepted result', async () => {
    const content = randomBytes(2000);
    const original = await archive([
      format(),
      entry('records/lead/000001.jsonl', '{"a":1}\n{"b":2}\n'),
      attachment(content),
      manifest(),
    ]);
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat({ max: original.length - 1 }),
        bit: fc.integer({ min: 0, max: 7 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: original.length - 1 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat({ max: original.length }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 600 }),
      }),
      fc.record({
        kind: fc.constant('overwrite' as const),
        at: fc.nat({ max: original.length - 1 }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        let bytes = Buffer.from(original);
        for (const m of mutations) {
          if (m.kind === 'flip') {
            if (bytes.length > 0) bytes[Math.min(m.at, bytes.length - 1)]! ^= 1 << m.bit;
          } else if (m.kind === 'cut') bytes = bytes.subarray(0, m.at);
          else if (m.kind === 'insert')
            bytes = Buffer.concat([bytes.subarray(0, m.at), Buffer.from(m.bytes), bytes.subarray(m.at)]);
          else if (bytes.length > 0) Buffer.from(m.bytes).copy(bytes, Math.min(m.at, bytes.length - 1));
        }
        const result = await read(bytes);
        if (typeof result === 'string') {
          expect(result).toMatch(/^BUNDLE_/);
          return;
        }
        // Accepted only as a whole and consistent archive: every entry's hash is the one
        // of the content delivered, names valid and unique, format first, manifest last.
        expect(result.entries[0]?.name).toBe('format.json');
        expect(result.entries.at(-1)?.name).toBe('manifest.json');
        expect(new Set(result.entries.map((e) => e.name)).size).toBe(result.entries.length);
        for (const e of result.entries.slice(1)) {
          expect(classifyEntryName(e.name)).not.toBeNull();
          expect(sha256(result.contents.get(e.name)!)).toBe(e.sha256);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
