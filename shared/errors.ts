/**
 * Stable error codes that cross the contract. Each has an i18n key under `errors.`
 * in every catalog; a test checks that.
 */
const FOUNDATION = [
  'INPUT_INVALID',
  'CHANNEL_UNKNOWN',
  'SENDER_FORBIDDEN',
  'SESSION_LOCKED',
  'SESSION_IDLE_LOCKED',
  'ROLE_FORBIDDEN',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_BAD_CREDENTIALS',
  'VAULT_THROTTLED',
  'VAULT_FILE_DAMAGED',
  'VAULT_DB_TOO_NEW',
  'VAULT_MIGRATION_EDITED',
  'VAULT_ALREADY_UNLOCKED',
  'USER_EXISTS',
  'USER_NOT_FOUND',
  'USER_SELF_REMOVE',
  'USER_LAST_SECURITY_ADMIN',
  'USER_ROLES_MIXED',
  'PASSPHRASE_WEAK',
  'PASSPHRASE_CHANGE_REQUIRED',
  'RECORD_NOT_FOUND',
  'INTERNAL',
] as const;

// One list per domain, so parallel work on two domains never edits the same lines.
const REFERENCE = [
  'UNIT_IN_USE',
  'UNIT_PARENT_CYCLE',
  'ID_NUMBER_PROTECTED',
  'INSPECTOR_EXISTS',
  'CASE_CODE_EXISTS',
  'MEMBER_EXISTS',
  'RECUSAL_CONFLICT',
] as const;
const INTAKE_LEADS = [
  'LEAD_TRANSITION_INVALID',
  'LEAD_APPROVER_REQUIRED',
  'LEAD_FIELD_REQUIRED',
  'INTAKE_CASE_NOT_FOUND',
  'INTAKE_LINK_INVALID',
  'INTAKE_DATES_ORDER',
] as const;
const SEARCH = [] as const;

export const ERROR_CODES = [...FOUNDATION, ...REFERENCE, ...INTAKE_LEADS, ...SEARCH] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function messageKeyFor(code: ErrorCode): string {
  return `errors.${code}`;
}

export interface ErrorPayload {
  code: ErrorCode;
  messageKey: string;
  /** Safe, non-secret details for the message (a file name, seconds to wait). */
  details?: Record<string, string | number>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
