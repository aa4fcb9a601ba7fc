import type { KdfCost } from '../core/crypto/kdf';

/**
 * MINGJING_KDF_COST="N:r:p" lowers the KDF cost for new slots (tests and demos
 * only); unset, the default cost applies. Existing slots keep their own parameters.
 */
export function kdfCostFromEnv(): KdfCost | undefined {
  const raw = process.env.MINGJING_KDF_COST;
  if (!raw) return undefined;
  const [N, r, p] = raw.split(':').map(Number);
  if (!N || !r || !p) return undefined;
  return { N, r, p };
}
