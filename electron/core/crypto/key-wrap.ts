import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const wrappedKeySchema = z.object({
  alg: z.literal('aes-256-gcm'),
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  ct: z.string().regex(/^[0-9a-f]{64}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

/** Wraps the 32-byte data key; `aad` binds the wrap to its vault and slot. */
export function wrapKey(dataKey: Buffer, kek: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    iv: iv.toString('hex'),
    ct: ct.toString('hex'),
    tag: cipher.getAuthTag().toString('hex'),
  };
}

/** Returns the data key, or null when the key-encryption key is wrong. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'hex'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'hex')), decipher.final()]);
  } catch {
    return null;
  }
}
