import { createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Checks every page of a SQLCipher 4 file against its HMAC, independently of
 * SQLite: page = ciphertext ‖ IV (16) ‖ HMAC-SHA512 (64), the HMAC taken over
 * ciphertext ‖ IV ‖ page number (LE), keyed by PBKDF2-SHA512(key, salt ⊕ 0x3a, 2).
 * With a raw key, the data key is the encryption key; page 1 starts after the
 * 16-byte salt. Run on a checkpointed database (the WAL is folded in first).
 */
const PAGE_SIZE = 4096;
const IV = 16;
const HMAC = 64;
const RESERVE = IV + HMAC;
const SALT = 16;

export interface PageCheck {
  pages: number;
  badPages: number[];
}

export function checkSqlcipherPages(path: string, dataKey: Buffer): PageCheck {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const badPages: number[] = [];
    if (size === 0 || size % PAGE_SIZE !== 0) return { pages: Math.floor(size / PAGE_SIZE), badPages: [0] };
    const page = Buffer.alloc(PAGE_SIZE);
    readSync(fd, page, 0, PAGE_SIZE, 0);
    const salt = Buffer.from(page.subarray(0, SALT));
    const hmacKey = pbkdf2Sync(
      dataKey,
      salt.map((b) => b ^ 0x3a),
      2,
      32,
      'sha512',
    );
    const pages = size / PAGE_SIZE;
    const pgno = Buffer.alloc(4);
    for (let n = 1; n <= pages; n++) {
      readSync(fd, page, 0, PAGE_SIZE, (n - 1) * PAGE_SIZE);
      const start = n === 1 ? SALT : 0;
      const body = page.subarray(start, PAGE_SIZE - HMAC);
      pgno.writeUInt32LE(n);
      const mac = createHmac('sha512', hmacKey).update(body).update(pgno).digest();
      if (!mac.equals(page.subarray(PAGE_SIZE - HMAC))) badPages.push(n);
    }
    hmacKey.fill(0);
    return { pages, badPages };
  } finally {
    closeSync(fd);
  }
}

export const SQLCIPHER_RESERVE_BYTES = RESERVE;
