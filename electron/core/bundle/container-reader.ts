import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { ByteReader, type ByteSource } from './byte-reader';
import type { WrittenEntry } from './container-writer';
import {
  classifyEntryName,
  FORMAT_ENTRY,
  MANIFEST_ENTRY,
  type BundleLimits,
  type EntryName,
} from './entry-names';
import { BLOCK, paddingFor, parseUstarHeader } from './ustar';

/** The format version this code reads and writes. */
export const BUNDLE_FORMAT_VERSION = 1;
export const FORMAT_ENTRY_CONTENT = `{"format":"mingjing-bundle","version":${BUNDLE_FORMAT_VERSION}}`;

const READ_PIECE = 64 * 1024;

export interface EntryHeader {
  name: string;
  size: number;
  kind: EntryName;
}

export type EntryHandler = (entry: EntryHeader, data: AsyncIterable<Buffer>) => Promise<void>;

const invalid = () => new AppError('BUNDLE_CONTAINER_INVALID');

function checkFormatEntry(bytes: Buffer): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid();
  }
  const obj = parsed as { format?: unknown; version?: unknown } | null;
  if (!obj || obj.format !== 'mingjing-bundle' || !Number.isSafeInteger(obj.version)) throw invalid();
  const version = obj.version as number;
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new AppError('BUNDLE_VERSION_UNSUPPORTED', { found: version, supported: BUNDLE_FORMAT_VERSION });
  }
  if (bytes.toString('utf8') !== FORMAT_ENTRY_CONTENT) throw invalid();
}

/** Keeps a name short and printable for an error message. */
export function displayName(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}

/**
 * Reads the archive strictly while streaming, enforcing names and limits before an
 * entry's content is read. `format.json` must come first (its version is checked before
 * anything else) and `manifest.json` last. Each entry's content goes to `onEntry`
 * (whatever it leaves unread is drained); the SHA-256 of every entry is returned, and an
 * attachment whose content does not hash to its name is refused.
 */
export async function readContainer(
  source: ByteSource,
  limits: BundleLimits,
  onEntry: EntryHandler,
): Promise<WrittenEntry[]> {
  const reader = new ByteReader(source);
  try {
    return await readEntries(reader, limits, onEntry);
  } finally {
    await reader.close();
  }
}

async function readEntries(
  reader: ByteReader,
  limits: BundleLimits,
  onEntry: EntryHandler,
): Promise<WrittenEntry[]> {
  const seen = new Set<string>();
  const entries: WrittenEntry[] = [];
  let total = 0;
  for (;;) {
    const block = await reader.readUpTo(BLOCK);
    if (block.length < BLOCK) throw invalid();
    const header = parseUstarHeader(block);
    if (header === null) {
      // Say "bad name" rather than "bad archive" when that is what it is.
      const nul = block.indexOf(0);
      const name = block.toString('latin1', 0, nul < 0 ? 100 : Math.min(nul, 100));
      if (name.length > 0 && block.toString('latin1', 257, 263) === 'ustar\0' && !classifyEntryName(name)) {
        throw new AppError('BUNDLE_ENTRY_NAME_INVALID', { name: displayName(name) });
      }
      throw invalid();
    }
    if (header === 'end') {
      const second = await reader.readUpTo(BLOCK);
      if (second.length !== BLOCK || !second.every((b) => b === 0) || !(await reader.atEnd()))
        throw invalid();
      if (entries.at(-1)?.name !== MANIFEST_ENTRY) throw invalid();
      return entries;
    }
    const { name, size } = header;
    const kind = classifyEntryName(name);
    if (!kind) throw new AppError('BUNDLE_ENTRY_NAME_INVALID', { name: displayName(name) });
    if (seen.has(name)) throw new AppError('BUNDLE_ENTRY_DUPLICATE', { name: displayName(name) });
    if (entries.length === 0 ? name !== FORMAT_ENTRY : name === FORMAT_ENTRY) throw invalid();
    if (entries.at(-1)?.name === MANIFEST_ENTRY) throw invalid();
    seen.add(name);
    if (entries.length + 1 > limits.maxEntries)
      throw new AppError('BUNDLE_LIMIT_EXCEEDED', { limit: 'maxEntries' });
    if (size > limits.maxEntryBytes[kind.kind]) {
      throw new AppError('BUNDLE_LIMIT_EXCEEDED', { limit: `maxEntryBytes.${kind.kind}` });
    }
    total += size;
    if (total > limits.maxTotalBytes) throw new AppError('BUNDLE_LIMIT_EXCEEDED', { limit: 'maxTotalBytes' });

    const hash = createHash('sha256');
    let remaining = size;
    async function* data(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        const piece = await reader.readUpTo(Math.min(remaining, READ_PIECE));
        if (piece.length === 0) throw invalid();
        remaining -= piece.length;
        hash.update(piece);
        yield piece;
      }
    }
    const formatBytes: Buffer[] = [];
    if (kind.kind === 'format') {
      for await (const piece of data()) formatBytes.push(piece);
      checkFormatEntry(Buffer.concat(formatBytes));
    } else {
      await onEntry({ name, size, kind }, data());
    }
    for await (const _ of data()) {
      // drain what the handler left unread
    }
    const pad = await reader.readUpTo(paddingFor(size));
    if (pad.length !== paddingFor(size) || !pad.every((b) => b === 0)) throw invalid();
    const sha256 = hash.digest('hex');
    if (kind.kind === 'attachment' && sha256 !== kind.sha256) {
      throw new AppError('BUNDLE_MANIFEST_MISMATCH', { name: displayName(name) });
    }
    entries.push({ name, size, sha256 });
  }
}
