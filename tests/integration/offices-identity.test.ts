import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptAge, encryptAge } from '../../electron/core/bundle/age';
import { parseKeyCard, verifyRotation } from '../../electron/core/bundle/key-card';
import type { Db } from '../../electron/core/db/open-database';
import { identitiesForDecryption, loadOfficeIdentity, ownKeyCardText } from '../../electron/core/offices';
import { listAudit } from '../../electron/core/audit/audit-log';
import { ADMIN, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

const dirs: { cleanup: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

async function freshVault() {
  const t = tempDir('mj-offices-id-');
  dirs.push(t);
  return { t, ...(await setupVault(t.dir)) };
}

const dbOf = (core: { context: { db(): Db } }) => core.context.db();
const meta = (db: Db, key: string) =>
  (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('office identity', () => {
  it('is created at vault setup, in the vault creation transaction, with the id records carry as origin_office', async () => {
    const { core, call } = await freshVault();
    const db = dbOf(core);
    const own = loadOfficeIdentity(db)!;
    expect(own.officeId).toBe(meta(db, 'office_id'));
    expect(own.officeName).toBe('省委第三巡视组');
    const session = value(await call('session:current', {}))!;
    expect(own.officeId).toBe(session.office.id);
    const user = db.prepare('SELECT origin_office FROM users LIMIT 1').get() as { origin_office: string };
    expect(user.origin_office).toBe(own.officeId);
    // The key card is valid, self-signed, and names this office.
    const card = parseKeyCard(ownKeyCardText(db));
    expect(card.card.officeId).toBe(own.officeId);
    expect(card.card.fingerprint).toBe(own.identity.fingerprint);
    expect(card.card.rotation).toBeNull();
    // No separate audit entry: the keys are part of `vault.create`, same transaction.
    const actions = listAudit(db, { limit: 50 }).map((e) => e.action);
    expect(actions).toContain('vault.create');
    expect(actions).not.toContain('office.identity_create');
    // The channel every signed-in role may read.
    const shown = value(await call('offices:identity', {}));
    expect(shown).toMatchObject({
      officeId: own.officeId,
      fingerprint: own.fingerprint,
      previousFingerprints: [],
    });
    expect(shown.fingerprint).toMatch(/^\d{4}( \d{4}){7}$/);
  });

  it('is stable across lock and reopen', async () => {
    const { t, core, call } = await freshVault();
    const before = loadOfficeIdentity(dbOf(core))!;
    const cardBefore = ownKeyCardText(dbOf(core));
    value(await call('session:lock', {}));
    const again = makeCore(t.dir);
    value(await again.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
    const after = loadOfficeIdentity(dbOf(again.core))!;
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(
      after.identity.exportSecrets().signingSeed.equals(before.identity.exportSecrets().signingSeed),
    ).toBe(true);
    expect(ownKeyCardText(dbOf(again.core))).toBe(cardBefore);
  });

  it('is created, audited, on the first open of a vault that has none (made before identities existed)', async () => {
    const { t, core, call } = await freshVault();
    const officeId = meta(dbOf(core), 'office_id');
    dbOf(core).prepare('DELETE FROM office_identity').run();
    value(await call('session:lock', {}));
    const again = makeCore(t.dir);
    value(await again.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
    const db = dbOf(again.core);
    const own = loadOfficeIdentity(db)!;
    expect(own.officeId).toBe(officeId);
    const created = listAudit(db, { limit: 10, actionPrefix: 'office.identity_create' });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ entityType: 'office', entityId: officeId, actorName: ADMIN.userName });
    // Only once: a second open finds the keys.
    value(await again.call('session:lock', {}));
    const third = makeCore(t.dir);
    value(await third.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
    expect(listAudit(dbOf(third.core), { limit: 10, actionPrefix: 'office.identity_create' })).toHaveLength(
      1,
    );
    expect(loadOfficeIdentity(dbOf(third.core))!.fingerprint).toBe(own.fingerprint);
  });

  it('keeps its secrets only inside the encrypted database: no file of the data folder holds them in the clear', async () => {
    const { t, core, call } = await freshVault();
    const own = loadOfficeIdentity(dbOf(core))!;
    const { signingSeed, encryptionSecret } = own.identity.exportSecrets();
    const ageIdentity = Buffer.from(own.identity.ageIdentity());
    value(await call('session:lock', {}));
    const files = filesUnder(t.dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [
        signingSeed,
        encryptionSecret,
        ageIdentity,
        Buffer.from(signingSeed.toString('hex')),
      ]) {
        expect(bytes.includes(secret), file).toBe(false);
      }
    }
  });

  it('rotates: a new card signed by the old key, the office id kept, old secrets still decrypt, audited', async () => {
    const { core, call } = await freshVault();
    const db = dbOf(core);
    const oldCard = parseKeyCard(ownKeyCardText(db));
    const old = loadOfficeIdentity(db)!;
    // A bundle someone encrypted to the old key before the rotation.
    const sealed = await collect(
      encryptAge([old.identity.ageRecipient], [Buffer.from('发往旧密钥的数据包')]),
    );

    const rotated = value(await call('offices:rotateKeys', { confirm: true }));
    expect(rotated.officeId).toBe(old.officeId);
    expect(rotated.fingerprint).not.toBe(old.fingerprint);
    expect(rotated.previousFingerprints).toEqual([old.fingerprint]);

    const newCard = parseKeyCard(ownKeyCardText(db));
    expect(newCard.card.rotation?.previousFingerprint).toBe(old.fingerprint);
    expect(() => verifyRotation(newCard, oldCard)).not.toThrow();

    const now = loadOfficeIdentity(db)!;
    expect(now.retired).toHaveLength(1);
    expect(now.retired[0]!.fingerprint).toBe(old.fingerprint);
    const plain = await collect(decryptAge(identitiesForDecryption(db), [sealed]));
    expect(plain.toString()).toBe('发往旧密钥的数据包');

    const entry = listAudit(db, { limit: 10, actionPrefix: 'office.keys_rotate' });
    expect(entry).toHaveLength(1);
    expect(entry[0]!.entityId).toBe(old.officeId);
    // The audit entry carries no secret.
    const details = JSON.stringify(entry[0]!.details);
    expect(details).not.toContain(old.identity.exportSecrets().signingSeed.toString('base64'));

    // A second rotation chains from the second key; both old keys still decrypt.
    value(await call('offices:rotateKeys', { confirm: true }));
    const third = parseKeyCard(ownKeyCardText(db));
    expect(() => verifyRotation(third, newCard)).not.toThrow();
    expect(identitiesForDecryption(db)).toHaveLength(3);
    expect((await collect(decryptAge(identitiesForDecryption(db), [sealed]))).toString()).toBe(
      '发往旧密钥的数据包',
    );
    expect(value(await call('offices:identity', {})).previousFingerprints).toEqual([
      old.fingerprint,
      rotated.fingerprint,
    ]);
  });

  it('migration 0007: one current key pair per vault, 32-byte secrets, signer lookup by key id uses its index', async () => {
    const { core } = await freshVault();
    const db = dbOf(core);
    const row = db.prepare("SELECT * FROM office_identity WHERE status = 'current'").get() as Record<
      string,
      unknown
    >;
    const insert = (status: string, seed: Buffer) =>
      db
        .prepare(
          `INSERT INTO office_identity (id, origin_office, created_hlc, updated_hlc, office_id, status, signing_seed,
             encryption_secret, fingerprint, key_id, card, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          crypto.randomUUID(),
          row.origin_office,
          row.created_hlc,
          row.updated_hlc,
          row.office_id,
          status,
          seed,
          row.encryption_secret,
          row.fingerprint,
          row.key_id,
          row.card,
          row.created_at,
        );
    expect(() => insert('current', Buffer.alloc(32, 1))).toThrow(/UNIQUE/);
    expect(() => insert('retired', Buffer.alloc(31, 1))).toThrow(/CHECK/);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM trusted_offices WHERE key_id = ? AND deleted_hlc IS NULL')
      .all('00')
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('trusted_offices_key_id');
  });
});
