import { createHash } from 'node:crypto';

const DOMAIN = Buffer.from('mingjing-office-fingerprint-v1\0', 'latin1');

/**
 * The hand-comparable fingerprint of an office's two public keys: eight groups of
 * four decimal digits (≈106 bits), e.g. "0412 9930 …", read aloud to confirm a card.
 */
export function officeFingerprint(signingPublicKey: Uint8Array, encryptionPublicKey: Uint8Array): string {
  const digest = createHash('sha256')
    .update(DOMAIN)
    .update(signingPublicKey)
    .update(encryptionPublicKey)
    .digest();
  const groups: string[] = [];
  for (let i = 0; i < 8; i++) groups.push(String(digest.readUInt32BE(4 * i) % 10000).padStart(4, '0'));
  return groups.join(' ');
}

/** What a person typed, reduced to its 32 digits (spaces, hyphens and full-width digits allowed). */
export function normalizeFingerprint(input: string): string | null {
  const ascii = input.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  const digits = ascii.replace(/[\s\-\u3000]/g, '');
  return /^\d{32}$/.test(digits) ? digits : null;
}

export function fingerprintsEqual(a: string, b: string): boolean {
  const na = normalizeFingerprint(a);
  return na !== null && na === normalizeFingerprint(b);
}

/** The fingerprint as it appears in a trusted comment: no spaces. */
export function fingerprintToken(fingerprint: string): string {
  return fingerprint.replace(/ /g, '-');
}

export function fingerprintFromToken(token: string): string | null {
  return /^\d{4}(-\d{4}){7}$/.test(token) ? token.replace(/-/g, ' ') : null;
}
