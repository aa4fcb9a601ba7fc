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
-- A number (generated or copied from a paper ledger) names one live item per case.
CREATE UNIQUE INDEX intake_items_case_number ON intake_items(case_id, number) WHERE deleted_hlc IS NULL;
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
  post             TEXT,
  management_level TEXT,
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
CREATE UNIQUE INDEX leads_case_number ON leads(case_id, number) WHERE deleted_hlc IS NULL;
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

-- Ledger pages (intake:page, leads:page; electron/core/intake-leads/ledger-query.ts), over
-- live rows: one index per sort key, ending in the number so ties keep their order (the
-- expressions must read as in ledger-sql.ts, or SQLite will not use them); a filter
-- index holding every filter column and sort key, so a filtered total or a narrow page
-- reads no table rows; the number and summary for the text filter; sealed leads.
CREATE INDEX intake_page_number ON intake_items(case_id, year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX intake_page_received ON intake_items(case_id, received_date, year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX intake_page_due ON intake_items(case_id,
  coalesce(CASE WHEN status = 'closed' THEN reply_due WHEN scope_decision = 'forward_higher' THEN forward_due ELSE ack_due END, '9999-12-31'),
  year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX intake_page_status ON intake_items(case_id, CASE status WHEN 'open' THEN 0 ELSE 1 END, year, seq)
  WHERE deleted_hlc IS NULL;
CREATE INDEX intake_page_filter ON intake_items(case_id, status, channel, scope_decision, real_name, received_date,
  year, seq, owner_user_id, ack_due, forward_due, reply_due, id) WHERE deleted_hlc IS NULL;
CREATE INDEX intake_page_text ON intake_items(case_id, number, summary) WHERE deleted_hlc IS NULL;
CREATE INDEX intake_replies_kind ON intake_replies(intake_id, kind) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_number ON leads(case_id, year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_received ON leads(case_id, received_date, year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_deadline ON leads(case_id, coalesce(deadline, '9999-12-31'), year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_status ON leads(case_id,
  CASE status WHEN 'registered' THEN 0 WHEN 'proposed' THEN 1 WHEN 'approved' THEN 2 WHEN 'in_progress' THEN 3
    WHEN 'concluded' THEN 4 WHEN 'transferred' THEN 5 WHEN 'held' THEN 6 ELSE 7 END,
  year, seq) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_filter ON leads(case_id, status, disposal, discipline, received_date, year, seq, owner_user_id,
  deadline) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_text ON leads(case_id, number, summary) WHERE deleted_hlc IS NULL;
CREATE INDEX leads_page_sealed ON leads(case_id) WHERE sealed = 1 AND deleted_hlc IS NULL;
`,
};
