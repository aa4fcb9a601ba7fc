import type { Migration } from './migration';

/**
 * Transfers between offices (docs/transfers.md §3): the export and import registers,
 * the running sequence numbers per recipient and the last bundle applied per sender,
 * and the staging area of an import in progress.
 *
 * Staging lives inside the encrypted vault (record lines and attachment bytes of a
 * bundle being opened, keyed by the import id), so no plaintext temporary file ever
 * exists; it is emptied on confirm, discard, failure, and when a new session starts.
 * Nothing in staging is domain content until the confirm transaction moves it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'transfer-registers',
  sql: `
CREATE TABLE transfer_exports (
  id               TEXT PRIMARY KEY,
  bundle_id        TEXT NOT NULL UNIQUE,
  at               TEXT NOT NULL,
  -- The local HLC when the records were read: the base of the next incremental export.
  at_hlc           TEXT NOT NULL,
  actor_id         TEXT NOT NULL,
  actor_name       TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
  since_hlc        TEXT,
  case_ids         TEXT NOT NULL,
  recipients       TEXT NOT NULL,
  file_name        TEXT NOT NULL,
  size             INTEGER NOT NULL,
  sha256           TEXT NOT NULL,
  media_label      TEXT NOT NULL,
  counts           TEXT NOT NULL,
  attachment_count INTEGER NOT NULL,
  attachment_bytes INTEGER NOT NULL,
  expires_at       TEXT NOT NULL
) STRICT;
CREATE INDEX transfer_exports_at ON transfer_exports(at);

-- Per recipient office: the sequence of the last bundle sent and when (local HLC).
CREATE TABLE transfer_recipient_sequences (
  office_id        TEXT PRIMARY KEY,
  last_sequence    INTEGER NOT NULL CHECK (last_sequence >= 1),
  last_export_hlc  TEXT NOT NULL,
  last_export_at   TEXT NOT NULL
) STRICT;

CREATE TABLE transfer_imports (
  id                TEXT PRIMARY KEY,
  at                TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  actor_id          TEXT NOT NULL,
  actor_name        TEXT NOT NULL,
  file_name         TEXT NOT NULL,
  file_size         INTEGER,
  sha256            TEXT,
  bundle_id         TEXT,
  sender_office_id  TEXT,
  sender_name       TEXT,
  fingerprint       TEXT,
  sequence          INTEGER,
  created_at        TEXT,
  expires_at        TEXT,
  outcome           TEXT NOT NULL CHECK (outcome IN ('previewed', 'applied', 'discarded', 'refused')),
  reason            TEXT,
  flags             TEXT NOT NULL DEFAULT '{}',
  -- The verified manifest's scope, counts and checkpoint, for the preview and the auditor.
  manifest          TEXT,
  counts            TEXT NOT NULL DEFAULT '{}',
  preview           TEXT,
  changed           INTEGER,
  conflicts         INTEGER
) STRICT;
CREATE INDEX transfer_imports_at ON transfer_imports(at);
CREATE INDEX transfer_imports_bundle ON transfer_imports(bundle_id, outcome);

-- Per sender office: the last bundle applied here.
CREATE TABLE transfer_sender_state (
  office_id        TEXT PRIMARY KEY,
  last_sequence    INTEGER NOT NULL,
  last_created_at  TEXT NOT NULL,
  last_bundle_id   TEXT NOT NULL
) STRICT;

CREATE TABLE transfer_staged_records (
  import_id TEXT NOT NULL,
  ord       INTEGER NOT NULL,
  type      TEXT NOT NULL,
  line      TEXT NOT NULL,
  PRIMARY KEY (import_id, ord)
) STRICT;

CREATE TABLE transfer_staged_blobs (
  import_id TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  size      INTEGER NOT NULL,
  PRIMARY KEY (import_id, sha256)
) STRICT;

CREATE TABLE transfer_staged_chunks (
  import_id TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  data      BLOB NOT NULL,
  PRIMARY KEY (import_id, sha256, seq)
) STRICT;
`,
};
