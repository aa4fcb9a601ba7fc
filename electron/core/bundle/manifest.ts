import { z } from 'zod';
import { AppError } from '../errors';
import { MAX_AGE_RECIPIENTS } from './age';
import { RECORD_TYPE } from './entry-names';

/** The manifest (docs/bundle-format.md §4.3), validated strictly. */

const fingerprint = z.string().regex(/^\d{4}( \d{4}){7}$/);
const isoTime = z.string().datetime();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const hlcSchema = z.string().regex(/^\d{15}-[0-9a-f]{4}-[0-9a-f-]{1,36}$/);
const officeName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]+$/u);

const office = z.object({ officeId: z.string().uuid(), officeName, fingerprint }).strict();

const scope = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('full'),
      description: z.string().max(2000),
      caseIds: z.array(z.string().uuid()).max(10_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('incremental'),
      description: z.string().max(2000),
      caseIds: z.array(z.string().uuid()).max(10_000),
      since: hlcSchema,
    })
    .strict(),
]);

export const manifestSchema = z
  .object({
    format: z.literal('mingjing-bundle'),
    formatVersion: z.literal(1),
    bundleId: z.string().uuid(),
    createdAt: isoTime,
    expiresAt: isoTime,
    sender: office,
    recipients: z
      .array(office.extend({ sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict())
      .min(1)
      .max(MAX_AGE_RECIPIENTS),
    scope,
    counts: z.record(z.string().regex(RECORD_TYPE), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
    checkpoint: z.object({ auditSeq: z.number().int().min(0), auditHead: sha256 }).strict(),
    entries: z.array(
      z.object({ name: z.string().min(1).max(99), size: z.number().int().min(0), sha256 }).strict(),
    ),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (Date.parse(m.expiresAt) <= Date.parse(m.createdAt)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expires before it was created' });
    }
    const ids = new Set(m.recipients.map((r) => r.officeId));
    if (ids.size !== m.recipients.length || ids.has(m.sender.officeId)) {
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'repeated office or the sender' });
    }
  });

export type BundleManifest = z.infer<typeof manifestSchema>;

/** Parses manifest bytes; BUNDLE_MANIFEST_INVALID names the first failing field. */
export function parseManifest(bytes: Buffer): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('BUNDLE_MANIFEST_INVALID', { field: '(json)' });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new AppError('BUNDLE_MANIFEST_INVALID', { field: path.slice(0, 80) || '(root)' });
  }
  return parsed.data;
}
