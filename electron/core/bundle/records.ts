import { z } from 'zod';
import { AppError } from '../errors';
import type { ByteSource } from './byte-reader';
import { displayName } from './container-reader';
import type { EntryInput } from './container-writer';
import { recordsEntryName } from './entry-names';
import { hlcSchema } from './manifest';

/**
 * Records as JSON lines (docs/bundle-format.md §4.4): the envelope every line carries,
 * a bounded line splitter for reading, and batching into entries for writing. The
 * `fields` of each (type, v) are validated by the merge layer.
 */

export const MAX_RECORD_LINE_BYTES = 1024 * 1024;
export const RECORDS_PER_ENTRY = 10_000;
export const MAX_RECORDS_ENTRY_BYTES = 16 * 1024 * 1024;

export const recordLineSchema = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    v: z.number().int().min(1).max(1000),
    id: z.string().uuid(),
    originOffice: z.string().uuid(),
    createdHlc: hlcSchema,
    updatedHlc: hlcSchema,
    deletedHlc: hlcSchema.nullable(),
    fields: z.record(z.string(), z.unknown()),
    // The merge layer's members (electron/core/replication/envelope.ts), checked there.
    rep: z.unknown().optional(),
    attachments: z.unknown().optional(),
  })
  .strict();

export type RecordLine = z.infer<typeof recordLineSchema>;

/**
 * Parses the lines of one records entry. Each line is one envelope of `expectedType`;
 * a line over the limit, invalid UTF-8, blank, malformed or of another type is refused
 * with its entry name and line number.
 */
export async function* readRecordLines(
  entryName: string,
  expectedType: string,
  data: ByteSource,
  maxLineBytes = MAX_RECORD_LINE_BYTES,
): AsyncGenerator<RecordLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const fail = () => new AppError('BUNDLE_RECORD_INVALID', { name: displayName(entryName), line });
  const parse = (bytes: Buffer): RecordLine => {
    line++;
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(bytes));
    } catch {
      throw fail();
    }
    const parsed = recordLineSchema.safeParse(json);
    if (!parsed.success || parsed.data.type !== expectedType) throw fail();
    return parsed.data;
  };
  for await (const raw of data) {
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.length);
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a)) {
      const bytes = Buffer.concat([...pending, chunk.subarray(0, at)]);
      pending = [];
      pendingBytes = 0;
      if (bytes.length > maxLineBytes) {
        line++;
        throw fail();
      }
      yield parse(bytes);
      chunk = chunk.subarray(at + 1);
    }
    if (chunk.length > 0) {
      pending.push(Buffer.from(chunk));
      pendingBytes += chunk.length;
      if (pendingBytes > maxLineBytes) {
        line++;
        throw fail();
      }
    }
  }
  if (pendingBytes > 0) {
    // The last line lacks its LF.
    line++;
    throw fail();
  }
}

/** Serialises one envelope as a line (LF included), refusing what a reader would refuse. */
export function recordLineBytes(record: RecordLine): Buffer {
  const checked = recordLineSchema.parse(record);
  const bytes = Buffer.from(`${JSON.stringify(checked)}\n`, 'utf8');
  if (bytes.length > MAX_RECORD_LINE_BYTES)
    throw new Error(`record ${record.id} is larger than one line may be`);
  return bytes;
}

/**
 * Groups a type's records into `records/<type>/NNNNNN.jsonl` entries of at most
 * RECORDS_PER_ENTRY lines and MAX_RECORDS_ENTRY_BYTES each (one entry in memory at a time).
 */
export async function* recordEntries(
  recordType: string,
  records: AsyncIterable<RecordLine> | Iterable<RecordLine>,
): AsyncGenerator<EntryInput> {
  let lines: Buffer[] = [];
  let bytes = 0;
  let part = 0;
  const flush = (): EntryInput => {
    const data = Buffer.concat(lines);
    lines = [];
    bytes = 0;
    return { name: recordsEntryName(recordType, ++part), size: data.length, data };
  };
  for await (const record of records) {
    if (record.type !== recordType) throw new Error(`record ${record.id} is not of type ${recordType}`);
    const line = recordLineBytes(record);
    if (
      lines.length > 0 &&
      (lines.length >= RECORDS_PER_ENTRY || bytes + line.length > MAX_RECORDS_ENTRY_BYTES)
    ) {
      yield flush();
    }
    lines.push(line);
    bytes += line.length;
  }
  if (lines.length > 0) yield flush();
}
