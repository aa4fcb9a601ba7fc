import type { Migration } from './migration';

/**
 * Replication state (docs/transfers.md §2): per replicated record, its version vector
 * and per-field values with their dots, whether a field holds concurrent values (a
 * conflict), the local HLC of its last change (incremental export) and projection-only
 * overrides (a ledger number shown with its office prefix, a hidden duplicate) that
 * capture must not mistake for edits. The watermark is the HLC of the last capture.
 *
 * Ledger sequences become unique per origin office: two offices may both have given
 * sequence 5 in a case; the number shown stays unique among live rows (number-rule.ts).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'replication-state',
  sql: `
CREATE TABLE replication_state (
  record_type  TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  vv           TEXT NOT NULL CHECK (json_valid(vv)),
  regs         TEXT NOT NULL CHECK (json_valid(regs)),
  conflict     INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),
  changed_hlc  TEXT NOT NULL,
  overrides    TEXT CHECK (overrides IS NULL OR json_valid(overrides)),
  PRIMARY KEY (record_type, record_id)
) STRICT;
CREATE INDEX replication_state_changed ON replication_state(changed_hlc);
CREATE INDEX replication_state_conflicts ON replication_state(record_type, record_id) WHERE conflict = 1;

CREATE TABLE replication_watermark (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  captured_hlc TEXT NOT NULL
) STRICT;

DROP INDEX intake_items_number;
CREATE UNIQUE INDEX intake_items_number ON intake_items(case_id, year, seq, origin_office);
DROP INDEX leads_number;
CREATE UNIQUE INDEX leads_number ON leads(case_id, year, seq, origin_office);
DROP INDEX work_records_number;
CREATE UNIQUE INDEX work_records_number ON work_records(case_id, kind, year, seq, origin_office);
-- The number rule reads every row (live or not) whose shown number starts with a given number.
CREATE INDEX intake_items_number_all ON intake_items(case_id, number);
CREATE INDEX leads_number_all ON leads(case_id, number);
CREATE INDEX cases_code_all ON cases(code);
`,
};
