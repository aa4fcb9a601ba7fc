import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The vault's encrypted file store (DESIGN.md: "an encrypted store keyed from the data
 * key"): attachment contents and an import's staged bundle content live beside the
 * database as files, so large bytes never pass through SQLite's page cache, WAL and
 * per-page cipher (docs/architecture.md, "Encrypted files").
 *
 * File format: a 32-byte header — magic `MJBLOB1\n`, a random 16-byte salt, the chunk
 * size (u32 BE), 4 zero bytes — then the content cut into chunks of that size, each
 * sealed with AES-256-GCM (ciphertext, 16-byte tag). The file key is HKDF-SHA256 of the
 * store key with the salt and the file's name as info, so a file renamed or swapped for
 * another fails to open. The nonce is the chunk's index (8 bytes BE), three zero bytes
 * and 1 on the last chunk, 0 otherwise (as age's STREAM): a file cut at a chunk
 * boundary, or chunks reordered, fail to authenticate. An empty file has one empty
 * last chunk. Only one chunk is ever held in memory.
 */

const MAGIC = Buffer.from('MJBLOB1\n', 'latin1');
export const BLOB_HEADER_BYTES = 32;
const TAG_BYTES = 16;
/** File names the store accepts: ids, hashes, fixed words; never a path. */
const SAFE_NAME = /^[0-9a-z][0-9a-z-]{0,79}$/;

export class BlobFileError extends Error {
  constructor(
    readonly reason: 'damaged' | 'missing',
    readonly file: string,
  ) {
    super(`encrypted file ${reason}: ${file}`);
  }
}

/** The store's key from the vault's data key (the data key itself never keys a file). */
export function deriveStoreKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'mingjing blob files v1', 32));
}

function fileKey(storeKey: Buffer, salt: Buffer, name: string): Buffer {
  return Buffer.from(hkdfSync('sha256', storeKey, salt, `mingjing blob ${name}`, 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 0);
  n[11] = last ? 1 : 0;
  return n;
}

function checkName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`not a store file name: ${name}`);
  return name;
}

/** Writes one encrypted file chunk by chunk; `finish` seals the last chunk and syncs. */
export class BlobFileWriter {
  private readonly key: Buffer;
  private readonly chunk: Buffer;
  private used = 0;
  /** A full chunk not yet written: it is the last one unless more bytes come. */
  private full = false;
  private index = 0;
  private fd: number | null;
  size = 0;

  constructor(
    readonly path: string,
    name: string,
    storeKey: Buffer,
    readonly chunkBytes: number,
  ) {
    const salt = randomBytes(16);
    this.key = fileKey(storeKey, salt, name);
    this.chunk = Buffer.allocUnsafe(chunkBytes);
    this.fd = openSync(path, 'wx', 0o600);
    const header = Buffer.alloc(BLOB_HEADER_BYTES);
    MAGIC.copy(header, 0);
    salt.copy(header, 8);
    header.writeUInt32BE(chunkBytes, 24);
    this.writeAll(header);
  }

  append(data: Uint8Array): void {
    let at = 0;
    while (at < data.length) {
      if (this.full) {
        this.seal(false);
        this.full = false;
        this.used = 0;
      }
      const n = Math.min(data.length - at, this.chunkBytes - this.used);
      this.chunk.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      this.size += n;
      if (this.used === this.chunkBytes) this.full = true;
    }
  }

  /**
   * Seals the last chunk and closes. With `sync` (the default) the file is on disk
   * before this returns; staged files skip it and are synced when they are committed.
   */
  finish(sync = true): void {
    this.seal(true);
    if (sync) fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = null;
    this.key.fill(0);
  }

  /** Closes and removes an unfinished file. */
  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    this.key.fill(0);
    rmSync(this.path, { force: true });
  }

  private seal(last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    const body = cipher.update(this.chunk.subarray(0, this.used));
    cipher.final();
    this.writeAll(body);
    this.writeAll(cipher.getAuthTag());
  }

  private writeAll(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd!, bytes, at, bytes.length - at);
  }
}

/** Reads one encrypted file chunk by chunk (any chunk, any order); every read authenticates. */
export class BlobFileReader {
  private readonly key: Buffer;
  private readonly fd: number;
  readonly chunkBytes: number;
  readonly chunkCount: number;
  readonly size: number;

  constructor(
    readonly path: string,
    name: string,
    storeKey: Buffer,
  ) {
    try {
      this.fd = openSync(path, 'r');
    } catch {
      throw new BlobFileError('missing', name);
    }
    const header = Buffer.alloc(BLOB_HEADER_BYTES);
    const fileBytes = fstatSync(this.fd).size;
    if (
      readSync(this.fd, header, 0, BLOB_HEADER_BYTES, 0) !== BLOB_HEADER_BYTES ||
      !header.subarray(0, 8).equals(MAGIC)
    ) {
      closeSync(this.fd);
      throw new BlobFileError('damaged', name);
    }
    this.chunkBytes = header.readUInt32BE(24);
    const body = fileBytes - BLOB_HEADER_BYTES;
    const sealed = this.chunkBytes + TAG_BYTES;
    this.chunkCount = Math.max(1, Math.ceil(body / sealed));
    const lastBytes = body - (this.chunkCount - 1) * sealed - TAG_BYTES;
    if (this.chunkBytes === 0 || lastBytes < 0) {
      closeSync(this.fd);
      throw new BlobFileError('damaged', name);
    }
    this.size = (this.chunkCount - 1) * this.chunkBytes + lastBytes;
    this.key = fileKey(storeKey, header.subarray(8, 24), name);
  }

  /** Chunk `index`, decrypted and authenticated (a damaged or cut file throws). */
  chunk(index: number): Buffer {
    const sealed = this.chunkBytes + TAG_BYTES;
    const last = index === this.chunkCount - 1;
    const plain = last ? this.size - index * this.chunkBytes : this.chunkBytes;
    const buf = Buffer.allocUnsafe(plain + TAG_BYTES);
    const position = BLOB_HEADER_BYTES + index * sealed;
    let got = 0;
    while (got < buf.length) {
      const n = readSync(this.fd, buf, got, buf.length - got, position + got);
      if (n === 0) throw new BlobFileError('damaged', this.path);
      got += n;
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(index, last));
      decipher.setAuthTag(buf.subarray(plain));
      const out = decipher.update(buf.subarray(0, plain));
      decipher.final();
      return out;
    } catch {
      throw new BlobFileError('damaged', this.path);
    }
  }

  *chunks(): Generator<Buffer> {
    for (let i = 0; i < this.chunkCount; i++) yield this.chunk(i);
  }

  close(): void {
    closeSync(this.fd);
    this.key.fill(0);
  }
}

/**
 * The folder of encrypted files of one unlocked vault: `blobs/<name>` for stored
 * content, `blobs/staging/<area>/<name>` for content not yet committed.
 */
export class BlobFiles {
  private readonly key: Buffer;

  constructor(
    readonly dir: string,
    dataKey: Buffer,
  ) {
    this.key = deriveStoreKey(dataKey);
    mkdirSync(join(dir, 'staging'), { recursive: true, mode: 0o700 });
  }

  storedPath(name: string): string {
    return join(this.dir, checkName(name));
  }

  /** A staging area's folder (created on demand). */
  stagingDir(area: string): string {
    const dir = join(this.dir, 'staging', checkName(area));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  create(dir: string, name: string, chunkBytes: number): BlobFileWriter {
    return new BlobFileWriter(join(dir, checkName(name)), name, this.key, chunkBytes);
  }

  open(dir: string, name: string): BlobFileReader {
    return new BlobFileReader(join(dir, checkName(name)), name, this.key);
  }

  /** Moves a finished staged file into the store under the same name: synced, then renamed. */
  commitStaged(stagingDir: string, name: string): void {
    try {
      const staged = join(stagingDir, checkName(name));
      const fd = openSync(staged, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(staged, this.storedPath(name));
    } catch {
      throw new BlobFileError('missing', name);
    }
  }

  /** Makes the renames and creations in the store folder durable (not on Windows: it cannot open a folder). */
  syncStoreDir(): void {
    if (process.platform === 'win32') return;
    const fd = openSync(this.dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Removes a stored file. A file the system will not let go of yet (Windows, while an
   * export still reads it) stays as an orphan, and the next session start removes it.
   */
  removeStored(name: string): void {
    try {
      rmSync(this.storedPath(name), { force: true });
    } catch {
      // Swept by tidyFileStore at the next session start.
    }
  }

  removeStaging(area: string): void {
    rmSync(join(this.dir, 'staging', checkName(area)), { recursive: true, force: true });
  }

  /** Every staging area (emptied when a session starts: nothing can still be open). */
  removeAllStaging(): void {
    for (const area of readdirSync(join(this.dir, 'staging'))) {
      rmSync(join(this.dir, 'staging', area), { recursive: true, force: true });
    }
  }

  /** Stored file names (for the orphan sweep and `cli check`). */
  storedNames(): string[] {
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isFile() && SAFE_NAME.test(e.name))
      .map((e) => e.name);
  }

  close(): void {
    this.key.fill(0);
  }
}
