import type { Migration } from './migration';

/**
 * Large bytes leave the database for the vault's encrypted file store
 * (vault/blob-files.ts): new attachment contents are files (`store = 'files'`; the
 * content of earlier ones stays in `attachment_chunks` and is read from there), and an
 * import's staging (record lines and attachment contents of a bundle being opened)
 * becomes files in a staging folder. The database keeps only which staged file holds
 * which attachment. Staging is emptied when a session starts, so the old staging
 * tables hold nothing worth keeping.
 *
 * Also: an index that answers "which records of a type changed after T" without
 * reading the (large) replication states, for the export's counts.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'encrypted-file-store',
  sql: `
ALTER TABLE attachment_blobs ADD COLUMN store TEXT NOT NULL DEFAULT 'database'
  CHECK (store IN ('database', 'files'));

DROP TABLE transfer_staged_records;
DROP TABLE transfer_staged_chunks;
DROP TABLE transfer_staged_blobs;

CREATE TABLE transfer_staged_blobs (
  import_id TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  blob_id   TEXT NOT NULL UNIQUE,
  size      INTEGER NOT NULL,
  PRIMARY KEY (import_id, sha256)
) STRICT;

CREATE INDEX replication_state_record_changed ON replication_state(record_type, record_id, changed_hlc);
`,
};
