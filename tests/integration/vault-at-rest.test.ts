import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import sqlcipher from '@journeyapps/sqlcipher';
import { deriveKey } from '../../electron/core/crypto/kdf';
import { unwrapKey } from '../../electron/core/crypto/key-wrap';
import { readKeySlots, slotAad } from '../../electron/core/vault/key-slots';
import { ADMIN, setupVault, tempDir, value } from '../helpers/temp-vault';

const MARKER = '绝密标记-ZX81-津贴-MARKER';

async function dataKeyOf(dir: string, userName: string, passphrase: string): Promise<Buffer> {
  const file = readKeySlots(dir);
  const slot = file.slots.find((s) => s.userName === userName)!;
  const kek = await deriveKey(passphrase, slot.kdf);
  const key = unwrapKey(slot.wrapped, kek, slotAad(file.vaultId, slot));
  if (!key) throw new Error('slot did not open');
  return key;
}

function queryWithReferenceSqlcipher(path: string, hexKey: string, sql: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, sqlcipher.OPEN_READONLY, (err) => err && reject(err));
    db.serialize(() => {
      db.run('PRAGMA cipher_compatibility = 4');
      db.run(`PRAGMA key = "x'${hexKey}'"`);
      db.all(sql, (err, rows) => {
        db.close();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  });
}

describe('vault at rest', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('leaves no marker and no plaintext SQLite header in any file of the data folder', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { call } = await setupVault(t.dir);
    // Records carrying the marker: user display names and the office audit trail.
    for (let i = 0; i < 20; i++) {
      value(
        await call('users:create', {
          name: `member${i}`,
          displayName: `${MARKER}${i}`,
          roles: ['member'],
          passphrase: 'Zuyuan-mima-2026!',
        }),
      );
    }
    // Inspect while the database is open (WAL and SHM present) and again after lock.
    for (const phase of ['open', 'locked']) {
      if (phase === 'locked') value(await call('session:lock', {}));
      const files = readdirSync(t.dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
        statSync(join(t.dir, name)).isFile(),
      );
      expect(files).toContain('mingjing.db');
      if (phase === 'open') expect(files).toContain('mingjing.db-wal');
      for (const name of files) {
        const bytes = readFileSync(join(t.dir, name));
        expect(bytes.includes(Buffer.from(MARKER, 'utf8')), `${name} contains the marker`).toBe(false);
        expect(
          bytes.includes(Buffer.from('member1', 'utf8')) && name !== 'keyslots.json',
          `${name} leaks a user name`,
        ).toBe(false);
        expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
        expect(
          bytes.includes(Buffer.from('SQLite format 3\0', 'latin1')),
          `${name} has a plaintext header`,
        ).toBe(false);
      }
    }
  });

  it('opens in reference SQLCipher with the data key, and not with a wrong key', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { call } = await setupVault(t.dir);
    value(await call('session:lock', {}));
    const key = await dataKeyOf(t.dir, ADMIN.userName, ADMIN.passphrase);
    const rows = (await queryWithReferenceSqlcipher(
      join(t.dir, 'mingjing.db'),
      key.toString('hex'),
      `SELECT name FROM users`,
    )) as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual([ADMIN.userName]);
    const wrong = Buffer.from(key);
    wrong[0] = wrong[0]! ^ 0xff;
    await expect(
      queryWithReferenceSqlcipher(
        join(t.dir, 'mingjing.db'),
        wrong.toString('hex'),
        'SELECT name FROM users',
      ),
    ).rejects.toThrow(/not a database|SQLITE_NOTADB/);
  });
});
