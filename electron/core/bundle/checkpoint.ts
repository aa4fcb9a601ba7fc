import { z } from 'zod';
import { AppError } from '../errors';
import { canonicalJson } from '../audit/canonical-json';
import {
  checkFileSignature,
  checkAlgorithmAndKey,
  createPrehash,
  globalSignatureHolds,
  parseMinisignSignature,
  signPrehash,
  type MinisignPublicKey,
} from './minisign';
import type { OfficeIdentity } from './office-keys';

/**
 * The signed checkpoint of the sender's audit-log head (docs/bundle-format.md §4.5):
 * canonical JSON plus a minisign signature an auditor can check with `minisign -V`.
 */

export const checkpointSchema = z
  .object({
    format: z.literal('mingjing-audit-checkpoint'),
    version: z.literal(1),
    officeId: z.string().uuid(),
    fingerprint: z.string().regex(/^\d{4}( \d{4}){7}$/),
    auditSeq: z.number().int().min(0),
    auditHead: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string().datetime(),
  })
  .strict();

export type AuditCheckpoint = z.infer<typeof checkpointSchema>;

export function checkpointComment(c: AuditCheckpoint): string {
  return `mingjing-audit-checkpoint v1 office=${c.officeId} seq=${c.auditSeq} head=${c.auditHead}`;
}

export function signCheckpoint(
  identity: OfficeIdentity,
  fields: Omit<AuditCheckpoint, 'format' | 'version' | 'fingerprint'>,
): { json: Buffer; signature: Buffer; checkpoint: AuditCheckpoint } {
  const checkpoint = checkpointSchema.parse({
    format: 'mingjing-audit-checkpoint',
    version: 1,
    fingerprint: identity.fingerprint,
    ...fields,
  });
  const json = Buffer.from(canonicalJson(checkpoint), 'utf8');
  const prehash = createPrehash().update(json).digest();
  const signature = signPrehash(
    prehash,
    identity,
    checkpointComment(checkpoint),
    'mingjing audit checkpoint',
  );
  return { json, signature: Buffer.from(signature, 'utf8'), checkpoint };
}

/** Checks the checkpoint and its signature by the bundle's signer; any fault is a manifest mismatch. */
export function verifyCheckpoint(
  json: Buffer,
  signature: Buffer,
  signer: MinisignPublicKey,
): AuditCheckpoint {
  const mismatch = () => new AppError('BUNDLE_MANIFEST_MISMATCH', { name: 'checkpoint.json' });
  let checkpoint: AuditCheckpoint;
  try {
    checkpoint = checkpointSchema.parse(JSON.parse(json.toString('utf8')));
    if (canonicalJson(checkpoint) !== json.toString('utf8')) throw mismatch();
    const sig = parseMinisignSignature(signature);
    checkAlgorithmAndKey(sig, signer);
    checkFileSignature(sig, signer, createPrehash().update(json).digest());
    if (!globalSignatureHolds(sig, signer)) throw mismatch();
    if (sig.trustedComment !== checkpointComment(checkpoint)) throw mismatch();
  } catch {
    throw mismatch();
  }
  return checkpoint;
}
