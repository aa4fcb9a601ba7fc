import type { Migration } from './migration';

/**
 * Work records of a case (individual talks 个别谈话, document requests 调阅资料, field
 * and unannounced visits 走访/暗访) with the users who took part and their links to
 * leads; and attachments on any record, stored encrypted inside the vault.
 *
 * Attachments: `attachment_blobs` is one stored content (by SHA-256, shared by every
 * attachment of the same bytes), cut into fixed-size rows of `attachment_chunks` so
 * no file is ever held whole in memory. A blob is 'staging' while an upload is under
 * way (invisible, removed when abandoned) and 'stored' once committed. `attachments`
 * is the record: which record it hangs on, the name, type and hash, who added it.
 */
const RECORD = `
  id            TEXT PRIMARY KEY,
  origin_office TEXT NOT NULL,
  created_hlc   TEXT NOT NULL,
  updated_hlc   TEXT NOT NULL,
  deleted_hlc   TEXT`;

export const migration0006: Migration = {
  version: 6,
  name: 'work-records-attachments',
  sql: `
CREATE TABLE work_records (${RECORD},
  case_id               TEXT NOT NULL REFERENCES cases(id),
  kind                  TEXT NOT NULL CHECK (kind IN ('talk', 'document_request', 'visit')),
  year                  INTEGER NOT NULL,
  seq                   INTEGER NOT NULL,
  number                TEXT NOT NULL,
  -- The talk's date, the date documents were requested, the visit's date.
  record_date           TEXT NOT NULL,
  interviewee_person_id TEXT REFERENCES persons(id),
  interviewee_name      TEXT,
  interviewee_post      TEXT,
  place                 TEXT,
  -- Document request: what was asked for, from which unit, when it came, where it stands.
  subject               TEXT,
  unit_id               TEXT REFERENCES units(id),
  received_date         TEXT,
  status                TEXT CHECK (status IN ('requested', 'partially_received', 'received', 'returned', 'cancelled')),
  visit_mode            TEXT CHECK (visit_mode IN ('field', 'unannounced')),
  -- Talk notes, notes on a request, a visit's findings.
  notes                 TEXT,
  removed_reason        TEXT,
  CHECK (kind <> 'talk' OR (interviewee_name IS NOT NULL AND place IS NOT NULL)),
  CHECK (kind <> 'document_request' OR (subject IS NOT NULL AND unit_id IS NOT NULL AND status IS NOT NULL)),
  CHECK (kind <> 'visit' OR (place IS NOT NULL AND visit_mode IS NOT NULL)),
  CHECK (received_date IS NULL OR received_date >= record_date)
) STRICT;
CREATE UNIQUE INDEX work_records_number ON work_records(case_id, kind, year, seq);
CREATE INDEX work_records_case ON work_records(case_id, kind, record_date);

-- The two inspectors of a talk (one asks, one records), the people who went on a visit.
CREATE TABLE work_record_users (${RECORD},
  work_record_id TEXT NOT NULL REFERENCES work_records(id),
  user_id        TEXT NOT NULL REFERENCES users(id),
  part           TEXT NOT NULL CHECK (part IN ('asker', 'recorder', 'participant')),
  position       INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX work_record_users_once ON work_record_users(work_record_id, user_id) WHERE deleted_hlc IS NULL;
CREATE INDEX work_record_users_record ON work_record_users(work_record_id);

CREATE TABLE work_record_leads (${RECORD},
  work_record_id TEXT NOT NULL REFERENCES work_records(id),
  lead_id        TEXT NOT NULL REFERENCES leads(id)
) STRICT;
CREATE UNIQUE INDEX work_record_leads_once ON work_record_leads(work_record_id, lead_id) WHERE deleted_hlc IS NULL;
CREATE INDEX work_record_leads_lead ON work_record_leads(lead_id);

-- A lead whose source is a talk, a document review or a visit may name that record.
ALTER TABLE lead_sources ADD COLUMN work_record_id TEXT REFERENCES work_records(id);

CREATE TABLE attachment_blobs (
  id           TEXT PRIMARY KEY,
  state        TEXT NOT NULL CHECK (state IN ('staging', 'stored')),
  sha256       TEXT CHECK (state = 'staging' OR sha256 IS NOT NULL),
  size         INTEGER NOT NULL CHECK (size >= 0),
  chunk_size   INTEGER NOT NULL CHECK (chunk_size > 0),
  created_at   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX attachment_blobs_sha256 ON attachment_blobs(sha256) WHERE state = 'stored';

CREATE TABLE attachment_chunks (
  blob_id  TEXT NOT NULL REFERENCES attachment_blobs(id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL CHECK (seq >= 0),
  data     BLOB NOT NULL,
  PRIMARY KEY (blob_id, seq)
) STRICT;

CREATE TABLE attachments (${RECORD},
  record_type      TEXT NOT NULL CHECK (record_type IN ('intake', 'lead', 'talk', 'document_request', 'visit', 'person', 'unit')),
  record_id        TEXT NOT NULL,
  case_id          TEXT REFERENCES cases(id),
  -- Null once removed and no other attachment holds the same content.
  blob_id          TEXT REFERENCES attachment_blobs(id),
  sha256           TEXT NOT NULL,
  size             INTEGER NOT NULL,
  file_name        TEXT NOT NULL,
  mime             TEXT NOT NULL,
  extension        TEXT,
  uploader_user_id TEXT NOT NULL REFERENCES users(id),
  uploaded_at      TEXT NOT NULL,
  removed_reason   TEXT
) STRICT;
CREATE INDEX attachments_record ON attachments(record_type, record_id);
CREATE INDEX attachments_sha256 ON attachments(sha256);
CREATE INDEX attachments_blob ON attachments(blob_id);
`,
};
