import { sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../audit/canonical-json';
import { AppError } from '../errors';
import { decodePaddedBase64 } from './base64';
import { fingerprintsEqual, officeFingerprint } from './fingerprint';
import { minisignPublicKeyLine, parseMinisignPublicKey } from './minisign';
import { minisignKeyId, parseAgeRecipient, type OfficeIdentity, type OfficePublicKeys } from './office-keys';
import { publicKeyFromRaw } from './raw-keys';

/** Office key cards (docs/bundle-format.md §5): build, parse and verify, rotation. */

export const MAX_KEY_CARD_BYTES = 16 * 1024;
const CARD_DOMAIN = 'mingjing-office-key-card-v1\n';
const ROTATION_DOMAIN = 'mingjing-office-key-rotation-v1\n';

const signature64 = z.string().refine((s) => decodePaddedBase64(s)?.length === 64, 'a 64-byte signature');
const fingerprint = z.string().regex(/^\d{4}( \d{4}){7}$/);

export const keyCardSchema = z
  .object({
    format: z.literal('mingjing-office-key-card'),
    version: z.literal(1),
    officeId: z.string().uuid(),
    officeName: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[^\p{Cc}]+$/u),
    created: z.string().datetime(),
    signingKey: z.string().max(100),
    encryptionKey: z.string().max(100),
    fingerprint,
    rotation: z
      .object({
        previousFingerprint: fingerprint,
        previousSigningKey: z.string().max(100),
        signature: signature64,
      })
      .strict()
      .nullable(),
    selfSignature: signature64,
  })
  .strict();

export type KeyCard = z.infer<typeof keyCardSchema>;

/** A card whose self-signature and internal consistency were checked. */
export interface VerifiedKeyCard {
  card: KeyCard;
  keys: OfficePublicKeys;
  keyId: Buffer;
}

function signedBody(card: Omit<KeyCard, 'selfSignature'> | KeyCard): Buffer {
  const { selfSignature: _s, ...rest } = card as KeyCard;
  const rotation = rest.rotation ? { ...rest.rotation, signature: undefined } : null;
  return Buffer.from(canonicalJson({ ...rest, rotation }), 'utf8');
}

export interface KeyCardFields {
  officeId: string;
  officeName: string;
  created: Date;
}

/** A new card for `identity`; with `previous`, a rotation card signed by the old key too. */
export function buildKeyCard(
  identity: OfficeIdentity,
  fields: KeyCardFields,
  previous?: OfficeIdentity,
): KeyCard {
  const draft = {
    format: 'mingjing-office-key-card' as const,
    version: 1 as const,
    officeId: fields.officeId,
    officeName: fields.officeName,
    created: fields.created.toISOString(),
    signingKey: minisignPublicKeyLine({ keyId: identity.keyId, publicKey: identity.publicKeys.signing }),
    encryptionKey: identity.ageRecipient,
    fingerprint: identity.fingerprint,
    rotation: previous
      ? {
          previousFingerprint: previous.fingerprint,
          previousSigningKey: minisignPublicKeyLine({
            keyId: previous.keyId,
            publicKey: previous.publicKeys.signing,
          }),
          signature: '',
        }
      : null,
  };
  const body = signedBody(draft);
  if (previous && draft.rotation) {
    draft.rotation.signature = sign(
      null,
      Buffer.concat([Buffer.from(ROTATION_DOMAIN), body]),
      previous.signingKey,
    ).toString('base64');
  }
  const selfSignature = sign(
    null,
    Buffer.concat([Buffer.from(CARD_DOMAIN), body]),
    identity.signingKey,
  ).toString('base64');
  return keyCardSchema.parse({ ...draft, selfSignature });
}

/** The card file's text: canonical JSON and a final LF. */
export function keyCardText(card: KeyCard): string {
  return `${canonicalJson(card)}\n`;
}

function signingKeyOf(line: string): { keyId: Buffer; publicKey: Buffer } | null {
  const key = parseMinisignPublicKey(line);
  return key && key.keyId.equals(minisignKeyId(key.publicKey)) ? key : null;
}

/** Parses and checks a card file: schema, keys, fingerprint, self-signature. */
export function parseKeyCard(input: string | Buffer): VerifiedKeyCard {
  const raw = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (raw.length > MAX_KEY_CARD_BYTES) throw new AppError('KEYCARD_INVALID');
  let card: KeyCard;
  try {
    card = keyCardSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
  } catch {
    throw new AppError('KEYCARD_INVALID');
  }
  const signing = signingKeyOf(card.signingKey);
  const encryption = parseAgeRecipient(card.encryptionKey);
  if (!signing || !encryption) throw new AppError('KEYCARD_INVALID');
  if (officeFingerprint(signing.publicKey, encryption) !== card.fingerprint)
    throw new AppError('KEYCARD_INVALID');
  if (card.rotation && !signingKeyOf(card.rotation.previousSigningKey)) throw new AppError('KEYCARD_INVALID');
  const ok = verify(
    null,
    Buffer.concat([Buffer.from(CARD_DOMAIN), signedBody(card)]),
    publicKeyFromRaw('ed25519', signing.publicKey),
    decodePaddedBase64(card.selfSignature)!,
  );
  if (!ok) throw new AppError('KEYCARD_SIGNATURE_INVALID');
  return { card, keys: { signing: signing.publicKey, encryption }, keyId: signing.keyId };
}

/** The person's read-aloud check before a card is trusted. */
export function confirmFingerprint(card: VerifiedKeyCard, typed: string): void {
  if (!fingerprintsEqual(card.card.fingerprint, typed)) throw new AppError('KEYCARD_FINGERPRINT_MISMATCH');
}

/**
 * Accepts `next` as the successor of the trusted card `trusted`: same office, and the
 * rotation is signed by the trusted signing key.
 */
export function verifyRotation(next: VerifiedKeyCard, trusted: VerifiedKeyCard): void {
  const rotation = next.card.rotation;
  const fail = () => new AppError('KEYCARD_ROTATION_INVALID');
  if (!rotation || next.card.officeId !== trusted.card.officeId) throw fail();
  if (rotation.previousSigningKey !== trusted.card.signingKey) throw fail();
  if (rotation.previousFingerprint !== trusted.card.fingerprint) throw fail();
  const ok = verify(
    null,
    Buffer.concat([Buffer.from(ROTATION_DOMAIN), signedBody(next.card)]),
    publicKeyFromRaw('ed25519', trusted.keys.signing),
    decodePaddedBase64(rotation.signature)!,
  );
  if (!ok) throw fail();
}
