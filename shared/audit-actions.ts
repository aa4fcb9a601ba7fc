/**
 * Every action the audit log records. The core writes only these; each has a
 * translation under `audit.actions.<name>` in every catalog (a test checks).
 */
const FOUNDATION = [
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

// One list per domain, so parallel work on two domains never edits the same lines.
const REFERENCE = [] as const;
const INTAKE_LEADS = [] as const;
const SEARCH = [] as const;

export const AUDIT_ACTIONS = [...FOUNDATION, ...REFERENCE, ...INTAKE_LEADS, ...SEARCH] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
