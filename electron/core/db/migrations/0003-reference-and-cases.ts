import type { Migration } from './migration';

/**
 * Reference data and cases: units (被巡视单位 and other bodies), persons and their
 * post history, the inspector pool with declared relations, office rules (editable
 * data: deadlines, warning thresholds, categories, recusal rules, holiday calendar),
 * inspection rounds, cases and their groups. Every table follows the record
 * conventions of 0001 (UUID id, origin office, HLC stamps, tombstone).
 */
const RECORD = `
  id            TEXT PRIMARY KEY,
  origin_office TEXT NOT NULL,
  created_hlc   TEXT NOT NULL,
  updated_hlc   TEXT NOT NULL,
  deleted_hlc   TEXT`;

export const migration0003: Migration = {
  version: 3,
  name: 'reference-and-cases',
  sql: `
CREATE TABLE office_rules (${RECORD},
  rule_key      TEXT NOT NULL,
  value         TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
CREATE UNIQUE INDEX office_rules_key ON office_rules(rule_key) WHERE deleted_hlc IS NULL;

CREATE TABLE units (${RECORD},
  parent_id        TEXT REFERENCES units(id),
  name             TEXT NOT NULL,
  short_name       TEXT,
  unit_type        TEXT NOT NULL,
  management_level TEXT,
  notes            TEXT
) STRICT;
CREATE INDEX units_parent ON units(parent_id, name);
CREATE INDEX units_name ON units(name);

CREATE TABLE persons (${RECORD},
  name             TEXT NOT NULL,
  gender           TEXT,
  birth_date       TEXT,
  unit_id          TEXT REFERENCES units(id),
  post             TEXT,
  management_level TEXT,
  is_leadership    INTEGER NOT NULL DEFAULT 0 CHECK (is_leadership IN (0, 1)),
  id_number        TEXT,
  aliases          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  notes            TEXT
) STRICT;
CREATE INDEX persons_unit ON persons(unit_id, name);
CREATE INDEX persons_name ON persons(name);

CREATE TABLE person_posts (${RECORD},
  person_id        TEXT NOT NULL REFERENCES persons(id),
  unit_id          TEXT NOT NULL REFERENCES units(id),
  post             TEXT NOT NULL,
  management_level TEXT,
  is_leadership    INTEGER NOT NULL DEFAULT 0 CHECK (is_leadership IN (0, 1)),
  from_date        TEXT,
  to_date          TEXT,
  CHECK (from_date IS NULL OR to_date IS NULL OR from_date <= to_date)
) STRICT;
CREATE INDEX person_posts_person ON person_posts(person_id, from_date);
CREATE INDEX person_posts_unit ON person_posts(unit_id, from_date);

CREATE TABLE inspectors (${RECORD},
  person_id     TEXT NOT NULL REFERENCES persons(id),
  backgrounds   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(backgrounds)),
  skills        TEXT,
  availability  TEXT NOT NULL DEFAULT 'available',
  notes         TEXT
) STRICT;
CREATE UNIQUE INDEX inspectors_person ON inspectors(person_id) WHERE deleted_hlc IS NULL;

CREATE TABLE inspector_relations (${RECORD},
  inspector_id      TEXT NOT NULL REFERENCES inspectors(id),
  relation_type     TEXT NOT NULL,
  related_person_id TEXT REFERENCES persons(id),
  related_name      TEXT,
  related_unit_id   TEXT REFERENCES units(id),
  from_date         TEXT,
  to_date           TEXT,
  notes             TEXT
) STRICT;
CREATE INDEX inspector_relations_inspector ON inspector_relations(inspector_id);

CREATE TABLE rounds (${RECORD},
  name          TEXT NOT NULL,
  year          INTEGER NOT NULL,
  sequence      INTEGER NOT NULL,
  start_date    TEXT,
  end_date      TEXT
) STRICT;

CREATE TABLE cases (${RECORD},
  round_id         TEXT NOT NULL REFERENCES rounds(id),
  unit_id          TEXT NOT NULL REFERENCES units(id),
  code             TEXT NOT NULL,
  group_name       TEXT NOT NULL,
  phase            TEXT NOT NULL,
  planned_start    TEXT,
  planned_end      TEXT,
  actual_start     TEXT,
  actual_end       TEXT,
  CHECK (planned_start IS NULL OR planned_end IS NULL OR planned_start <= planned_end),
  CHECK (actual_start IS NULL OR actual_end IS NULL OR actual_start <= actual_end)
) STRICT;
CREATE UNIQUE INDEX cases_code ON cases(code) WHERE deleted_hlc IS NULL;
CREATE INDEX cases_round ON cases(round_id);

CREATE TABLE case_members (${RECORD},
  case_id          TEXT NOT NULL REFERENCES cases(id),
  inspector_id     TEXT NOT NULL REFERENCES inspectors(id),
  group_role       TEXT NOT NULL,
  user_id          TEXT REFERENCES users(id),
  appraisal        TEXT,
  override_reason  TEXT
) STRICT;
CREATE UNIQUE INDEX case_members_once ON case_members(case_id, inspector_id) WHERE deleted_hlc IS NULL;
CREATE INDEX case_members_user ON case_members(user_id);
`,
};
