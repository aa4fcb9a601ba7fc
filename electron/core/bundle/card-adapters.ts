import type { VerifiedKeyCard } from './key-card';
import type { TrustedSigner } from './read-bundle';
import type { BundleRecipient } from './write-bundle';

/** What a trusted key card provides to the bundle reader and writer. */

export function signerFromCard(card: VerifiedKeyCard): TrustedSigner {
  return {
    keyId: card.keyId,
    publicKey: card.keys.signing,
    officeId: card.card.officeId,
    fingerprint: card.card.fingerprint,
  };
}

export function recipientFromCard(card: VerifiedKeyCard, sequence: number): BundleRecipient {
  return {
    officeId: card.card.officeId,
    officeName: card.card.officeName,
    fingerprint: card.card.fingerprint,
    ageRecipient: card.card.encryptionKey,
    sequence,
  };
}
