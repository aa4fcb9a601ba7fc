import { fingerprintsEqual } from '../bundle/fingerprint';
import {
  confirmFingerprint,
  keyCardText,
  parseKeyCard,
  verifyRotation,
  type VerifiedKeyCard,
} from '../bundle/key-card';
import { keyIdHex } from '../bundle/minisign';
import type { TrustedSigner } from '../bundle/read-bundle';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { readMeta } from '../office-meta';

/**
 * The trust store (`trusted_offices`, migration 0007): which other offices' key cards
 * this office accepts signatures from and encrypts to. Pure functions over the
 * database; the handlers run the changing ones inside audited transactions.
 */

export type TrustStatus = 'trusted' | 'rotated' | 'revoked';

export interface TrustedOffice {
  officeId: string;
  name: string;
  fingerprint: string;
  keyId: string;
  cardCreated: string;
  trustedAt: string;
  trustedBy: string;
  rotatedAt: string | null;
  previousFingerprints: string[];
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
  status: TrustStatus;
}

interface TrustRow {
  id: string;
  office_id: string;
  name: string;
  card: string;
  fingerprint: string;
  key_id: string;
  trusted_at: string;
  trusted_by: string;
  rotated_at: string | null;
  previous_fingerprints: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}

const COLUMNS = `id, office_id, name, card, fingerprint, key_id, trusted_at, trusted_by, rotated_at,
  previous_fingerprints, revoked_at, revoked_by, revoked_reason`;

function toOffice(r: TrustRow): TrustedOffice {
  const card = JSON.parse(r.card) as { created: string };
  return {
    officeId: r.office_id,
    name: r.name,
    fingerprint: r.fingerprint,
    keyId: r.key_id,
    cardCreated: card.created,
    trustedAt: r.trusted_at,
    trustedBy: r.trusted_by,
    rotatedAt: r.rotated_at,
    previousFingerprints: JSON.parse(r.previous_fingerprints) as string[],
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    revokedReason: r.revoked_reason,
    status: r.revoked_at ? 'revoked' : r.rotated_at ? 'rotated' : 'trusted',
  };
}

function rowFor(db: Db, officeId: string): TrustRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM trusted_offices WHERE office_id = ? AND deleted_hlc IS NULL`)
    .get(officeId) as TrustRow | undefined;
}

/** Every office in the trust store, revoked ones included (for history), by name. */
export function listTrustedOffices(db: Db): TrustedOffice[] {
  const all = db
    .prepare(`SELECT ${COLUMNS} FROM trusted_offices WHERE deleted_hlc IS NULL ORDER BY name, office_id`)
    .all() as TrustRow[];
  return all.map(toOffice);
}

export function getTrustedOffice(db: Db, officeId: string): TrustedOffice | null {
  const row = rowFor(db, officeId);
  return row ? toOffice(row) : null;
}

/** A signer as the bundle reader needs it; `revoked` lets the caller refuse with the fingerprint. */
export interface TrustStoreSigner extends TrustedSigner {
  officeName: string;
  revoked: boolean;
}

/**
 * The lookup for `readBundle` / `verifyBundleSignature`: the office whose *current*
 * key has this key id. A revoked office is returned marked `revoked` (the caller
 * refuses it, showing the fingerprint). Keys replaced by a rotation are not found:
 * after a rotation only the new key signs for that office.
 */
export function findTrustedSigner(db: Db): (keyId: Buffer) => TrustStoreSigner | undefined {
  const stmt = db.prepare(`SELECT ${COLUMNS} FROM trusted_offices WHERE key_id = ? AND deleted_hlc IS NULL`);
  return (keyId) => {
    const row = stmt.get(keyIdHex(keyId)) as TrustRow | undefined;
    if (!row) return undefined;
    const card = parseKeyCard(row.card);
    return {
      keyId: card.keyId,
      publicKey: card.keys.signing,
      officeId: row.office_id,
      officeName: row.name,
      fingerprint: row.fingerprint,
      revoked: row.revoked_at !== null,
    };
  };
}

/** A trusted, unrevoked office to encrypt to; OFFICE_NOT_TRUSTED or OFFICE_REVOKED otherwise. */
export function trustedRecipient(
  db: Db,
  officeId: string,
): { card: VerifiedKeyCard; officeId: string; officeName: string; fingerprint: string } {
  const row = rowFor(db, officeId);
  if (!row) throw new AppError('OFFICE_NOT_TRUSTED');
  if (row.revoked_at) throw new AppError('OFFICE_REVOKED', { fingerprint: row.fingerprint });
  return { card: parseKeyCard(row.card), officeId, officeName: row.name, fingerprint: row.fingerprint };
}

/**
 * How an incoming card relates to what this office already knows:
 * - new:         an office not in the trust store (trust needs the fingerprint read-out);
 * - same:        exactly the card already trusted (nothing to do);
 * - rotation:    a successor signed by the trusted current key (accepted without read-out);
 * - replacement: a different key for a known office, not a valid rotation, or the office
 *                is revoked (needs a new read-out; replaces the key);
 * - own:         this office's own card (never trusted);
 * - outdated:    a key this office used before a rotation;
 * - revokedKey:  the key of a revoked office (refused).
 */
export type CardRelation = 'new' | 'same' | 'rotation' | 'replacement' | 'own' | 'outdated' | 'revokedKey';

export interface CardPreview {
  card: VerifiedKeyCard;
  relation: CardRelation;
  known: TrustedOffice | null;
}

export function previewCard(db: Db, cardText: string): CardPreview {
  const card = parseKeyCard(cardText);
  const { officeId, fingerprint } = card.card;
  if (officeId === readMeta(db, 'office_id')) return { card, relation: 'own', known: null };
  const row = rowFor(db, officeId);
  if (!row) return { card, relation: 'new', known: null };
  const known = toOffice(row);
  const sameKey = fingerprintsEqual(row.fingerprint, fingerprint);
  if (known.revokedAt) return { card, relation: sameKey ? 'revokedKey' : 'replacement', known };
  if (sameKey) return { card, relation: 'same', known };
  if (known.previousFingerprints.includes(fingerprint)) return { card, relation: 'outdated', known };
  try {
    verifyRotation(card, parseKeyCard(row.card));
    return { card, relation: 'rotation', known };
  } catch {
    return { card, relation: 'replacement', known };
  }
}

function refuseUntrustable(preview: CardPreview): void {
  const { relation, known } = preview;
  if (relation === 'own') throw new AppError('KEYCARD_OWN_OFFICE');
  if (relation === 'same') throw new AppError('KEYCARD_ALREADY_TRUSTED');
  if (relation === 'outdated') throw new AppError('KEYCARD_OUTDATED');
  if (relation === 'revokedKey')
    throw new AppError('KEYCARD_KEY_REVOKED', { fingerprint: known!.fingerprint });
}

export interface TrustActor {
  name: string;
  at: string;
  hlc: string;
  ownOfficeId: string;
}

/**
 * Trusts a card after the person typed the fingerprint read out by the other office
 * (compared per bundle-format.md §5; a mismatch saves nothing). For a known office
 * this replaces its key (the old fingerprint is kept) and lifts a revocation.
 */
export function trustCard(db: Db, actor: TrustActor, cardText: string, typedFingerprint: string) {
  const preview = previewCard(db, cardText);
  refuseUntrustable(preview);
  confirmFingerprint(preview.card, typedFingerprint);
  const { card } = preview;
  const text = keyCardText(card.card);
  const known = preview.known;
  if (!known) {
    db.prepare(
      `INSERT INTO trusted_offices (id, origin_office, created_hlc, updated_hlc, office_id, name, card, fingerprint,
         key_id, trusted_at, trusted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      card.card.officeId,
      actor.ownOfficeId,
      actor.hlc,
      actor.hlc,
      card.card.officeId,
      card.card.officeName,
      text,
      card.card.fingerprint,
      keyIdHex(card.keyId),
      actor.at,
      actor.name,
    );
  } else {
    db.prepare(
      `UPDATE trusted_offices SET name = ?, card = ?, fingerprint = ?, key_id = ?, trusted_at = ?, trusted_by = ?,
         rotated_at = NULL, previous_fingerprints = ?, revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL,
         updated_hlc = ?
       WHERE office_id = ?`,
    ).run(
      card.card.officeName,
      text,
      card.card.fingerprint,
      keyIdHex(card.keyId),
      actor.at,
      actor.name,
      JSON.stringify([...known.previousFingerprints, known.fingerprint]),
      actor.hlc,
      card.card.officeId,
    );
  }
  return { office: getTrustedOffice(db, card.card.officeId)!, replaced: known?.fingerprint ?? null };
}

/** Accepts a rotated card signed by the trusted office's current key: no read-out needed. */
export function acceptRotation(db: Db, actor: TrustActor, cardText: string) {
  const preview = previewCard(db, cardText);
  refuseUntrustable(preview);
  if (preview.relation !== 'rotation') throw new AppError('KEYCARD_ROTATION_INVALID');
  const { card, known } = preview;
  db.prepare(
    `UPDATE trusted_offices SET name = ?, card = ?, fingerprint = ?, key_id = ?, rotated_at = ?,
       previous_fingerprints = ?, updated_hlc = ?
     WHERE office_id = ?`,
  ).run(
    card.card.officeName,
    keyCardText(card.card),
    card.card.fingerprint,
    keyIdHex(card.keyId),
    actor.at,
    JSON.stringify([...known!.previousFingerprints, known!.fingerprint]),
    actor.hlc,
    card.card.officeId,
  );
  return { office: getTrustedOffice(db, card.card.officeId)!, previous: known!.fingerprint };
}

/** Revokes an office: it stays listed, but nothing it signs is accepted and nothing is sent to it. */
export function revokeOffice(db: Db, actor: TrustActor, officeId: string, reason: string): TrustedOffice {
  const row = rowFor(db, officeId);
  if (!row) throw new AppError('OFFICE_NOT_TRUSTED');
  if (row.revoked_at) throw new AppError('OFFICE_REVOKED', { fingerprint: row.fingerprint });
  db.prepare(
    `UPDATE trusted_offices SET revoked_at = ?, revoked_by = ?, revoked_reason = ?, updated_hlc = ? WHERE office_id = ?`,
  ).run(actor.at, actor.name, reason, actor.hlc, officeId);
  return getTrustedOffice(db, officeId)!;
}
