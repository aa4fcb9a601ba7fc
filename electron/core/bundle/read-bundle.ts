import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../errors';
import { decryptAge, type AgeIdentityInput } from './age';
import {
  bundleCommentOrThrow,
  claimedFingerprint,
  parseBundleComment,
  type BundleComment,
} from './bundle-comment';
import { verifyCheckpoint, type AuditCheckpoint } from './checkpoint';
import { readContainer, type EntryHandler } from './container-reader';
import { MANIFEST_ENTRY, withLimits, type BundleLimits } from './entry-names';
import { parseManifest, type BundleManifest } from './manifest';
import {
  checkAlgorithmAndKey,
  checkFileSignature,
  createPrehash,
  globalSignatureHolds,
  keyIdHex,
  MAX_SIGNATURE_FILE_BYTES,
  parseMinisignSignature,
  type MinisignPublicKey,
} from './minisign';

/**
 * Opening a received bundle (docs/bundle-format.md): size cap → signature over the
 * whole file → streamed decryption and strict archive reading → manifest checks.
 * Entries reach `onEntry` as they authenticate; the caller keeps them provisional (in
 * its temporary encrypted area) until `readBundle` resolves — any throw means discard.
 */

export interface TrustedSigner extends MinisignPublicKey {
  officeId: string;
  fingerprint: string;
}

const READ_OPTIONS = { highWaterMark: 1024 * 1024 };

async function readSignatureFile(signatureFile: string): Promise<Buffer> {
  try {
    const info = await stat(signatureFile);
    if (info.size > MAX_SIGNATURE_FILE_BYTES) throw new AppError('BUNDLE_SIGNATURE_MALFORMED');
    return await readFile(signatureFile);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BUNDLE_SIGNATURE_MISSING', { file: basename(signatureFile) });
  }
}

/**
 * A keyed check value of the file's bytes (GMAC: AES-256-GCM over nothing, the bytes as
 * associated data) under a key drawn for one import: whoever swaps the medium between
 * the two reads cannot know it, and it runs several times faster than a second hash.
 */
export class FileMac {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(12);
  start(): { update(chunk: Buffer): void; digest(): Buffer } {
    const gcm = createCipheriv('aes-256-gcm', this.key, this.iv);
    return {
      update: (chunk) => gcm.setAAD(chunk),
      digest: () => {
        gcm.final();
        return gcm.getAuthTag();
      },
    };
  }
}

async function prehashFile(
  file: string,
  fileMac?: FileMac,
): Promise<{ prehash: Buffer; sha256: string; size: number; mac: Buffer | null }> {
  const prehash = createPrehash();
  const sha256 = createHash('sha256');
  const mac = fileMac?.start();
  let size = 0;
  for await (const chunk of createReadStream(file, READ_OPTIONS) as AsyncIterable<Buffer>) {
    prehash.update(chunk);
    sha256.update(chunk);
    mac?.update(chunk);
    size += chunk.length;
  }
  return { prehash: prehash.digest(), sha256: sha256.digest('hex'), size, mac: mac?.digest() ?? null };
}

export interface VerifiedSignature {
  comment: BundleComment;
  signer: TrustedSigner;
  prehash: Buffer;
  sha256: string;
  size: number;
  /** The file's keyed check value, when a FileMac was given. */
  mac: Buffer | null;
}

/**
 * Everything that needs no decryption key: signature file, signer, comment, size,
 * and the signature over the whole file. `findSigner` looks a key id up in the trust
 * store (undefined: unknown or not trusted).
 */
export async function verifyBundleSignature(
  file: string,
  findSigner: (keyId: Buffer) => TrustedSigner | undefined,
  options: { signatureFile?: string; limits?: Partial<BundleLimits>; fileMac?: FileMac } = {},
): Promise<VerifiedSignature> {
  const limits = withLimits(options.limits);
  const info = await stat(file);
  if (info.size > limits.maxFileBytes) {
    throw new AppError('BUNDLE_TOO_LARGE', { max: `${Math.floor(limits.maxFileBytes / 1024 ** 2)} MiB` });
  }
  const sig = parseMinisignSignature(await readSignatureFile(options.signatureFile ?? `${file}.minisig`));
  if (sig.algorithm !== 'ED') throw new AppError('BUNDLE_SIGNATURE_UNSUPPORTED');
  const signer = findSigner(sig.keyId);
  if (!signer) {
    throw new AppError('BUNDLE_SIGNER_UNKNOWN', {
      keyId: keyIdHex(sig.keyId),
      fingerprint: claimedFingerprint(sig.trustedComment) ?? '—',
    });
  }
  checkAlgorithmAndKey(sig, signer);
  if (!globalSignatureHolds(sig, signer)) {
    // Tell an altered comment from an altered signature, as minisign does: file first.
    checkFileSignature(sig, signer, (await prehashFile(file)).prehash);
    throw new AppError('BUNDLE_COMMENT_ALTERED');
  }
  const comment = bundleCommentOrThrow(sig.trustedComment);
  if (comment.fingerprint !== signer.fingerprint || comment.from !== signer.officeId) {
    throw new AppError('BUNDLE_SIGNER_MISMATCH', { keyId: keyIdHex(sig.keyId) });
  }
  // The signed size tells a cut file from an altered one before hashing it.
  if (info.size < comment.size) throw new AppError('BUNDLE_TRUNCATED');
  if (info.size !== comment.size) throw new AppError('BUNDLE_SIGNATURE_INVALID');
  const hashed = await prehashFile(file, options.fileMac);
  if (hashed.size < comment.size) throw new AppError('BUNDLE_TRUNCATED');
  if (hashed.size !== comment.size) throw new AppError('BUNDLE_SIGNATURE_INVALID');
  checkFileSignature(sig, signer, hashed.prehash);
  return { comment, signer, ...hashed };
}

export interface ReadBundleOptions {
  file: string;
  signatureFile?: string;
  /** This office's X25519 secrets (current, and previous ones after a rotation). */
  identities: AgeIdentityInput[];
  findSigner: (keyId: Buffer) => TrustedSigner | undefined;
  limits?: Partial<BundleLimits>;
  /** Receives `records/…` and `attachments/…` entries; must keep them provisional. */
  onEntry: EntryHandler;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  comment: BundleComment;
  signer: TrustedSigner;
  checkpoint: AuditCheckpoint;
  /** The checkpoint and its signature as received, for the auditor's record. */
  checkpointFiles: { json: Buffer; signature: Buffer };
  /** SHA-256 and size of the bundle file, for the import register. */
  sha256: string;
  size: number;
}

const mismatch = (name: string) => new AppError('BUNDLE_MANIFEST_MISMATCH', { name });

function checkManifest(
  manifest: BundleManifest,
  verified: VerifiedSignature,
  entries: { name: string; size: number; sha256: string }[],
): void {
  const { comment, signer } = verified;
  if (
    manifest.bundleId !== comment.bundleId ||
    manifest.createdAt !== comment.created ||
    manifest.sender.officeId !== signer.officeId ||
    manifest.sender.fingerprint !== signer.fingerprint ||
    manifest.recipients.map((r) => r.officeId).join(',') !== comment.to.join(',')
  ) {
    throw mismatch(MANIFEST_ENTRY);
  }
  const listed = manifest.entries;
  const actual = entries.filter((e) => e.name !== MANIFEST_ENTRY);
  for (let i = 0; i < Math.max(listed.length, actual.length); i++) {
    const a = actual[i];
    const l = listed[i];
    if (!a || !l || a.name !== l.name || a.size !== l.size || a.sha256 !== l.sha256) {
      throw mismatch((a ?? l)!.name.slice(0, 80));
    }
  }
}

export async function readBundle(options: ReadBundleOptions): Promise<OpenedBundle> {
  const limits = withLimits(options.limits);
  const fileMac = new FileMac();
  const verified = await verifyBundleSignature(options.file, options.findSigner, { ...options, fileMac });

  const kept: Record<'checkpoint' | 'checkpointSignature' | 'manifest', Buffer | undefined> = {
    checkpoint: undefined,
    checkpointSignature: undefined,
    manifest: undefined,
  };
  // The second pass must read the very bytes the signature covered: the file's keyed
  // check value (taken beside the signature's hash in the first pass) must come out the same.
  const again = fileMac.start();
  async function* tap(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      again.update(chunk);
      yield chunk;
    }
  }
  let entries;
  try {
    entries = await readContainer(
      decryptAge(options.identities, tap(createReadStream(options.file, READ_OPTIONS))),
      limits,
      async (entry, data) => {
        const k = entry.kind.kind;
        if (k === 'checkpoint' || k === 'checkpointSignature' || k === 'manifest') {
          const parts: Buffer[] = [];
          for await (const part of data) parts.push(part);
          kept[k] = Buffer.concat(parts);
        } else {
          await options.onEntry(entry, data);
        }
      },
    );
  } catch (err) {
    // A medium rewritten between the two passes explains any failure better.
    if ((await prehashFile(options.file)).prehash.equals(verified.prehash)) throw err;
    throw new AppError('BUNDLE_FILE_CHANGED');
  }
  if (!again.digest().equals(verified.mac!)) throw new AppError('BUNDLE_FILE_CHANGED');

  const manifest = parseManifest(kept.manifest!);
  checkManifest(manifest, verified, entries);
  if (!kept.checkpoint || !kept.checkpointSignature) throw mismatch('checkpoint.json');
  const checkpoint = verifyCheckpoint(kept.checkpoint, kept.checkpointSignature, verified.signer);
  if (
    checkpoint.officeId !== verified.signer.officeId ||
    checkpoint.fingerprint !== verified.signer.fingerprint ||
    checkpoint.auditSeq !== manifest.checkpoint.auditSeq ||
    checkpoint.auditHead !== manifest.checkpoint.auditHead
  ) {
    throw mismatch('checkpoint.json');
  }
  return {
    manifest,
    comment: verified.comment,
    signer: verified.signer,
    checkpoint,
    checkpointFiles: { json: kept.checkpoint, signature: kept.checkpointSignature },
    sha256: verified.sha256,
    size: verified.size,
  };
}

export interface BundleOutline {
  size: number;
  sha256: string;
  signature:
    | { present: false }
    | {
        present: true;
        keyId: string;
        algorithm: string;
        comment: BundleComment | null;
        trustedComment: string;
      };
}

/** Outer facts for the media checkpoint, without keys: size, hash, claimed signer (unverified). */
export async function inspectBundle(file: string, signatureFile = `${file}.minisig`): Promise<BundleOutline> {
  const { sha256, size } = await prehashFile(file);
  let sigText: Buffer;
  try {
    sigText = await readSignatureFile(signatureFile);
  } catch (err) {
    if (err instanceof AppError && err.code === 'BUNDLE_SIGNATURE_MISSING')
      return { size, sha256, signature: { present: false } };
    throw err;
  }
  const sig = parseMinisignSignature(sigText);
  return {
    size,
    sha256,
    signature: {
      present: true,
      keyId: keyIdHex(sig.keyId),
      algorithm: sig.algorithm,
      comment: parseBundleComment(sig.trustedComment),
      trustedComment: sig.trustedComment,
    },
  };
}
