import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * scrypt is memory-hard and ships with Node, so no native add-on is needed for it.
 * The defaults cost about 0.8 s and 256 MiB on the reference machine; each key slot
 * records its own parameters so they can be raised later without breaking old slots.
 */
export const kdfParamsSchema = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[0-9a-f]{32,128}$/),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;
export type KdfCost = Pick<KdfParams, 'N' | 'r' | 'p'>;

export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 18, r: 8, p: 1 };

export function newKdfParams(cost: KdfCost): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('hex') };
}

export function deriveKey(secret: string, params: KdfParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(secret.normalize('NFC'), 'utf8'),
      Buffer.from(params.salt, 'hex'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}
