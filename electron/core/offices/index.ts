/**
 * Office identity, key cards and the trust store (docs/transfers.md §1). The public
 * surface used by transfer/ and the CLI; handlers.ts binds it to the contract.
 */
export {
  ensureOfficeIdentity,
  hasOfficeIdentity,
  identitiesForDecryption,
  loadOfficeIdentity,
  ownKeyCardText,
  previousOwnFingerprints,
  rotateOfficeKeys,
  type OfficeIdentityWithSecrets,
} from './identity';
export {
  acceptRotation,
  findTrustedSigner,
  getTrustedOffice,
  listTrustedOffices,
  previewCard,
  revokeOffice,
  trustCard,
  trustedRecipient,
  type CardPreview,
  type CardRelation,
  type TrustActor,
  type TrustedOffice,
  type TrustStatus,
  type TrustStoreSigner,
} from './trust-store';
