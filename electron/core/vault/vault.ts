import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_KDF_COST, deriveKey, newKdfParams, type KdfCost, type KdfParams } from '../crypto/kdf';
import { unwrapKey, wrapKey } from '../crypto/key-wrap';
import {
  generateRecoveryCode,
  isWellFormedRecoveryCode,
  normalizeRecoveryCode,
} from '../crypto/recovery-code';
import { migrate, verifyMigrations } from '../db/migrate';
import { checkSqlcipherPages, type PageCheck } from '../db/sqlcipher-page-check';
import { MIGRATIONS } from '../db/migrations';
import type { Migration } from '../db/migrations/migration';
import { openEncryptedDatabase, type Db } from '../db/open-database';
import { AppError } from '../errors';
import { DATA_FILES, dataPath, ensureDataDir, vaultPresence } from './data-dir';
import { readKeySlots, slotAad, writeKeySlots, type KeySlot, type KeySlotsFile } from './key-slots';
import { secondsToWait } from './throttle';
import { BlobFiles } from './blob-files';
import { join } from 'node:path';

export interface VaultOptions {
  kdfCost?: KdfCost;
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
  cacheKiB?: number;
  now?: () => number;
  /** 'verify' checks the applied migrations but applies none (used by `cli check`). */
  migrationMode?: 'apply' | 'verify';
}

/** An unlocked vault: the open database, its encrypted file store and the data key, until `close()`. */
export class OpenVault {
  private closed = false;
  /** Attachment contents and import staging, encrypted with a key derived from the data key. */
  readonly files: BlobFiles;

  constructor(
    readonly dataDir: string,
    readonly vaultId: string,
    readonly db: Db,
    private dataKey: Buffer,
    private readonly options: VaultOptions,
  ) {
    this.files = new BlobFiles(join(dataDir, DATA_FILES.files), dataKey);
  }

  /** Adds or replaces a user's key slot with one wrapped under the new passphrase. */
  async setUserSlot(userId: string, userName: string, passphrase: string): Promise<void> {
    const file = readKeySlots(this.dataDir);
    const slot = await makeSlot(
      file.vaultId,
      this.dataKey,
      passphrase,
      'user',
      userId,
      userName,
      this.options,
    );
    file.slots = [...file.slots.filter((s) => s.userId !== userId), slot];
    writeKeySlots(this.dataDir, file);
  }

  removeUserSlot(userId: string): void {
    const file = readKeySlots(this.dataDir);
    file.slots = file.slots.filter((s) => s.userId !== userId);
    writeKeySlots(this.dataDir, file);
  }

  /** Replaces the recovery slot; returns the new code, to be shown once. */
  async rotateRecoveryCode(): Promise<string> {
    const code = generateRecoveryCode();
    const file = readKeySlots(this.dataDir);
    const slot = await makeSlot(
      file.vaultId,
      this.dataKey,
      normalizeRecoveryCode(code),
      'recovery',
      null,
      null,
      this.options,
    );
    file.slots = [...file.slots.filter((s) => s.kind !== 'recovery'), slot];
    writeKeySlots(this.dataDir, file);
    return code;
  }

  /** Checks a user's current passphrase against their slot without touching counters. */
  async verifyPassphrase(userId: string, passphrase: string): Promise<boolean> {
    const slot = readKeySlots(this.dataDir).slots.find((s) => s.userId === userId);
    if (!slot) return false;
    const key = await openSlot(this.vaultId, slot, passphrase);
    key?.fill(0);
    return key !== null;
  }

  /** Folds the WAL into the file, then checks every page's HMAC with the data key. */
  checkCipherPages(): PageCheck {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return checkSqlcipherPages(dataPath(this.dataDir, 'database'), this.dataKey);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    this.files.close();
    this.dataKey.fill(0);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

async function makeSlot(
  vaultId: string,
  dataKey: Buffer,
  secret: string,
  kind: KeySlot['kind'],
  userId: string | null,
  userName: string | null,
  options: VaultOptions,
): Promise<KeySlot> {
  const kdf: KdfParams = newKdfParams(options.kdfCost ?? DEFAULT_KDF_COST);
  const id = randomUUID();
  const kek = await deriveKey(secret, kdf);
  try {
    const wrapped = wrapKey(dataKey, kek, slotAad(vaultId, { id, kind, userId }));
    return { id, kind, userId, userName, kdf, wrapped, failedAttempts: 0, lastFailureAt: null };
  } finally {
    kek.fill(0);
  }
}

async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return unwrapKey(slot.wrapped, kek, slotAad(vaultId, slot));
  } finally {
    kek.fill(0);
  }
}

function openDatabase(dataDir: string, dataKey: Buffer, options: VaultOptions): Db {
  const db = openEncryptedDatabase(dataPath(dataDir, 'database'), dataKey, DATA_FILES.database, {
    nativeBinding: options.nativeBinding,
    ...(options.cacheKiB ? { cacheKiB: options.cacheKiB } : {}),
  });
  try {
    const list = options.migrations ?? MIGRATIONS;
    if (options.migrationMode === 'verify') verifyMigrations(db, list);
    else migrate(db, list);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Creates a new vault: a random 256-bit data key, the encrypted database, the
 * first user's slot and a recovery slot. Refuses a folder that already holds one.
 */
export async function createVault(
  dataDir: string,
  first: { userId: string; userName: string; passphrase: string },
  options: VaultOptions = {},
): Promise<{ vault: OpenVault; recoveryCode: string }> {
  ensureDataDir(dataDir);
  if (vaultPresence(dataDir) !== 'absent') {
    readKeySlots(dataDir); // a damaged slot file is named rather than reported as "exists"
    throw new AppError('VAULT_EXISTS');
  }
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  const recoveryCode = generateRecoveryCode();
  const file: KeySlotsFile = {
    format: 'mingjing-keyslots',
    version: 1,
    vaultId,
    slots: [
      await makeSlot(vaultId, dataKey, first.passphrase, 'user', first.userId, first.userName, options),
      await makeSlot(vaultId, dataKey, normalizeRecoveryCode(recoveryCode), 'recovery', null, null, options),
    ],
  };
  const db = openDatabase(dataDir, dataKey, options);
  writeKeySlots(dataDir, file);
  return { vault: new OpenVault(dataDir, vaultId, db, dataKey, options), recoveryCode };
}

export function readVaultUserNames(dataDir: string): string[] {
  if (vaultPresence(dataDir) === 'absent') return [];
  return readKeySlots(dataDir)
    .slots.filter((s) => s.kind === 'user' && s.userName)
    .map((s) => s.userName!)
    .sort();
}

function recordAttempt(dataDir: string, slotId: string, success: boolean, nowMs: number): void {
  const file = readKeySlots(dataDir);
  file.slots = file.slots.map((s) =>
    s.id !== slotId
      ? s
      : success
        ? { ...s, failedAttempts: 0, lastFailureAt: null }
        : { ...s, failedAttempts: s.failedAttempts + 1, lastFailureAt: new Date(nowMs).toISOString() },
  );
  writeKeySlots(dataDir, file);
}

// A decoy slot so an unknown user name costs the same KDF time as a known one.
const decoyKdf = (cost: KdfCost): KdfParams => newKdfParams(cost);

async function unlockWithSlot(
  dataDir: string,
  pick: (file: KeySlotsFile) => KeySlot | undefined,
  secret: string,
  options: VaultOptions,
): Promise<{ vault: OpenVault; slot: KeySlot }> {
  if (vaultPresence(dataDir) === 'absent') throw new AppError('VAULT_NOT_FOUND');
  const now = options.now ?? Date.now;
  const file = readKeySlots(dataDir);
  const slot = pick(file);
  if (!slot) {
    (await deriveKey(secret, decoyKdf(options.kdfCost ?? DEFAULT_KDF_COST))).fill(0);
    throw new AppError('VAULT_BAD_CREDENTIALS');
  }
  const wait = secondsToWait(slot.failedAttempts, slot.lastFailureAt, now());
  if (wait > 0) throw new AppError('VAULT_THROTTLED', { seconds: wait });
  const dataKey = await openSlot(file.vaultId, slot, secret);
  if (!dataKey) {
    recordAttempt(dataDir, slot.id, false, now());
    const updated = readKeySlots(dataDir).slots.find((s) => s.id === slot.id)!;
    throw new AppError('VAULT_BAD_CREDENTIALS', { attempts: updated.failedAttempts });
  }
  if (slot.failedAttempts > 0) recordAttempt(dataDir, slot.id, true, now());
  try {
    const db = openDatabase(dataDir, dataKey, options);
    return { vault: new OpenVault(dataDir, file.vaultId, db, dataKey, options), slot };
  } catch (err) {
    dataKey.fill(0);
    throw err;
  }
}

export async function unlockVault(
  dataDir: string,
  userName: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ vault: OpenVault; userId: string }> {
  const { vault, slot } = await unlockWithSlot(
    dataDir,
    (f) => f.slots.find((s) => s.kind === 'user' && s.userName === userName),
    passphrase,
    options,
  );
  return { vault, userId: slot.userId! };
}

export async function unlockVaultWithRecoveryCode(
  dataDir: string,
  recoveryCode: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const normalized = normalizeRecoveryCode(recoveryCode);
  if (!isWellFormedRecoveryCode(normalized)) throw new AppError('VAULT_BAD_CREDENTIALS');
  const { vault } = await unlockWithSlot(
    dataDir,
    (f) => f.slots.find((s) => s.kind === 'recovery'),
    normalized,
    options,
  );
  return vault;
}
