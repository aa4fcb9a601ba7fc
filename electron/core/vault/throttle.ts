/**
 * Growing delay after failed unlocks: the first few attempts are free, then each
 * failure doubles the wait, up to five minutes. Counted per key slot, on disk, so a
 * restart does not reset it.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 300;

export function delaySecondsAfter(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failedAttempts - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

/** Seconds still to wait before another attempt is allowed (0 when allowed now). */
export function secondsToWait(failedAttempts: number, lastFailureAt: string | null, nowMs: number): number {
  if (!lastFailureAt) return 0;
  const until = Date.parse(lastFailureAt) + delaySecondsAfter(failedAttempts) * 1000;
  return Math.max(0, Math.ceil((until - nowMs) / 1000));
}
