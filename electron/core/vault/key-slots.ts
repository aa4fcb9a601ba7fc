import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { kdfParamsSchema } from '../crypto/kdf';
import { wrappedKeySchema } from '../crypto/key-wrap';
import { AppError } from '../errors';
import { DATA_FILES, dataPath, writeFileAtomic } from './data-dir';

/**
 * Key slots live beside the database: each wraps the same random data key under a
 * key derived from one user's passphrase (or the recovery code). Changing a
 * passphrase rewrites one slot; the database is untouched.
 */
const slotSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().uuid().nullable(),
  userName: z.string().nullable(),
  kdf: kdfParamsSchema,
  wrapped: wrappedKeySchema,
  failedAttempts: z.number().int().min(0),
  lastFailureAt: z.string().nullable(),
});
export type KeySlot = z.infer<typeof slotSchema>;

const slotsFileSchema = z.object({
  format: z.literal('mingjing-keyslots'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  slots: z.array(slotSchema),
});
export type KeySlotsFile = z.infer<typeof slotsFileSchema>;

export function readKeySlots(dataDir: string): KeySlotsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(dataPath(dataDir, 'keySlots'), 'utf8'));
  } catch {
    throw new AppError('VAULT_FILE_DAMAGED', { file: DATA_FILES.keySlots });
  }
  const parsed = slotsFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('VAULT_FILE_DAMAGED', { file: DATA_FILES.keySlots });
  return parsed.data;
}

export function writeKeySlots(dataDir: string, file: KeySlotsFile): void {
  writeFileAtomic(dataPath(dataDir, 'keySlots'), `${JSON.stringify(slotsFileSchema.parse(file), null, 2)}\n`);
}

/** Additional authenticated data: a slot cannot be moved to another vault or slot id. */
export function slotAad(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId'>): string {
  return `mingjing-keyslot/v1/${vaultId}/${slot.id}/${slot.kind}/${slot.userId ?? '-'}`;
}
