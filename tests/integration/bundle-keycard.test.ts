import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintsEqual, normalizeFingerprint } from '../../electron/core/bundle/fingerprint';
import {
  buildKeyCard,
  confirmFingerprint,
  keyCardText,
  parseKeyCard,
  verifyRotation,
} from '../../electron/core/bundle/key-card';
import { parseMinisignPublicKey } from '../../electron/core/bundle/minisign';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import { AppError } from '../../electron/core/errors';

const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

const identity = OfficeIdentity.generate();
const fields = {
  officeId: randomUUID(),
  officeName: '某市委巡察办',
  created: new Date('2026-03-01T08:00:00Z'),
};
const text = keyCardText(buildKeyCard(identity, fields));
const edit = (change: (card: Record<string, unknown>) => void) => {
  const card = JSON.parse(text) as Record<string, unknown>;
  change(card);
  return JSON.stringify(card);
};

describe('office key cards', () => {
  it('round-trip: the parsed card carries the keys, key id and fingerprint of the identity', () => {
    const parsed = parseKeyCard(text);
    expect(parsed.keys.signing.equals(identity.publicKeys.signing)).toBe(true);
    expect(parsed.keys.encryption.equals(identity.publicKeys.encryption)).toBe(true);
    expect(parsed.keyId.equals(identity.keyId)).toBe(true);
    expect(parsed.card.fingerprint).toBe(identity.fingerprint);
    expect(parsed.card.encryptionKey).toBe(identity.ageRecipient);
    expect(
      parseMinisignPublicKey(parsed.card.signingKey)?.publicKey.equals(identity.publicKeys.signing),
    ).toBe(true);
  });

  it('the fingerprint is 8 groups of 4 digits; typed with hyphens, spaces or full-width digits it still matches', () => {
    const fp = identity.fingerprint;
    expect(fp).toMatch(/^\d{4}( \d{4}){7}$/);
    const parsed = parseKeyCard(text);
    const fullWidth = fp.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    for (const typed of [fp, fp.replace(/ /g, '-'), fp.replace(/ /g, ''), fullWidth, `  ${fp}\u3000`]) {
      expect(
        code(() => confirmFingerprint(parsed, typed)),
        typed,
      ).toBeNull();
    }
    const wrong = fp.slice(0, -1) + ((Number(fp.at(-1)) + 1) % 10);
    expect(code(() => confirmFingerprint(parsed, wrong))).toBe('KEYCARD_FINGERPRINT_MISMATCH');
    expect(code(() => confirmFingerprint(parsed, fp.slice(0, 30)))).toBe('KEYCARD_FINGERPRINT_MISMATCH');
    expect(normalizeFingerprint('12ab')).toBeNull();
    expect(fingerprintsEqual(fp, OfficeIdentity.generate().fingerprint)).toBe(false);
  });

  it('an altered name or office id breaks the self-signature: KEYCARD_SIGNATURE_INVALID', () => {
    expect(code(() => parseKeyCard(edit((c) => (c.officeName = '冒名单位'))))).toBe(
      'KEYCARD_SIGNATURE_INVALID',
    );
    expect(code(() => parseKeyCard(edit((c) => (c.officeId = randomUUID()))))).toBe(
      'KEYCARD_SIGNATURE_INVALID',
    );
  });

  it('swapped keys or a wrong fingerprint are inconsistent: KEYCARD_INVALID', () => {
    const other = OfficeIdentity.generate();
    expect(code(() => parseKeyCard(edit((c) => (c.encryptionKey = other.ageRecipient))))).toBe(
      'KEYCARD_INVALID',
    );
    expect(code(() => parseKeyCard(edit((c) => (c.fingerprint = other.fingerprint))))).toBe(
      'KEYCARD_INVALID',
    );
    // Swapping both keys and the fingerprint to another office's leaves the signature wrong.
    const otherCard = JSON.parse(keyCardText(buildKeyCard(other, fields))) as Record<string, unknown>;
    const swapped = edit((c) => {
      c.signingKey = otherCard.signingKey;
      c.encryptionKey = otherCard.encryptionKey;
      c.fingerprint = otherCard.fingerprint;
    });
    expect(code(() => parseKeyCard(swapped))).toBe('KEYCARD_SIGNATURE_INVALID');
    expect(code(() => parseKeyCard('not json'))).toBe('KEYCARD_INVALID');
    expect(code(() => parseKeyCard(edit((c) => (c.extra = 1))))).toBe('KEYCARD_INVALID');
    expect(code(() => parseKeyCard(' '.repeat(20_000)))).toBe('KEYCARD_INVALID');
  });

  it('rotation: a new card signed by the old key is accepted; a forged or foreign one is not', () => {
    const trusted = parseKeyCard(text);
    const next = OfficeIdentity.generate();
    const rotated = parseKeyCard(
      keyCardText(buildKeyCard(next, { ...fields, created: new Date() }, identity)),
    );
    expect(code(() => verifyRotation(rotated, trusted))).toBeNull();

    // Claims to follow our key but was signed by the attacker's own "previous" key.
    const attacker = OfficeIdentity.generate();
    const forged = JSON.parse(keyCardText(buildKeyCard(next, fields, attacker))) as {
      rotation: Record<string, string>;
    };
    forged.rotation.previousSigningKey = trusted.card.signingKey;
    forged.rotation.previousFingerprint = trusted.card.fingerprint;
    // The self-signature no longer holds over the edited body, so re-sign as the new key would.
    expect(code(() => parseKeyCard(JSON.stringify(forged)))).toBe('KEYCARD_SIGNATURE_INVALID');
    const foreign = parseKeyCard(keyCardText(buildKeyCard(next, fields, attacker)));
    expect(code(() => verifyRotation(foreign, trusted))).toBe('KEYCARD_ROTATION_INVALID');
    // Another office id, or a card without rotation, cannot rotate this office.
    const otherOffice = parseKeyCard(
      keyCardText(buildKeyCard(next, { ...fields, officeId: randomUUID() }, identity)),
    );
    expect(code(() => verifyRotation(otherOffice, trusted))).toBe('KEYCARD_ROTATION_INVALID');
    expect(code(() => verifyRotation(parseKeyCard(keyCardText(buildKeyCard(next, fields))), trusted))).toBe(
      'KEYCARD_ROTATION_INVALID',
    );
  });
});
