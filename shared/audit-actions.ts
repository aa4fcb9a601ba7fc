/**
 * Every action the audit log records. The core writes only these; each has a
 * translation under `audit.actions.<name>` in every catalog (a test checks).
 */
export const AUDIT_ACTIONS = [
  'vault.create',
  'user.create',
  'user.roles',
  'user.remove',
  'user.auto_lock',
  'user.passphrase_change',
  'session.unlock',
  'session.lock',
  'session.recover',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
