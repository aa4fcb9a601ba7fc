import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { encryptAge } from '../../electron/core/bundle/age';
import { formatBundleComment } from '../../electron/core/bundle/bundle-comment';
import { signCheckpoint } from '../../electron/core/bundle/checkpoint';
import { FORMAT_ENTRY_CONTENT } from '../../electron/core/bundle/container-reader';
import { writeContainer, type EntryInput } from '../../electron/core/bundle/container-writer';
import { createPrehash, signPrehash } from '../../electron/core/bundle/minisign';
import type { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import type { BundleRecipient } from '../../electron/core/bundle/write-bundle';

/**
 * A bundle properly signed and encrypted by a real sender identity whose inside is
 * whatever the test says — hostile names, duplicates, bad JSON, wrong counts, a newer
 * format version, a huge declared size — built with the lower-level bundle functions
 * (writeBundle itself refuses to write such things).
 */
export interface CraftOptions {
  file: string;
  sender: { identity: OfficeIdentity; officeId: string; officeName: string };
  recipients: BundleRecipient[];
  entries: { name: string; data: Buffer }[];
  /** Replaces format.json's content (e.g. a newer version). */
  formatContent?: string;
  manifestEdit?: (m: Record<string, unknown>) => void;
  /** Raw archive bytes written after the entries instead of the manifest and the end blocks. */
  rawTail?: Buffer;
  createdAt?: string;
  expiresAt?: string;
  auditSeq?: number;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function* archive(entries: EntryInput[], tail: Buffer | undefined): AsyncGenerator<Buffer> {
  if (!tail) {
    yield* writeContainer(entries, 0);
    return;
  }
  // The entries without the end-of-archive blocks, then the raw bytes.
  const parts: Buffer[] = [];
  for await (const chunk of writeContainer(entries, 0)) parts.push(Buffer.from(chunk));
  const all = Buffer.concat(parts);
  yield all.subarray(0, all.length - 1024);
  yield tail;
}

export async function craftBundle(o: CraftOptions): Promise<{ file: string; bundleId: string }> {
  const created = o.createdAt ?? new Date().toISOString();
  const expires = o.expiresAt ?? new Date(Date.parse(created) + 30 * 86_400_000).toISOString();
  const bundleId = randomUUID();
  const head = { auditSeq: o.auditSeq ?? 1, auditHead: 'cd'.repeat(32) };
  const cp = signCheckpoint(o.sender.identity, { officeId: o.sender.officeId, ...head, at: created });
  const format = Buffer.from(o.formatContent ?? FORMAT_ENTRY_CONTENT);
  const all: EntryInput[] = [
    { name: 'format.json', size: format.length, data: format },
    { name: 'checkpoint.json', size: cp.json.length, data: cp.json },
    { name: 'checkpoint.json.minisig', size: cp.signature.length, data: cp.signature },
    ...o.entries.map((e) => ({ name: e.name, size: e.data.length, data: e.data })),
  ];
  const counts: Record<string, number> = {};
  for (const e of o.entries) {
    const m = /^records\/([^/]+)\//.exec(e.name);
    if (m) counts[m[1]!] = (counts[m[1]!] ?? 0) + e.data.toString('utf8').split('\n').length - 1;
  }
  const manifest: Record<string, unknown> = {
    format: 'mingjing-bundle',
    formatVersion: 1,
    bundleId,
    createdAt: created,
    expiresAt: expires,
    sender: {
      officeId: o.sender.officeId,
      officeName: o.sender.officeName,
      fingerprint: o.sender.identity.fingerprint,
    },
    recipients: o.recipients.map(({ ageRecipient: _a, ...r }) => r),
    scope: { kind: 'full', description: 'crafted', caseIds: [] },
    counts,
    checkpoint: head,
    entries: all.map((e) => ({ name: e.name, size: e.size, sha256: sha256(e.data as Buffer) })),
  };
  o.manifestEdit?.(manifest);
  if (!o.rawTail) {
    const bytes = Buffer.from(canonicalJson(manifest));
    all.push({ name: 'manifest.json', size: bytes.length, data: bytes });
  }
  await pipeline(
    encryptAge(
      o.recipients.map((r) => r.ageRecipient),
      archive(all, o.rawTail),
    ),
    createWriteStream(o.file),
  );
  const bytes = readFileSync(o.file);
  const comment = formatBundleComment({
    bundleId,
    from: o.sender.officeId,
    fingerprint: o.sender.identity.fingerprint,
    to: o.recipients.map((r) => r.officeId),
    size: bytes.length,
    created,
  });
  writeFileSync(
    `${o.file}.minisig`,
    signPrehash(createPrehash().update(bytes).digest(), o.sender.identity, comment),
  );
  return { file: o.file, bundleId };
}
