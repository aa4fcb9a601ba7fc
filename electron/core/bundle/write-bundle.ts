import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { canonicalJson } from '../audit/canonical-json';
import { encryptAge } from './age';
import { formatBundleComment } from './bundle-comment';
import { signCheckpoint } from './checkpoint';
import { FORMAT_ENTRY_CONTENT } from './container-reader';
import { writeContainer, type EntryInput, type WrittenEntry } from './container-writer';
import {
  CHECKPOINT_ENTRY,
  CHECKPOINT_SIGNATURE_ENTRY,
  classifyEntryName,
  FORMAT_ENTRY,
  MANIFEST_ENTRY,
} from './entry-names';
import { manifestSchema, type BundleManifest } from './manifest';
import { createPrehash, signPrehash } from './minisign';
import type { OfficeIdentity } from './office-keys';

/** Bytes queued for the file before the encryption waits (bounded, independent of the bundle). */
const WRITE_BUFFER = 1024 * 1024;

/** Writes `FILE` (age ciphertext of the archive) and `FILE.minisig` (docs/bundle-format.md §1). */

export interface BundleRecipient {
  officeId: string;
  officeName: string;
  fingerprint: string;
  /** `age1…`, from the recipient's trusted key card. */
  ageRecipient: string;
  /** This sender's running count of bundles to that office. */
  sequence: number;
}

export interface WriteBundleOptions {
  file: string;
  sender: { identity: OfficeIdentity; officeId: string; officeName: string };
  recipients: BundleRecipient[];
  bundleId?: string;
  createdAt: Date;
  expiresAt: Date;
  scope: BundleManifest['scope'];
  checkpoint: { auditSeq: number; auditHead: string };
  /** `records/…` and `attachments/…` entries, streamed in this order. */
  entries: AsyncIterable<EntryInput> | Iterable<EntryInput>;
}

export interface WrittenBundle {
  file: string;
  signatureFile: string;
  bundleId: string;
  size: number;
  sha256: string;
  manifest: BundleManifest;
}

/** Counts LF bytes (= JSON lines) while passing a records entry through. */
async function* countLines(data: EntryInput['data'], add: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of data instanceof Uint8Array ? [data] : data) {
    let n = 0;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) n++;
    add(n);
    yield chunk;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A directory's entries to disk where the system allows it (Windows cannot open a directory). */
async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  await syncFile(path);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes both files under temporary names beside the target and renames them at the
 * end, so a failure (a source that changed size, a full medium) leaves nothing behind.
 * An existing bundle is never overwritten: the caller picks a fresh name.
 */
export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const { sender, recipients, createdAt } = options;
  if ((await exists(options.file)) || (await exists(`${options.file}.minisig`))) {
    throw new Error('a bundle with this name already exists');
  }
  const bundleId = options.bundleId ?? randomUUID();
  const created = createdAt.toISOString();
  const { json: checkpointJson, signature: checkpointSig } = signCheckpoint(sender.identity, {
    officeId: sender.officeId,
    auditSeq: options.checkpoint.auditSeq,
    auditHead: options.checkpoint.auditHead,
    at: created,
  });

  const written: WrittenEntry[] = [];
  const counts: Record<string, number> = {};
  let manifest: BundleManifest | undefined;
  async function* entries(): AsyncGenerator<EntryInput> {
    const format = Buffer.from(FORMAT_ENTRY_CONTENT, 'utf8');
    yield { name: FORMAT_ENTRY, size: format.length, data: format };
    yield { name: CHECKPOINT_ENTRY, size: checkpointJson.length, data: checkpointJson };
    yield { name: CHECKPOINT_SIGNATURE_ENTRY, size: checkpointSig.length, data: checkpointSig };
    const names = new Set<string>();
    for await (const entry of options.entries) {
      const kind = classifyEntryName(entry.name);
      if (!kind || (kind.kind !== 'records' && kind.kind !== 'attachment') || names.has(entry.name)) {
        throw new Error(`entry name not allowed here: ${entry.name}`);
      }
      names.add(entry.name);
      if (kind.kind === 'records') {
        counts[kind.recordType] ??= 0;
        yield { ...entry, data: countLines(entry.data, (n) => (counts[kind.recordType]! += n)) };
      } else {
        yield entry;
      }
    }
    manifest = manifestSchema.parse({
      format: 'mingjing-bundle',
      formatVersion: 1,
      bundleId,
      createdAt: created,
      expiresAt: options.expiresAt.toISOString(),
      sender: {
        officeId: sender.officeId,
        officeName: sender.officeName,
        fingerprint: sender.identity.fingerprint,
      },
      recipients: recipients.map(({ ageRecipient: _a, ...r }) => r),
      scope: options.scope,
      counts,
      checkpoint: options.checkpoint,
      entries: written,
    });
    const bytes = Buffer.from(canonicalJson(manifest), 'utf8');
    yield { name: MANIFEST_ENTRY, size: bytes.length, data: bytes };
  }

  const prehash = createPrehash();
  const sha256 = createHash('sha256');
  let size = 0;
  async function* tap(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      prehash.update(chunk);
      sha256.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }

  const archive = writeContainer(entries(), Math.floor(createdAt.getTime() / 1000), (e) => written.push(e));
  const suffix = `.partial-${randomBytes(4).toString('hex')}`;
  const partFile = `${options.file}${suffix}`;
  const partSig = `${options.file}.minisig${suffix}`;
  try {
    await pipeline(
      tap(
        encryptAge(
          recipients.map((r) => r.ageRecipient),
          archive,
        ),
      ),
      // A deep write buffer lets the stream hand many sealed chunks to one writev call.
      createWriteStream(partFile, { flags: 'wx', highWaterMark: WRITE_BUFFER }),
    );
    const comment = formatBundleComment({
      bundleId,
      from: sender.officeId,
      fingerprint: sender.identity.fingerprint,
      to: recipients.map((r) => r.officeId),
      size,
      created,
    });
    const signature = signPrehash(prehash.digest(), sender.identity, comment, 'mingjing bundle signature');
    await writeFile(partSig, signature, { flag: 'wx' });
    // On the medium before it is reported (and registered) as written: it may be unplugged next.
    await syncFile(partFile);
    await syncFile(partSig);
    await rename(partFile, options.file);
    await rename(partSig, `${options.file}.minisig`);
    await syncDirectory(dirname(options.file));
  } catch (err) {
    await rm(partFile, { force: true });
    await rm(partSig, { force: true });
    throw err;
  }
  return {
    file: options.file,
    signatureFile: `${options.file}.minisig`,
    bundleId,
    size,
    sha256: sha256.digest('hex'),
    manifest: manifest!,
  };
}
