import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOB_HEADER_BYTES, BlobFileError, BlobFiles } from '../../electron/core/vault/blob-files';

/**
 * The vault's encrypted file format (docs/vault.md, "Encrypted files"): content round-trips
 * at every size around the chunk boundaries, and a file cut, reordered, altered, renamed or
 * opened with another data key never yields content.
 */
const dir = mkdtempSync(join(tmpdir(), 'mj-blob-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = new BlobFiles(join(dir, 'files'), randomBytes(32));
const CHUNK = 64;
const TAG = 16;

function write(name: string, content: Buffer, pieces = 7): string {
  const w = files.create(files.dir, name, CHUNK);
  for (let at = 0; at < content.length; at += pieces) w.append(content.subarray(at, at + pieces));
  w.finish();
  return files.storedPath(name);
}
const readAll = (name: string, store = files) => {
  const r = store.open(store.dir, name);
  try {
    return Buffer.concat([...r.chunks()]);
  } finally {
    r.close();
  }
};

describe('encrypted file store', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5])('round-trips %i bytes', (size) => {
    const content = randomBytes(size);
    const path = write(`f${size}`, content);
    const chunks = Math.max(1, Math.ceil(size / CHUNK));
    expect(readFileSync(path).length).toBe(BLOB_HEADER_BYTES + size + chunks * TAG);
    expect(readAll(`f${size}`).equals(content)).toBe(true);
    const r = files.open(files.dir, `f${size}`);
    expect([r.size, r.chunkCount]).toEqual([size, chunks]);
    if (size > CHUNK) expect(r.chunk(1).equals(content.subarray(CHUNK, 2 * CHUNK))).toBe(true);
    r.close();
  });

  it('refuses a file cut at any chunk boundary or inside a chunk, reordered, or altered', () => {
    const content = randomBytes(3 * CHUNK + 10);
    const path = write('victim', content);
    const good = readFileSync(path);
    const sealed = CHUNK + TAG;
    const broken: Buffer[] = [
      good.subarray(0, BLOB_HEADER_BYTES + sealed),
      good.subarray(0, BLOB_HEADER_BYTES + 2 * sealed),
      good.subarray(0, good.length - 1),
      good.subarray(0, BLOB_HEADER_BYTES),
      Buffer.concat([
        good.subarray(0, BLOB_HEADER_BYTES),
        good.subarray(BLOB_HEADER_BYTES + sealed, BLOB_HEADER_BYTES + 2 * sealed),
        good.subarray(BLOB_HEADER_BYTES, BLOB_HEADER_BYTES + sealed),
        good.subarray(BLOB_HEADER_BYTES + 2 * sealed),
      ]),
    ];
    for (const at of [3, 10, BLOB_HEADER_BYTES + 1, BLOB_HEADER_BYTES + sealed + 5, good.length - 2]) {
      const flipped = Buffer.from(good);
      flipped[at]! ^= 0x80;
      broken.push(flipped);
    }
    for (const bytes of broken) {
      writeFileSync(path, bytes);
      expect(() => readAll('victim')).toThrow(BlobFileError);
    }
    writeFileSync(path, good);
    expect(readAll('victim').equals(content)).toBe(true);
  });

  it('binds each file to its name and to the data key', () => {
    const content = randomBytes(100);
    write('one', content);
    writeFileSync(files.storedPath('two'), readFileSync(files.storedPath('one')));
    expect(() => readAll('two')).toThrow(BlobFileError);
    const otherKey = new BlobFiles(join(dir, 'files'), randomBytes(32));
    expect(() => readAll('one', otherKey)).toThrow(BlobFileError);
    expect(() => files.open(files.dir, 'missing')).toThrow(BlobFileError);
    expect(() => files.create(files.dir, '../escape', CHUNK)).toThrow();
  });

  it('an aborted writer leaves no file; staging areas are removed whole', () => {
    const w = files.create(files.dir, 'aborted', CHUNK);
    w.append(randomBytes(200));
    w.abort();
    expect(files.storedNames()).not.toContain('aborted');
    const area = files.stagingDir('import-x');
    files.create(area, 'records', CHUNK).finish();
    files.removeAllStaging();
    expect(() => files.open(area, 'records')).toThrow(BlobFileError);
  });
});
