/**
 * The benchmark's bundle content, generated as a stream and never held whole:
 * 100,000 record lines (intake items and leads with realistic Chinese text, from the
 * search seed's complaint generator) and attachments of pseudo-random bytes.
 *
 * Attachment bytes come from AES-256-CTR keyed per file, so the same file can be
 * produced twice (once to learn its SHA-256, which names the entry, once to write it)
 * without keeping it, and the `age` baseline can be fed exactly the same bytes.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { EntryInput } from '../../electron/core/bundle/container-writer';
import { recordEntries as recordEntryLines, type RecordLine } from '../../electron/core/bundle/records';
import { complaint, type Subject } from '../../electron/core/search/seed/complaints';
import { Random } from '../../electron/core/search/seed/random';
import { GIVEN_NAMES, SURNAMES } from '../../electron/core/search/seed/sample-words';

export const MiB = 1024 * 1024;
/** Size of one generated attachment; the last one takes the remainder. */
export const ATTACHMENT_FILE_BYTES = 32 * MiB;
const CHUNK = MiB;

export interface ContentPlan {
  records: number;
  attachmentBytes: number;
  officeId: string;
}

/** Attachment sizes for a total: 32 MiB files. */
export function attachmentSizes(total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= ATTACHMENT_FILE_BYTES)
    sizes.push(Math.min(left, ATTACHMENT_FILE_BYTES));
  return sizes;
}

/** The bytes of attachment `index`: an AES-CTR keystream, 1 MiB at a time. */
export function* attachmentBytes(index: number, size: number): Generator<Buffer> {
  const key = createHash('sha256').update(`mingjing-bench-attachment-${index}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  for (let left = size; left > 0; left -= CHUNK)
    yield cipher.update(zeros.subarray(0, Math.min(CHUNK, left)));
}

export function attachmentSha256(index: number, size: number): string {
  const hash = createHash('sha256');
  for (const chunk of attachmentBytes(index, size)) hash.update(chunk);
  return hash.digest('hex');
}

function hlc(i: number, officeId: string): string {
  return `${String(1_772_352_000_000 + i).padStart(15, '0')}-0000-${officeId.slice(0, 8)}`;
}

function uuidFor(kind: number, i: number): string {
  const h = createHash('sha256').update(`${kind}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Half intake items, half leads, each with the text a real one carries. */
function* records(type: 'intake' | 'lead', count: number, plan: ContentPlan): Generator<RecordLine> {
  const r = new Random(type === 'intake' ? 11 : 12);
  for (let i = 0; i < count; i++) {
    const subject: Subject = {
      person: `${SURNAMES[r.int(0, SURNAMES.length - 1)]}${GIVEN_NAMES[r.int(0, GIVEN_NAMES.length - 1)]}`,
      unit: '某市财政局',
      post: '副局长',
    };
    const c = complaint(r, subject, 2026);
    const at = hlc(i, plan.officeId);
    yield {
      type,
      v: 1,
      id: uuidFor(type === 'intake' ? 1 : 2, i),
      originOffice: plan.officeId,
      createdHlc: at,
      updatedHlc: at,
      deletedHlc: null,
      fields:
        type === 'intake'
          ? {
              number: `XF-2026-${String(i + 1).padStart(6, '0')}`,
              summary: c.summary,
              content: c.content,
              tags: c.tags,
            }
          : {
              number: `XS-2026-${String(i + 1).padStart(6, '0')}`,
              summary: c.leadSummary,
              discipline: c.discipline,
            },
    };
  }
}

async function* streamed(chunks: Iterable<Buffer>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

/** The record entries: intake items, then leads. */
export async function* recordEntries(plan: ContentPlan): AsyncGenerator<EntryInput> {
  const intake = Math.floor(plan.records / 2);
  yield* recordEntryLines('intake', records('intake', intake, plan));
  yield* recordEntryLines('lead', records('lead', plan.records - intake, plan));
}

/**
 * The record and attachment entries of the bundle, in writing order. `hashes` are the
 * attachments' SHA-256 (computed beforehand with attachmentSha256).
 */
export async function* contentEntries(
  plan: ContentPlan,
  hashes: readonly string[],
): AsyncGenerator<EntryInput> {
  yield* recordEntries(plan);
  const sizes = attachmentSizes(plan.attachmentBytes);
  for (let i = 0; i < sizes.length; i++) {
    yield {
      name: `attachments/${hashes[i]}`,
      size: sizes[i]!,
      data: streamed(attachmentBytes(i, sizes[i]!)),
    };
  }
}

/** The same bytes as a plain stream (record lines, then attachments), for the `age` baseline. */
export async function* contentBytes(
  plan: ContentPlan,
  hashes: readonly string[],
): AsyncGenerator<Uint8Array> {
  for await (const entry of contentEntries(plan, hashes)) {
    if (entry.data instanceof Uint8Array) yield entry.data;
    else for await (const chunk of entry.data) yield chunk;
  }
}
