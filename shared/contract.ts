import { z } from 'zod';
import { CASE_ROLES, entry, none, text } from './contract-kit';
import { intakeLeadsContract } from './contracts/intake-leads';
import { intakeLeadsEditContract } from './contracts/intake-leads-edits';
import { intakeLeadsLedgerContract } from './contracts/intake-leads-ledger';
import { referenceContract } from './contracts/reference';
import { searchContract } from './contracts/search';
import { demoContract } from './contracts/demo';
import { attachmentsContract } from './contracts/attachments';
import { workRecordsContract } from './contracts/work-records';
import { transferContract } from './contracts/transfer';
import { officesContract } from './contracts/offices';
import { conflictsContract } from './contracts/conflicts';
import { ROLES, SYSTEM_ROLES } from './roles';
import { LOCALES } from './locale-ids';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from './passphrase-policy';

/**
 * The one contract between renderer and core: the foundation's channels here, each
 * domain's in shared/contracts/<domain>.ts, merged below. Main (and the test host)
 * registers every channel through one wrapper that enforces its access rule and
 * schemas (see contract-kit.ts); the renderer's client is typed from it.
 */
export type { Access } from './contract-kit';
export const userNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}_.-]+$/u);
export const passphraseSchema = z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH);
export const roleSchema = z.enum(ROLES);
export const localeSchema = z.enum(LOCALES);
export const autoLockMinutesSchema = z.number().int().min(1).max(240);

export const userSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  autoLockMinutes: autoLockMinutesSchema,
  /** Set when an administrator chose the passphrase: the user must replace it first. */
  mustChangePassphrase: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  office: z.object({ id: z.string().uuid(), name: z.string() }),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const vaultStatusSchema = z.object({
  state: z.enum(['uninitialized', 'locked', 'unlocked']),
  officeName: z.string().nullable(),
  userNames: z.array(z.string()),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const preferencesSchema = z.object({
  /** null: follow the operating system's language. */
  language: localeSchema.nullable(),
  osLocale: z.string(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const ACCOUNT_ADMINS = ['system_admin', 'security_admin'] as const;

export const foundationContract = {
  'vault:status': entry('public', none, vaultStatusSchema),
  'vault:setup': entry(
    'public',
    z
      .object({
        officeName: text(64),
        userName: userNameSchema,
        displayName: text(32),
        passphrase: passphraseSchema,
      })
      .strict(),
    z.object({ recoveryCode: z.string(), session: sessionInfoSchema }),
  ),
  'session:unlock': entry(
    'public',
    z.object({ userName: userNameSchema, passphrase: z.string().min(1).max(PASSPHRASE_MAX_LENGTH) }).strict(),
    sessionInfoSchema,
  ),
  'session:recover': entry(
    'public',
    z
      .object({
        userName: userNameSchema,
        recoveryCode: z.string().min(1).max(80),
        newPassphrase: passphraseSchema,
      })
      .strict(),
    z.object({ session: sessionInfoSchema, recoveryCode: z.string() }),
  ),
  'session:current': entry('public', none, sessionInfoSchema.nullable()),
  'session:lock': entry('public', none, z.null()),
  /** Keeps the core's idle timer in step with mouse and keyboard activity in the window. */
  'session:touch': entry('unlocked', none, z.null()),
  'session:changePassphrase': entry(
    'unlocked',
    z.object({ current: z.string().min(1).max(PASSPHRASE_MAX_LENGTH), next: passphraseSchema }).strict(),
    z.null(),
  ),
  'prefs:get': entry('public', none, preferencesSchema),
  'prefs:setLanguage': entry(
    'public',
    z.object({ language: localeSchema.nullable() }).strict(),
    preferencesSchema,
  ),
  'settings:setAutoLock': entry(
    'unlocked',
    z.object({ minutes: autoLockMinutesSchema }).strict(),
    userSchema,
  ),
  'users:list': entry(ACCOUNT_ADMINS, none, z.array(userSchema)),
  'users:create': entry(
    ACCOUNT_ADMINS,
    z
      .object({
        name: userNameSchema,
        displayName: text(32),
        roles: z.array(roleSchema).min(1).max(8),
        passphrase: passphraseSchema,
      })
      .strict(),
    userSchema,
  ),
  'users:setRoles': entry(
    ['security_admin'],
    z.object({ userId: z.string().uuid(), roles: z.array(roleSchema).min(1).max(8) }).strict(),
    userSchema,
  ),
  'users:remove': entry(ACCOUNT_ADMINS, z.object({ userId: z.string().uuid() }).strict(), z.null()),
  'audit:list': entry(
    ['auditor', 'security_admin'],
    z
      .object({
        limit: z.number().int().min(1).max(500),
        beforeSeq: z.number().int().positive().optional(),
        actorName: z.string().trim().min(1).max(64).optional(),
        actionPrefix: z.string().trim().min(1).max(64).optional(),
        entityType: z.string().trim().min(1).max(64).optional(),
        entityId: z.string().uuid().optional(),
        from: z.string().datetime().optional(),
        to: z.string().datetime().optional(),
      })
      .strict(),
    z.array(auditEntrySchema),
  ),
  /** One record's history (who, when, what changed), for its detail page. */
  'records:history': entry(
    [...CASE_ROLES, 'auditor'],
    z.object({ entityType: z.string().regex(/^[a-z_]{1,40}$/), entityId: z.string().uuid() }).strict(),
    z.array(auditEntrySchema),
  ),
} as const;

export const contract = {
  ...foundationContract,
  ...referenceContract,
  ...intakeLeadsContract,
  ...intakeLeadsEditContract,
  ...intakeLeadsLedgerContract,
  ...searchContract,
  ...demoContract,
  ...workRecordsContract,
  ...attachmentsContract,
  ...transferContract,
  ...officesContract,
  ...conflictsContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export { SYSTEM_ROLES };
