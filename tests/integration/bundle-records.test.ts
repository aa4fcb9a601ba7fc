import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordLines, recordEntries, type RecordLine } from '../../electron/core/bundle/records';
import { AppError } from '../../electron/core/errors';

const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-0000-5f0c8a1e`;
const record = (i: number, fields: Record<string, unknown> = { n: i }): RecordLine => ({
  type: 'lead',
  v: 1,
  id: randomUUID(),
  originOffice: randomUUID(),
  createdHlc: hlc(1_772_352_000_000 + i),
  updatedHlc: hlc(1_772_352_000_000 + i),
  deletedHlc: null,
  fields,
});

async function parse(bytes: Buffer | Buffer[], maxLine?: number): Promise<RecordLine[] | string> {
  const out: RecordLine[] = [];
  try {
    for await (const r of readRecordLines(
      'records/lead/000001.jsonl',
      'lead',
      Array.isArray(bytes) ? bytes : [bytes],
      maxLine,
    ))
      out.push(r);
    return out;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return `${err.code}@${err.details?.line}`;
  }
}

describe('records as JSON lines', () => {
  it('batch into numbered entries and read back identically, whatever the chunking', async () => {
    const records = Array.from({ length: 25_001 }, (_, i) =>
      record(i, { n: i, text: '<script>alert(1)</script>明镜' }),
    );
    const entries = [];
    for await (const e of recordEntries('lead', records)) entries.push(e);
    expect(entries.map((e) => e.name)).toEqual([
      'records/lead/000001.jsonl',
      'records/lead/000002.jsonl',
      'records/lead/000003.jsonl',
    ]);
    const back: RecordLine[] = [];
    for (const e of entries) {
      const data = e.data as Buffer;
      expect(data.length).toBe(e.size);
      const pieces = [data.subarray(0, 7), data.subarray(7, 70_001), data.subarray(70_001)];
      const parsed = await parse(pieces);
      expect(Array.isArray(parsed)).toBe(true);
      back.push(...(parsed as RecordLine[]));
    }
    // Text stays text: an HTML payload is data, never markup (the UI renders it inert).
    expect(back).toEqual(records);
  });

  it('refuse, with the line number: malformed JSON, schema failures, another type, blank lines, no final LF, invalid UTF-8, over-long lines', async () => {
    const good = `${JSON.stringify(record(1))}\n`;
    expect(await parse(Buffer.from(`${good}{"type":"lead"\n`))).toBe('BUNDLE_RECORD_INVALID@2');
    expect(await parse(Buffer.from(`${good}${JSON.stringify({ ...record(2), id: 'x' })}\n`))).toBe(
      'BUNDLE_RECORD_INVALID@2',
    );
    expect(await parse(Buffer.from(`${JSON.stringify({ ...record(2), type: 'intake' })}\n`))).toBe(
      'BUNDLE_RECORD_INVALID@1',
    );
    expect(await parse(Buffer.from(`${JSON.stringify({ ...record(2), extra: 1 })}\n`))).toBe(
      'BUNDLE_RECORD_INVALID@1',
    );
    expect(await parse(Buffer.from(`${good}\n${good}`))).toBe('BUNDLE_RECORD_INVALID@2');
    expect(await parse(Buffer.from(good.trimEnd()))).toBe('BUNDLE_RECORD_INVALID@1');
    expect(await parse(Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0x0a])]))).toBe(
      'BUNDLE_RECORD_INVALID@2',
    );
    const long = `${JSON.stringify(record(3, { pad: 'x'.repeat(2000) }))}\n`;
    expect(await parse(Buffer.from(good + long), 1000)).toBe('BUNDLE_RECORD_INVALID@2');
    // An over-long line without any LF is refused without buffering it whole.
    expect(await parse([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)], 1000)).toBe(
      'BUNDLE_RECORD_INVALID@1',
    );
  });

  it('random bytes never crash the line reader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await parse(Buffer.from(bytes));
        if (typeof result === 'string') expect(result).toMatch(/^BUNDLE_RECORD_INVALID@\d+$/);
        else expect(bytes.length === 0 || result.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
