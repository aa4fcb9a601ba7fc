import type { SenderState } from './registers';

/**
 * The warnings an import preview shows before anything is applied:
 * replayed — this bundle id was already applied here;
 * olderThanLast — its sequence or creation time is not after the last bundle applied
 *   from that sender (a bundle held back and delivered late, or an old copy);
 * expired — past its expiry time.
 */
export function importFlags(
  bundle: { bundleId: string; sequence: number; createdAt: string; expiresAt: string },
  last: SenderState | null,
  alreadyApplied: boolean,
  nowMs: number,
): { replayed: boolean; olderThanLast: boolean; expired: boolean } {
  return {
    replayed: alreadyApplied,
    olderThanLast: !!last && (bundle.sequence <= last.lastSequence || bundle.createdAt <= last.lastCreatedAt),
    expired: Date.parse(bundle.expiresAt) < nowMs,
  };
}

export const anyFlag = (flags: Record<string, boolean>): boolean => Object.values(flags).some(Boolean);
