import type { Migration } from './migration';

/** Per-user settings: idle auto-lock, in minutes. */
export const migration0002: Migration = {
  version: 2,
  name: 'user-settings',
  sql: `
ALTER TABLE users ADD COLUMN auto_lock_minutes INTEGER NOT NULL DEFAULT 10 CHECK (auto_lock_minutes BETWEEN 1 AND 240);
`,
};
