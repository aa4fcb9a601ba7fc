import type { Migration } from './migration';

/**
 * Office identity and trust store (docs/transfers.md §1).
 *
 * `office_identity` holds this installation's key pairs: the current one and every
 * retired one (kept so bundles encrypted to an old key can still be read). The two
 * 32-byte secrets sit here because this database is the encrypted vault; they are
 * never logged, audited or sent to the renderer.
 *
 * `trusted_offices` is the trust store: one row per other office, its current key
 * card, who trusted it and when, rotations (previous fingerprints) and revocation.
 * Both tables are local to this installation: they never travel in a bundle.
 */
const RECORD = `
  id            TEXT PRIMARY KEY,
  origin_office TEXT NOT NULL,
  created_hlc   TEXT NOT NULL,
  updated_hlc   TEXT NOT NULL,
  deleted_hlc   TEXT`;

export const migration0007: Migration = {
  version: 7,
  name: 'office-identity-trust',
  sql: `
CREATE TABLE office_identity (${RECORD},
  office_id          TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('current', 'retired')),
  signing_seed       BLOB NOT NULL CHECK (length(signing_seed) = 32),
  encryption_secret  BLOB NOT NULL CHECK (length(encryption_secret) = 32),
  fingerprint        TEXT NOT NULL,
  key_id             TEXT NOT NULL,
  card               TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  retired_at         TEXT
) STRICT;
-- Exactly one current key pair per vault.
CREATE UNIQUE INDEX office_identity_current ON office_identity(status) WHERE status = 'current';

CREATE TABLE trusted_offices (${RECORD},
  office_id              TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  card                   TEXT NOT NULL,
  fingerprint            TEXT NOT NULL,
  key_id                 TEXT NOT NULL,
  trusted_at             TEXT NOT NULL,
  trusted_by             TEXT NOT NULL,
  rotated_at             TEXT,
  -- JSON array of the fingerprints this office used before, oldest first.
  previous_fingerprints  TEXT NOT NULL DEFAULT '[]',
  revoked_at             TEXT,
  revoked_by             TEXT,
  revoked_reason         TEXT,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;
CREATE INDEX trusted_offices_key_id ON trusted_offices(key_id);
`,
};
