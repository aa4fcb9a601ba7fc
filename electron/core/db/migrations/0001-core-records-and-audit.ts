import type { Migration } from './migration';

/**
 * Record conventions every later table follows: UUID `id`, `origin_office`,
 * `created_hlc`/`updated_hlc` from the hybrid logical clock, `deleted_hlc` as a
 * tombstone (never a hard delete). The audit log is append-only and hash-chained.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'core-records-and-audit',
  sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  origin_office TEXT NOT NULL,
  created_hlc   TEXT NOT NULL,
  updated_hlc   TEXT NOT NULL,
  deleted_hlc   TEXT,
  name          TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  roles         TEXT NOT NULL CHECK (json_valid(roles))
) STRICT;
CREATE UNIQUE INDEX users_live_name ON users(name) WHERE deleted_hlc IS NULL;

CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at_hlc       TEXT NOT NULL,
  wall_time    TEXT NOT NULL,
  actor_id     TEXT,
  actor_name   TEXT,
  action       TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT,
  details      TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`,
};
