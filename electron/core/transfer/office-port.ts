import type { AgeIdentityInput } from '../bundle/age';
import type { BundleRecipient } from '../bundle/write-bundle';
import type { OfficeIdentity } from '../bundle/office-keys';
import type { TrustedSigner } from '../bundle/read-bundle';
import { recipientFromCard } from '../bundle/card-adapters';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import * as offices from '../offices';

/**
 * What transfer needs from the office identity and trust store (electron/core/offices),
 * in the bundle layer's terms. The one place that knows the offices module's shapes.
 */

export interface SenderIdentity {
  identity: OfficeIdentity;
  officeId: string;
  officeName: string;
}

export function senderIdentity(db: Db): SenderIdentity {
  const own = offices.loadOfficeIdentity(db);
  if (!own) throw new AppError('TRANSFER_OFFICE_IDENTITY_MISSING');
  return { identity: own.identity, officeId: own.officeId, officeName: own.officeName };
}

/** A trusted, unrevoked office as a bundle recipient; TRANSFER_RECIPIENT_NOT_TRUSTED or OFFICE_REVOKED otherwise. */
export function recipientFor(db: Db, officeId: string, sequence: number): BundleRecipient {
  let trusted;
  try {
    trusted = offices.trustedRecipient(db, officeId);
  } catch (err) {
    // A revoked office keeps its own code (with the fingerprint); anything else is "not trusted".
    if (err instanceof AppError && err.code === 'OFFICE_REVOKED') throw err;
    throw new AppError('TRANSFER_RECIPIENT_NOT_TRUSTED');
  }
  return recipientFromCard(trusted.card, sequence);
}

export function decryptionIdentities(db: Db): AgeIdentityInput[] {
  return offices.identitiesForDecryption(db);
}

/**
 * The trust store lookup for the signature check. A revoked office is refused here,
 * with its fingerprint, right after the lookup (bundle-format.md §2).
 */
export function signerLookup(db: Db): (keyId: Buffer) => TrustedSigner | undefined {
  const find = offices.findTrustedSigner(db);
  return (keyId) => {
    const signer = find(keyId);
    if (signer?.revoked) throw new AppError('BUNDLE_SIGNER_REVOKED', { fingerprint: signer.fingerprint });
    return signer;
  };
}
