import type { Migration } from './migration';

/**
 * Intake ledger (信访举报台账) and lead ledger (问题线索台账) of a case. The reporter's
 * identity lives in its own table (`intake_reporters`) so no list, index or export
 * reads it by accident. Lead steps are the handlers' signatures: one row per
 * transition of the lead state machine. Every table follows the record conventions.
 */
const RECORD = `
  id            TEXT PRIMARY KEY,
  origin_office TEXT NOT NULL,
  created_hlc   TEXT NOT NULL,
  updated_hlc   TEXT NOT NULL,
  deleted_hlc   TEXT`;

export const migration0005: Migration = {
  version: 5,
  name: 'intake-leads-records',
  sql: `
CREATE TABLE intake_items (${RECORD},
  case_id          TEXT NOT NULL REFERENCES cases(id),
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  number           TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('letter', 'call', 'visit', 'online', 'referral')),
  received_date    TEXT NOT NULL,
  real_name        INTEGER NOT NULL CHECK (real_name IN (0, 1)),
  summary          TEXT NOT NULL,
  content          TEXT NOT NULL,
  scope_decision   TEXT CHECK (scope_decision IN ('accept', 'forward_higher', 'forward_other', 'not_accepted')),
  scope_reason     TEXT,
  decided_date     TEXT,
  ack_due          TEXT,
  forward_due      TEXT,
  closed_date      TEXT,
  reply_due        TEXT,
  owner_user_id    TEXT REFERENCES users(id),
  status           TEXT NOT NULL CHECK (status IN ('open', 'closed'))
) STRICT;
CREATE UNIQUE INDEX intake_items_number ON intake_items(case_id, year, seq);
CREATE INDEX intake_items_case ON intake_items(case_id, received_date);

-- Protected: read only for intake officers and group leaders, never indexed or audited.
CREATE TABLE intake_reporters (${RECORD},
  intake_id        TEXT NOT NULL UNIQUE REFERENCES intake_items(id),
  name             TEXT,
  unit_or_address  TEXT,
  contact          TEXT
) STRICT;

CREATE TABLE intake_subjects (${RECORD},
  intake_id        TEXT NOT NULL REFERENCES intake_items(id),
  person_id        TEXT REFERENCES persons(id),
  unit_id          TEXT REFERENCES units(id),
  free_text        TEXT,
  CHECK (person_id IS NOT NULL OR unit_id IS NOT NULL OR free_text IS NOT NULL)
) STRICT;
CREATE INDEX intake_subjects_intake ON intake_subjects(intake_id);

CREATE TABLE intake_replies (${RECORD},
  intake_id        TEXT NOT NULL REFERENCES intake_items(id),
  kind             TEXT NOT NULL CHECK (kind IN ('acknowledgement', 'result')),
  reply_date       TEXT NOT NULL,
  way              TEXT NOT NULL,
  text             TEXT NOT NULL
) STRICT;
CREATE INDEX intake_replies_intake ON intake_replies(intake_id);

CREATE TABLE leads (${RECORD},
  case_id          TEXT NOT NULL REFERENCES cases(id),
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  number           TEXT NOT NULL,
  received_date    TEXT NOT NULL,
  summary          TEXT NOT NULL,
  discipline       TEXT,
  tags             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  disposal         TEXT,
  receiving_body   TEXT,
  approver_user_id TEXT REFERENCES users(id),
  owner_user_id    TEXT REFERENCES users(id),
  deadline         TEXT,
  status           TEXT NOT NULL,
  result           TEXT,
  feedback_date    TEXT,
  sealed           INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX leads_number ON leads(case_id, year, seq);
CREATE INDEX leads_case ON leads(case_id, received_date);

CREATE TABLE lead_sealed_users (${RECORD},
  lead_id          TEXT NOT NULL REFERENCES leads(id),
  user_id          TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE UNIQUE INDEX lead_sealed_users_once ON lead_sealed_users(lead_id, user_id) WHERE deleted_hlc IS NULL;

CREATE TABLE lead_sources (${RECORD},
  lead_id          TEXT NOT NULL REFERENCES leads(id),
  kind             TEXT NOT NULL CHECK (kind IN ('intake', 'talk', 'document_review', 'visit', 'data_analysis')),
  intake_id        TEXT REFERENCES intake_items(id),
  note             TEXT,
  CHECK (kind <> 'intake' OR intake_id IS NOT NULL)
) STRICT;
CREATE INDEX lead_sources_lead ON lead_sources(lead_id);
CREATE INDEX lead_sources_intake ON lead_sources(intake_id);

CREATE TABLE lead_subjects (${RECORD},
  lead_id          TEXT NOT NULL REFERENCES leads(id),
  person_id        TEXT REFERENCES persons(id),
  unit_id          TEXT REFERENCES units(id),
  free_text        TEXT,
  post             TEXT,
  management_level TEXT,
  CHECK (person_id IS NOT NULL OR unit_id IS NOT NULL OR free_text IS NOT NULL)
) STRICT;
CREATE INDEX lead_subjects_lead ON lead_subjects(lead_id);

CREATE TABLE lead_steps (${RECORD},
  lead_id          TEXT NOT NULL REFERENCES leads(id),
  action           TEXT NOT NULL,
  from_status      TEXT NOT NULL,
  to_status        TEXT NOT NULL,
  actor_user_id    TEXT NOT NULL REFERENCES users(id),
  actor_name       TEXT NOT NULL,
  wall_time        TEXT NOT NULL,
  note             TEXT
) STRICT;
CREATE INDEX lead_steps_lead ON lead_steps(lead_id, created_hlc);
`,
};
