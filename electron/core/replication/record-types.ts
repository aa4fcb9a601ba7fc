import { DELETED_FIELD, fields, type FieldSpec } from './field-schemas';

/**
 * The replicated record types (docs/transfers.md §2): bundle type name, table, the
 * fields that travel, parents (for order and orphan checks), how a row finds its case
 * (case-scoped export), and the columns that stay local. Listed parents before
 * children: export and merge walk this list in order.
 *
 * Not replicated: users, audit_log, office_rules (each office edits its own),
 * lead_sealed_users and work_record_users (links to local accounts), the search index,
 * attachment blobs (they travel as files, by SHA-256).
 */
export interface ParentRef {
  column: string;
  type: string;
}

export interface LocalColumn {
  column: string;
  /** What a record new to this vault gets: null, or the importing user's id (NOT NULL user links). */
  onInsert: 'null' | 'importer';
}

export interface RecordType {
  type: string;
  table: string;
  fields: FieldSpec[];
  parents: ParentRef[];
  /** SQL over alias `t` giving the row's case id, or null for office-wide reference data. */
  caseSql: string | null;
  local: LocalColumn[];
  /**
   * A ledger number unique among a case's live rows: when two offices gave the same
   * number to different records, the earlier record (created_hlc, then id) keeps it
   * and the other shows it with its office's prefix (projection only; see number-rule.ts).
   */
  number?: { column: string; scope: string | null };
  /** Other uniqueness among live rows: a later duplicate is shown hidden (projection only). */
  uniqueLive?: string[][];
}

const t = (
  type: string,
  table: string,
  spec: string,
  rest: Partial<Omit<RecordType, 'type' | 'table' | 'fields'>> = {},
): RecordType => ({
  type,
  table,
  fields: [...fields(spec), DELETED_FIELD],
  parents: rest.parents ?? [],
  caseSql: rest.caseSql ?? null,
  local: rest.local ?? [],
  ...(rest.number ? { number: rest.number } : {}),
  ...(rest.uniqueLive ? { uniqueLive: rest.uniqueLive } : {}),
});

const via = (table: string, column: string) => `(SELECT p.case_id FROM ${table} p WHERE p.id = t.${column})`;

/** The persons and units reported in an intake item or a lead: one shape, two owners. */
const subjectType = (name: string, table: string, owner: string, ownerType: string, ownerTable: string) =>
  t(name, table, `${owner}:id person_id:id? unit_id:id? free_text:s? post:s? management_level:s?`, {
    parents: [
      { column: owner, type: ownerType },
      { column: 'person_id', type: 'person' },
      { column: 'unit_id', type: 'unit' },
    ],
    caseSql: via(ownerTable, owner),
  });

export const RECORD_TYPES: readonly RecordType[] = [
  t('unit', 'units', 'parent_id:id? name:s short_name:s? unit_type:s management_level:s? notes:l?', {
    parents: [{ column: 'parent_id', type: 'unit' }],
  }),
  t(
    'person',
    'persons',
    'name:s gender:s? birth_date:d? unit_id:id? post:s? management_level:s? is_leadership:b id_number:s? aliases:j notes:l?',
    { parents: [{ column: 'unit_id', type: 'unit' }] },
  ),
  t(
    'person-post',
    'person_posts',
    'person_id:id unit_id:id post:s management_level:s? is_leadership:b from_date:d? to_date:d?',
    {
      parents: [
        { column: 'person_id', type: 'person' },
        { column: 'unit_id', type: 'unit' },
      ],
    },
  ),
  t('inspector', 'inspectors', 'person_id:id backgrounds:j skills:l? availability:s notes:l?', {
    parents: [{ column: 'person_id', type: 'person' }],
    uniqueLive: [['person_id']],
  }),
  t(
    'inspector-relation',
    'inspector_relations',
    'inspector_id:id relation_type:s related_person_id:id? related_name:s? related_unit_id:id? from_date:d? to_date:d? notes:l?',
    {
      parents: [
        { column: 'inspector_id', type: 'inspector' },
        { column: 'related_person_id', type: 'person' },
        { column: 'related_unit_id', type: 'unit' },
      ],
    },
  ),
  t('round', 'rounds', 'name:s year:i sequence:i start_date:d? end_date:d?'),
  t(
    'case',
    'cases',
    'round_id:id unit_id:id code:s group_name:s phase:s planned_start:d? planned_end:d? actual_start:d? actual_end:d?',
    {
      parents: [
        { column: 'round_id', type: 'round' },
        { column: 'unit_id', type: 'unit' },
      ],
      caseSql: 't.id',
      number: { column: 'code', scope: null },
    },
  ),
  t(
    'case-member',
    'case_members',
    'case_id:id inspector_id:id group_role:s appraisal:l? override_reason:l?',
    {
      parents: [
        { column: 'case_id', type: 'case' },
        { column: 'inspector_id', type: 'inspector' },
      ],
      caseSql: 't.case_id',
      local: [{ column: 'user_id', onInsert: 'null' }],
      uniqueLive: [['case_id', 'inspector_id']],
    },
  ),
  t(
    'intake',
    'intake_items',
    `case_id:id year:i seq:i number:s channel:e(letter|call|visit|online|referral) received_date:d real_name:b
     summary:l content:l scope_decision:e(accept|forward_higher|forward_other|not_accepted)? scope_reason:l?
     decided_date:d? ack_due:d? forward_due:d? closed_date:d? reply_due:d? status:e(open|closed)`,
    {
      parents: [{ column: 'case_id', type: 'case' }],
      caseSql: 't.case_id',
      local: [{ column: 'owner_user_id', onInsert: 'null' }],
      number: { column: 'number', scope: 'case_id' },
    },
  ),
  t('intake-reporter', 'intake_reporters', 'intake_id:id name:s? unit_or_address:s? contact:s?', {
    parents: [{ column: 'intake_id', type: 'intake' }],
    caseSql: via('intake_items', 'intake_id'),
    uniqueLive: [['intake_id']],
  }),
  subjectType('intake-subject', 'intake_subjects', 'intake_id', 'intake', 'intake_items'),
  t(
    'intake-reply',
    'intake_replies',
    'intake_id:id kind:e(acknowledgement|result) reply_date:d way:s text:l',
    {
      parents: [{ column: 'intake_id', type: 'intake' }],
      caseSql: via('intake_items', 'intake_id'),
    },
  ),
  t(
    'lead',
    'leads',
    `case_id:id year:i seq:i number:s received_date:d summary:l discipline:s? tags:j disposal:s?
     receiving_body:s? deadline:d? status:s result:l? feedback_date:d? sealed:b`,
    {
      parents: [{ column: 'case_id', type: 'case' }],
      caseSql: 't.case_id',
      local: [
        { column: 'approver_user_id', onInsert: 'null' },
        { column: 'owner_user_id', onInsert: 'null' },
      ],
      number: { column: 'number', scope: 'case_id' },
    },
  ),
  t(
    'work-record',
    'work_records',
    `case_id:id kind:e(talk|document_request|visit) year:i seq:i number:s record_date:d interviewee_person_id:id?
     interviewee_name:s? interviewee_post:s? place:s? subject:s? unit_id:id? received_date:d?
     status:e(requested|partially_received|received|returned|cancelled)? visit_mode:e(field|unannounced)?
     notes:l? removed_reason:l?`,
    {
      parents: [
        { column: 'case_id', type: 'case' },
        { column: 'interviewee_person_id', type: 'person' },
        { column: 'unit_id', type: 'unit' },
      ],
      caseSql: 't.case_id',
    },
  ),
  t(
    'lead-source',
    'lead_sources',
    'lead_id:id kind:e(intake|talk|document_review|visit|data_analysis) intake_id:id? note:l? work_record_id:id?',
    {
      parents: [
        { column: 'lead_id', type: 'lead' },
        { column: 'intake_id', type: 'intake' },
        { column: 'work_record_id', type: 'work-record' },
      ],
      caseSql: via('leads', 'lead_id'),
    },
  ),
  subjectType('lead-subject', 'lead_subjects', 'lead_id', 'lead', 'leads'),
  t(
    'lead-step',
    'lead_steps',
    'lead_id:id action:s from_status:s to_status:s actor_name:s wall_time:d note:l?',
    {
      parents: [{ column: 'lead_id', type: 'lead' }],
      caseSql: via('leads', 'lead_id'),
      // The signer travels as actor_name; the account link is the importing user's.
      local: [{ column: 'actor_user_id', onInsert: 'importer' }],
    },
  ),
  t('work-record-lead', 'work_record_leads', 'work_record_id:id lead_id:id', {
    parents: [
      { column: 'work_record_id', type: 'work-record' },
      { column: 'lead_id', type: 'lead' },
    ],
    caseSql: via('work_records', 'work_record_id'),
    uniqueLive: [['work_record_id', 'lead_id']],
  }),
  t(
    'attachment',
    'attachments',
    `record_type:e(intake|lead|talk|document_request|visit|person|unit) record_id:id case_id:id? sha256:s size:i
     file_name:s mime:s extension:s? uploaded_at:d removed_reason:l?`,
    {
      parents: [{ column: 'case_id', type: 'case' }],
      caseSql: 't.case_id',
      local: [
        { column: 'uploader_user_id', onInsert: 'importer' },
        // Found again by SHA-256 among this vault's stored blobs (see projection.ts).
        { column: 'blob_id', onInsert: 'null' },
      ],
    },
  ),
];

export const TYPE_BY_NAME: ReadonlyMap<string, RecordType> = new Map(RECORD_TYPES.map((r) => [r.type, r]));
export const TYPE_ORDER: ReadonlyMap<string, number> = new Map(RECORD_TYPES.map((r, i) => [r.type, i]));

/** The attachment's polymorphic parent: record_type → bundle type. */
export const ATTACHMENT_PARENT: Record<string, string> = {
  intake: 'intake',
  lead: 'lead',
  talk: 'work-record',
  document_request: 'work-record',
  visit: 'work-record',
  person: 'person',
  unit: 'unit',
};

export function parentsOf(type: RecordType, values: Record<string, unknown>): { type: string; id: string }[] {
  const out: { type: string; id: string }[] = [];
  for (const p of type.parents) {
    const id = values[p.column];
    if (typeof id === 'string') out.push({ type: p.type, id });
  }
  if (type.type === 'attachment') {
    const parentType = ATTACHMENT_PARENT[String(values.record_type)];
    if (parentType && typeof values.record_id === 'string')
      out.push({ type: parentType, id: values.record_id });
  }
  return out;
}
