import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/audit-log';
import { buildKeyCard, keyCardText } from '../../electron/core/bundle/key-card';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import type { Db } from '../../electron/core/db/open-database';
import {
  findTrustedSigner,
  listTrustedOffices,
  loadOfficeIdentity,
  trustedRecipient,
} from '../../electron/core/offices';
import { AppError } from '../../electron/core/errors';
import { ADMIN, setupVault, tempDir, value } from '../helpers/temp-vault';
import type { Envelope } from '../../shared/errors';

type Vault = Awaited<ReturnType<typeof setupVault>>;
const dbOf = (v: Vault): Db => v.core.context.db();
const codeOf = (env: Envelope<unknown>) => (env.ok ? null : env.error.code);
const codeOfThrow = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};
/** The fingerprint as a person might type it from a phone call: full-width digits, hyphens. */
const spoken = (fp: string) =>
  fp.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/ /g, '-');
/** Every row of the trust store and the audit log, to prove a refusal changed nothing. */
const snapshot = (db: Db) =>
  JSON.stringify([
    db.prepare('SELECT * FROM trusted_offices ORDER BY office_id').all(),
    db.prepare('SELECT seq, action FROM audit_log ORDER BY seq').all(),
  ]);

describe('trust store', () => {
  const dirs = [tempDir('mj-trust-a-'), tempDir('mj-trust-b-'), tempDir('mj-trust-c-')];
  let here: Vault;
  let other: Vault;
  let third: Vault;
  let otherCard: string;

  beforeAll(async () => {
    here = await setupVault(dirs[0]!.dir);
    other = await setupVault(dirs[1]!.dir);
    third = await setupVault(dirs[2]!.dir);
    otherCard = value(await other.call('offices:exportCard', {})).text;
  });
  afterAll(() => dirs.forEach((d) => d.cleanup()));

  it('previews a card: office, fingerprint, and that it is new here', async () => {
    const own = loadOfficeIdentity(dbOf(other))!;
    const preview = value(await here.call('offices:previewCard', { cardText: otherCard }));
    expect(preview).toMatchObject({
      officeId: own.officeId,
      officeName: '省委第三巡视组',
      fingerprint: own.fingerprint,
      relation: 'new',
      rotationOf: null,
      known: null,
    });
    // Its own card is never something to trust.
    const mine = value(await here.call('offices:exportCard', {})).text;
    expect(value(await here.call('offices:previewCard', { cardText: mine })).relation).toBe('own');
    expect(
      codeOf(
        await here.call('offices:trust', {
          cardText: mine,
          fingerprint: loadOfficeIdentity(dbOf(here))!.fingerprint,
        }),
      ),
    ).toBe('KEYCARD_OWN_OFFICE');
  });

  it('refuses a wrong fingerprint with KEYCARD_FINGERPRINT_MISMATCH and saves nothing (no audit entry either)', async () => {
    const before = snapshot(dbOf(here));
    const right = loadOfficeIdentity(dbOf(other))!.fingerprint;
    const wrong = right.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(codeOf(await here.call('offices:trust', { cardText: otherCard, fingerprint: wrong }))).toBe(
      'KEYCARD_FINGERPRINT_MISMATCH',
    );
    expect(snapshot(dbOf(here))).toBe(before);
    expect(listTrustedOffices(dbOf(here))).toEqual([]);
  });

  it('refuses a tampered card and one over 16 KiB', async () => {
    const tampered = otherCard.replace('省委第三巡视组', '省委第四巡视组');
    expect(codeOf(await here.call('offices:previewCard', { cardText: tampered }))).toBe(
      'KEYCARD_SIGNATURE_INVALID',
    );
    expect(codeOf(await here.call('offices:previewCard', { cardText: '{"format":"x"}' }))).toBe(
      'KEYCARD_INVALID',
    );
    const big = otherCard.replace('}\n', `,"pad":"${'长'.repeat(6000)}"}`);
    expect(codeOf(await here.call('offices:previewCard', { cardText: big }))).toBe('KEYCARD_TOO_LARGE');
  });

  it('trusts with the fingerprint typed as read out (full-width digits, hyphens), audited', async () => {
    const own = loadOfficeIdentity(dbOf(other))!;
    const trusted = value(
      await here.call('offices:trust', { cardText: otherCard, fingerprint: spoken(own.fingerprint) }),
    );
    expect(trusted).toMatchObject({
      officeId: own.officeId,
      fingerprint: own.fingerprint,
      status: 'trusted',
      trustedBy: ADMIN.displayName,
      revokedAt: null,
    });
    expect(value(await here.call('offices:list', {})).map((o) => o.officeId)).toEqual([own.officeId]);
    const entries = listAudit(dbOf(here), { limit: 10, actionPrefix: 'office.trust' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'trusted_office', entityId: own.officeId });
    expect(entries[0]!.details).toMatchObject({ fingerprint: own.fingerprint });
    // The bundle layer's view: a signer, and a recipient.
    const signer = findTrustedSigner(dbOf(here))(own.identity.keyId)!;
    expect(signer).toMatchObject({ officeId: own.officeId, fingerprint: own.fingerprint, revoked: false });
    expect(signer.publicKey.equals(own.identity.publicKeys.signing)).toBe(true);
    expect(trustedRecipient(dbOf(here), own.officeId).card.card.encryptionKey).toBe(
      own.identity.ageRecipient,
    );
    expect(findTrustedSigner(dbOf(here))(loadOfficeIdentity(dbOf(third))!.identity.keyId)).toBeUndefined();
    expect(codeOfThrow(() => trustedRecipient(dbOf(here), loadOfficeIdentity(dbOf(third))!.officeId))).toBe(
      'OFFICE_NOT_TRUSTED',
    );
    // Trusting it again is refused: nothing to do.
    expect(value(await here.call('offices:previewCard', { cardText: otherCard })).relation).toBe('same');
    expect(
      codeOf(await here.call('offices:trust', { cardText: otherCard, fingerprint: own.fingerprint })),
    ).toBe('KEYCARD_ALREADY_TRUSTED');
  });

  it('accepts a rotation only when signed by the trusted previous key', async () => {
    const before = loadOfficeIdentity(dbOf(other))!;
    // A forged "rotation": a new key whose rotation block is signed by some other key.
    const forger = OfficeIdentity.generate();
    const forged = keyCardText(
      buildKeyCard(
        OfficeIdentity.generate(),
        { officeId: before.officeId, officeName: before.officeName, created: new Date() },
        forger,
      ),
    );
    const forgedPreview = value(await here.call('offices:previewCard', { cardText: forged }));
    expect(forgedPreview.relation).toBe('replacement');
    const untouched = snapshot(dbOf(here));
    expect(codeOf(await here.call('offices:acceptRotation', { cardText: forged }))).toBe(
      'KEYCARD_ROTATION_INVALID',
    );
    expect(snapshot(dbOf(here))).toBe(untouched);

    // The real rotation at the other office.
    value(await other.call('offices:rotateKeys', { confirm: true }));
    const rotatedCard = value(await other.call('offices:exportCard', {})).text;
    const after = loadOfficeIdentity(dbOf(other))!;
    const preview = value(await here.call('offices:previewCard', { cardText: rotatedCard }));
    expect(preview).toMatchObject({
      relation: 'rotation',
      rotationOf: before.fingerprint,
      fingerprint: after.fingerprint,
    });
    const accepted = value(await here.call('offices:acceptRotation', { cardText: rotatedCard }));
    expect(accepted).toMatchObject({
      fingerprint: after.fingerprint,
      status: 'rotated',
      previousFingerprints: [before.fingerprint],
    });
    // Only the new key signs now; the old card cannot be trusted again.
    expect(findTrustedSigner(dbOf(here))(after.identity.keyId)?.fingerprint).toBe(after.fingerprint);
    expect(findTrustedSigner(dbOf(here))(before.identity.keyId)).toBeUndefined();
    expect(value(await here.call('offices:previewCard', { cardText: otherCard })).relation).toBe('outdated');
    const entry = listAudit(dbOf(here), { limit: 10, actionPrefix: 'office.rotation_accept' });
    expect(entry).toHaveLength(1);
    expect(entry[0]!.details).toMatchObject({ from: before.fingerprint, to: after.fingerprint });
    otherCard = rotatedCard;
  });

  it('revokes with a reason: the signer is reported revoked, nothing is sent to it, the key cannot be re-trusted', async () => {
    const own = loadOfficeIdentity(dbOf(other))!;
    expect(codeOf(await here.call('offices:revoke', { officeId: own.officeId, reason: '   ' }))).toBe(
      'INPUT_INVALID',
    );
    const revoked = value(
      await here.call('offices:revoke', { officeId: own.officeId, reason: '介质遗失，密钥可能泄露' }),
    );
    expect(revoked).toMatchObject({
      status: 'revoked',
      revokedBy: ADMIN.displayName,
      revokedReason: '介质遗失，密钥可能泄露',
    });
    expect(findTrustedSigner(dbOf(here))(own.identity.keyId)).toMatchObject({
      revoked: true,
      fingerprint: own.fingerprint,
    });
    expect(codeOfThrow(() => trustedRecipient(dbOf(here), own.officeId))).toBe('OFFICE_REVOKED');
    // Still listed, for history.
    expect(value(await here.call('offices:list', {}))[0]).toMatchObject({
      officeId: own.officeId,
      status: 'revoked',
    });
    expect(codeOf(await here.call('offices:revoke', { officeId: own.officeId, reason: '再次' }))).toBe(
      'OFFICE_REVOKED',
    );
    expect(value(await here.call('offices:previewCard', { cardText: otherCard })).relation).toBe(
      'revokedKey',
    );
    expect(
      codeOf(await here.call('offices:trust', { cardText: otherCard, fingerprint: own.fingerprint })),
    ).toBe('KEYCARD_KEY_REVOKED');
    expect(codeOf(await here.call('offices:acceptRotation', { cardText: otherCard }))).toBe(
      'KEYCARD_KEY_REVOKED',
    );

    // A new key after the incident: trusted again only through a new read-out.
    value(await other.call('offices:rotateKeys', { confirm: true }));
    const fresh = value(await other.call('offices:exportCard', {})).text;
    const next = loadOfficeIdentity(dbOf(other))!;
    expect(value(await here.call('offices:previewCard', { cardText: fresh })).relation).toBe('replacement');
    expect(codeOf(await here.call('offices:acceptRotation', { cardText: fresh }))).toBe(
      'KEYCARD_ROTATION_INVALID',
    );
    const again = value(await here.call('offices:trust', { cardText: fresh, fingerprint: next.fingerprint }));
    expect(again).toMatchObject({ status: 'trusted', revokedAt: null, fingerprint: next.fingerprint });
    expect(again.previousFingerprints).toContain(own.fingerprint);

    const history = value(await here.call('offices:history', { officeId: own.officeId }));
    expect(history.map((e) => e.action).sort()).toEqual(
      ['office.trust', 'office.rotation_accept', 'office.revoke', 'office.trust'].sort(),
    );
    expect(JSON.stringify(history)).toContain('介质遗失，密钥可能泄露');
  });

  it('is readable by every signed-in role; changes only by the security administrator', async () => {
    value(
      await here.call('users:create', {
        name: 'member1',
        displayName: '组员',
        roles: ['member'],
        passphrase: 'Chushi-mima-2026-y',
      }),
    );
    value(await here.call('session:lock', {}));
    const { activateUser, makeCore } = await import('../helpers/temp-vault');
    await activateUser(dirs[0]!.dir, 'member1', 'Chushi-mima-2026-y', 'Ceshi-mima-2026-x');
    const member = makeCore(dirs[0]!.dir);
    value(await member.call('session:unlock', { userName: 'member1', passphrase: 'Ceshi-mima-2026-x' }));
    expect(value(await member.call('offices:list', {}))).toHaveLength(1);
    expect(value(await member.call('offices:identity', {})).fingerprint).toMatch(/^\d{4}( \d{4}){7}$/);
    expect(codeOf(await member.call('offices:rotateKeys', { confirm: true }))).toBe('ROLE_FORBIDDEN');
    expect(codeOf(await member.call('offices:exportCard', {}))).toBe('ROLE_FORBIDDEN');
  });
});
