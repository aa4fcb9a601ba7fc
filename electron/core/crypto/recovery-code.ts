import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code copied by hand survives misreading.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LENGTH = 5;

/** 30 symbols = 150 random bits, shown as six groups of five: "K7M2Q-9XRTA-…". */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  let symbols = '';
  for (const byte of bytes) symbols += ALPHABET[byte & 31];
  return formatRecoveryCode(symbols);
}

export function formatRecoveryCode(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP_LENGTH) groups.push(symbols.slice(i, i + GROUP_LENGTH));
  return groups.join('-');
}

/** Accepts any case, spaces or dashes, and the usual look-alikes (O→0, I/L→1). */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isWellFormedRecoveryCode(normalized: string): boolean {
  return normalized.length === GROUPS * GROUP_LENGTH && [...normalized].every((c) => ALPHABET.includes(c));
}
