/**
 * Transfer bundles: the public surface of electron/core/bundle (format in
 * docs/bundle-format.md). Export and import build on writeBundle / readBundle.
 */
export { decryptAge, encryptAge, MAX_AGE_RECIPIENTS, type AgeIdentityInput } from './age';
export { parseBundleComment, type BundleComment } from './bundle-comment';
export { recipientFromCard, signerFromCard } from './card-adapters';
export { signCheckpoint, verifyCheckpoint, type AuditCheckpoint } from './checkpoint';
export {
  BUNDLE_FORMAT_VERSION,
  readContainer,
  type EntryHandler,
  type EntryHeader,
} from './container-reader';
export { writeContainer, type EntryInput, type WrittenEntry } from './container-writer';
export {
  attachmentEntryName,
  classifyEntryName,
  DEFAULT_LIMITS,
  recordsEntryName,
  withLimits,
  type BundleLimits,
} from './entry-names';
export { fingerprintsEqual, normalizeFingerprint, officeFingerprint } from './fingerprint';
export {
  buildKeyCard,
  confirmFingerprint,
  keyCardText,
  parseKeyCard,
  verifyRotation,
  type KeyCard,
  type VerifiedKeyCard,
} from './key-card';
export { manifestSchema, parseManifest, type BundleManifest } from './manifest';
export {
  formatMinisignPublicKey,
  keyIdHex,
  parseMinisignPublicKey,
  parseMinisignSignature,
  verifyMinisignStream,
  type MinisignPublicKey,
} from './minisign';
export { OfficeIdentity, parseAgeIdentity, parseAgeRecipient, type OfficePublicKeys } from './office-keys';
export {
  readBundle,
  inspectBundle,
  verifyBundleSignature,
  type OpenedBundle,
  type TrustedSigner,
} from './read-bundle';
export { readRecordLines, recordEntries, recordLineSchema, type RecordLine } from './records';
export { writeBundle, type BundleRecipient, type WrittenBundle } from './write-bundle';
