import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI). */
  nativeBinding?: string | undefined;
  /** Page cache in KiB; a larger cache hides most of the cipher's read cost. */
  cacheKiB?: number;
}

const HEX = '0123456789abcdef';

/**
 * The raw-key pragma value `x'<64 hex>'` built byte by byte into a Buffer, so the
 * key never becomes an immutable JS string; the caller wipes the buffer.
 */
function rawKeyPragma(dataKey: Buffer): Buffer {
  const out = Buffer.alloc(3 + dataKey.length * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  dataKey.forEach((byte, i) => {
    out[2 + i * 2] = HEX.charCodeAt(byte >> 4);
    out[3 + i * 2] = HEX.charCodeAt(byte & 15);
  });
  out[out.length - 1] = 0x27;
  return out;
}

/**
 * Opens (or creates) the vault database in SQLCipher 4 format with the data key as
 * a raw key, then sets the connection up: WAL, synchronous=FULL, foreign keys.
 * A wrong key or a foreign file is reported as damage of that file.
 */
export function openEncryptedDatabase(
  path: string,
  dataKey: Buffer,
  fileLabel: string,
  options: OpenOptions = {},
): Db {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const keyPragma = rawKeyPragma(dataKey);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(keyPragma);
    // Reading the schema is the first access that needs the key to be right.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new AppError('VAULT_FILE_DAMAGED', { file: fileLabel });
  } finally {
    keyPragma.fill(0);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${options.cacheKiB ?? 128 * 1024}`);
  return db;
}
