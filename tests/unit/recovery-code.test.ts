import { describe, expect, it } from 'vitest';
import {
  generateRecoveryCode,
  isWellFormedRecoveryCode,
  normalizeRecoveryCode,
} from '../../electron/core/crypto/recovery-code';
import { delaySecondsAfter, secondsToWait } from '../../electron/core/vault/throttle';

describe('recovery code', () => {
  it('is six groups of five unambiguous symbols and differs every time', () => {
    const a = generateRecoveryCode();
    expect(a).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(generateRecoveryCode()).not.toBe(a);
  });

  it('accepts what a person types: any case, spaces, and look-alike letters', () => {
    expect(normalizeRecoveryCode('k7m2q 9xrta-oil')).toBe('K7M2Q9XRTA011');
    const code = generateRecoveryCode();
    expect(isWellFormedRecoveryCode(normalizeRecoveryCode(code.toLowerCase().replace(/-/g, '  ')))).toBe(
      true,
    );
    expect(isWellFormedRecoveryCode('ABC')).toBe(false);
  });
});

describe('unlock throttle', () => {
  it('grows the delay after the free attempts and caps it', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delaySecondsAfter)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delaySecondsAfter(40)).toBe(300);
    const at = '2026-11-28T08:00:00.000Z';
    expect(secondsToWait(5, at, Date.parse(at) + 1_000)).toBe(3);
    expect(secondsToWait(5, at, Date.parse(at) + 4_000)).toBe(0);
  });
});
