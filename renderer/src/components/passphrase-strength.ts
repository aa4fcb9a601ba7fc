import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export interface StrengthResult {
  /** 0 (guessable in seconds) … 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn feedback keys (no translations loaded): translated by our catalogs. */
  warning: string | null;
  suggestions: string[];
}

/** The weakest zxcvbn score a new passphrase may have. */
export const MIN_STRENGTH_SCORE = 2;

let estimator: Promise<ZxcvbnFactory> | null = null;

/** Loads zxcvbn and its dictionaries on first use (a separate chunk). */
export function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: true,
      }),
  );
  return estimator;
}

export async function estimateStrength(
  passphrase: string,
  userInputs: readonly string[],
): Promise<StrengthResult> {
  const zxcvbn = await loadEstimator();
  const result = zxcvbn.check(
    passphrase,
    userInputs.filter((s) => s.trim().length > 0),
  );
  return {
    score: result.score,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}

/** The core refuses a passphrase containing the user name or made of fewer than 4 distinct characters. */
export function isTrivialPassphrase(passphrase: string, userName: string): boolean {
  const p = passphrase.toLowerCase();
  const name = userName.trim().toLowerCase();
  return (name.length > 0 && p.includes(name)) || new Set(p).size < 4;
}
