import type { Migration } from './migration';

/**
 * Per-user settings: idle auto-lock in minutes, and whether the user must choose a
 * new passphrase at next sign-in (set when an administrator opened the account).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'user-settings',
  sql: `
ALTER TABLE users ADD COLUMN auto_lock_minutes INTEGER NOT NULL DEFAULT 10 CHECK (auto_lock_minutes BETWEEN 1 AND 240);
ALTER TABLE users ADD COLUMN must_change_passphrase INTEGER NOT NULL DEFAULT 0 CHECK (must_change_passphrase IN (0, 1));
`,
};
