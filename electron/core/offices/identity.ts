import { randomUUID } from 'node:crypto';
import { buildKeyCard, keyCardText, parseKeyCard, type VerifiedKeyCard } from '../bundle/key-card';
import { keyIdHex } from '../bundle/minisign';
import { OfficeIdentity } from '../bundle/office-keys';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { readMeta } from '../office-meta';

/**
 * This installation's office identity: the key pairs in `office_identity` (migration
 * 0007). The secrets never leave this module except as OfficeIdentity objects for
 * signing and decrypting; nothing here logs or audits them.
 */

export interface OfficeIdentityWithSecrets {
  officeId: string;
  officeName: string;
  /** The current key pair (signs bundles, receives new ones). */
  identity: OfficeIdentity;
  /** The current key card, as verified after reading it back. */
  card: VerifiedKeyCard;
  fingerprint: string;
  createdAt: string;
  /** Retired key pairs, newest first: kept to decrypt bundles sent to an old key. */
  retired: OfficeIdentity[];
}

interface IdentityRow {
  id: string;
  office_id: string;
  status: 'current' | 'retired';
  signing_seed: Buffer;
  encryption_secret: Buffer;
  fingerprint: string;
  card: string;
  created_at: string;
  retired_at: string | null;
}

function officeOf(db: Db): { officeId: string; officeName: string } {
  const officeId = readMeta(db, 'office_id');
  const officeName = readMeta(db, 'office_name');
  // The identity's office id is the one every record carries as origin_office.
  if (!officeId || !officeName) throw new AppError('INTERNAL');
  return { officeId, officeName };
}

function rows(db: Db): IdentityRow[] {
  return db
    .prepare(
      `SELECT id, office_id, status, signing_seed, encryption_secret, fingerprint, card, created_at, retired_at
         FROM office_identity WHERE deleted_hlc IS NULL
        ORDER BY status = 'current' DESC, created_hlc DESC`,
    )
    .all() as IdentityRow[];
}

const identityOf = (r: IdentityRow) => OfficeIdentity.fromSecrets(r.signing_seed, r.encryption_secret);

export function hasOfficeIdentity(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM office_identity WHERE status = 'current' AND deleted_hlc IS NULL").get() !==
    undefined
  );
}

function insertKeys(
  db: Db,
  hlc: string,
  officeId: string,
  identity: OfficeIdentity,
  cardText: string,
  createdAt: string,
): void {
  const { signingSeed, encryptionSecret } = identity.exportSecrets();
  db.prepare(
    `INSERT INTO office_identity (id, origin_office, created_hlc, updated_hlc, office_id, status, signing_seed,
       encryption_secret, fingerprint, key_id, card, created_at)
     VALUES (?, ?, ?, ?, ?, 'current', ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    officeId,
    hlc,
    hlc,
    officeId,
    signingSeed,
    encryptionSecret,
    identity.fingerprint,
    keyIdHex(identity.keyId),
    cardText,
    createdAt,
  );
}

/**
 * Creates this office's keys and key card if the vault has none (at setup, and on the
 * first open of a vault made before identities existed). Run it inside the caller's
 * audited transaction. Returns the new fingerprint, or null when keys already existed.
 */
export function ensureOfficeIdentity(
  db: Db,
  hlc: string,
  officeName?: string,
  now: Date = new Date(),
): { fingerprint: string } | null {
  if (hasOfficeIdentity(db)) return null;
  const office = officeOf(db);
  const identity = OfficeIdentity.generate();
  const card = buildKeyCard(identity, {
    officeId: office.officeId,
    officeName: officeName ?? office.officeName,
    created: now,
  });
  insertKeys(db, hlc, office.officeId, identity, keyCardText(card), card.created);
  return { fingerprint: identity.fingerprint };
}

/** The current identity with its secrets, and the retired ones; null if the vault has none yet. */
export function loadOfficeIdentity(db: Db): OfficeIdentityWithSecrets | null {
  const all = rows(db);
  const current = all.find((r) => r.status === 'current');
  if (!current) return null;
  const card = parseKeyCard(current.card);
  return {
    officeId: current.office_id,
    officeName: card.card.officeName,
    identity: identityOf(current),
    card,
    fingerprint: current.fingerprint,
    createdAt: current.created_at,
    retired: all.filter((r) => r.status === 'retired').map(identityOf),
  };
}

/** X25519 secrets for `readBundle`'s `identities`: the current key first, then retired ones. */
export function identitiesForDecryption(db: Db): Buffer[] {
  return rows(db).map((r) => Buffer.from(r.encryption_secret));
}

/** Fingerprints this office used before the current one, oldest first. */
export function previousOwnFingerprints(db: Db): string[] {
  return rows(db)
    .filter((r) => r.status === 'retired')
    .map((r) => r.fingerprint)
    .reverse();
}

/**
 * New key pairs for this office: a new card carrying a rotation signed by the
 * previous key; the previous pair is kept, retired, for decryption. Run inside the
 * caller's audited transaction. Returns both fingerprints (public, safe to audit).
 */
export function rotateOfficeKeys(
  db: Db,
  hlc: string,
  now: Date = new Date(),
  next: OfficeIdentity = OfficeIdentity.generate(),
): { from: string; to: string } {
  const current = loadOfficeIdentity(db);
  if (!current) throw new AppError('OFFICE_IDENTITY_MISSING');
  const { officeId, officeName } = officeOf(db);
  const card = buildKeyCard(next, { officeId, officeName, created: now }, current.identity);
  db.prepare(
    `UPDATE office_identity SET status = 'retired', retired_at = ?, updated_hlc = ?
      WHERE status = 'current' AND deleted_hlc IS NULL`,
  ).run(now.toISOString(), hlc);
  insertKeys(db, hlc, officeId, next, keyCardText(card), card.created);
  return { from: current.fingerprint, to: next.fingerprint };
}

/** The current card file's text (canonical JSON, public). */
export function ownKeyCardText(db: Db): string {
  const row = db
    .prepare("SELECT card FROM office_identity WHERE status = 'current' AND deleted_hlc IS NULL")
    .get() as { card: string } | undefined;
  if (!row) throw new AppError('OFFICE_IDENTITY_MISSING');
  return row.card;
}
