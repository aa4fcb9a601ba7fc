import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

/** The files Mingjing keeps in its data folder. */
export const DATA_FILES = {
  database: 'mingjing.db',
  keySlots: 'keyslots.json',
  preferences: 'preferences.json',
  /** A folder: attachment contents and import staging, each file encrypted (vault/blob-files.ts). */
  files: 'files',
} as const;

export function dataPath(dataDir: string, file: keyof typeof DATA_FILES): string {
  return join(dataDir, DATA_FILES[file]);
}

const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with the plaintext SQLite header (never true for our vault). */
export function hasPlaintextSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    return read === 16 && head.equals(SQLITE_PLAINTEXT_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the folder holds a vault. A half-present or foreign vault is an error that
 * names the file; we never overwrite it.
 */
export function vaultPresence(dataDir: string): 'absent' | 'present' {
  const db = existsSync(dataPath(dataDir, 'database'));
  const slots = existsSync(dataPath(dataDir, 'keySlots'));
  if (!db && !slots) return 'absent';
  if (!slots) throw new AppError('VAULT_FILE_DAMAGED', { file: DATA_FILES.keySlots });
  if (!db) throw new AppError('VAULT_FILE_DAMAGED', { file: DATA_FILES.database });
  if (hasPlaintextSqliteHeader(dataPath(dataDir, 'database'))) {
    throw new AppError('VAULT_FILE_DAMAGED', { file: DATA_FILES.database });
  }
  return 'present';
}

/** Write-then-rename with fsync, so a crash leaves either the old or the new file. */
export function writeFileAtomic(path: string, contents: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, contents, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dirFd = openSync(join(path, '..'), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directory fsync is not supported everywhere (Windows); the rename is still atomic.
  }
}

export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}
