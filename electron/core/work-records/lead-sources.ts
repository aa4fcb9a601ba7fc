import { randomUUID } from 'node:crypto';
import type { LEAD_SOURCE_KINDS } from '../../../shared/contracts/intake-leads';
import type { WorkRecordKind } from '../../../shared/contracts/work-records';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/**
 * A lead whose source is a talk, a document review or a visit may name the work
 * record it came from (lead_sources.work_record_id). Used by the lead services when
 * they register or edit a lead's sources.
 */
type SourceKind = (typeof LEAD_SOURCE_KINDS)[number];
const RECORD_KIND: Partial<Record<string, WorkRecordKind>> &
  Record<Exclude<SourceKind, 'intake' | 'data_analysis'>, WorkRecordKind> = {
  talk: 'talk',
  document_review: 'document_request',
  visit: 'visit',
};

interface Source {
  kind: string;
  workRecordId?: string | null | undefined;
}

/** Each named work record is live, in the lead's case, and of the source's kind. */
export function checkWorkRecordSources(db: Db, caseId: string, sources: readonly Source[]): void {
  for (const s of sources) {
    if (!s.workRecordId) continue;
    const row = db
      .prepare('SELECT kind FROM work_records WHERE id = ? AND case_id = ? AND deleted_hlc IS NULL')
      .get(s.workRecordId, caseId) as { kind: WorkRecordKind } | undefined;
    if (!row || RECORD_KIND[s.kind] !== row.kind) throw new AppError('WORK_RECORD_LINK_INVALID');
  }
}

/** Links the lead to the work records its sources name (in the caller's write transaction). */
export function linkSourceRecords(
  db: Db,
  leadId: string,
  sources: readonly Source[],
  stamp: { hlc: string; office: string },
): void {
  for (const s of sources) {
    if (!s.workRecordId) continue;
    const linked = db
      .prepare(
        'SELECT 1 FROM work_record_leads WHERE work_record_id = ? AND lead_id = ? AND deleted_hlc IS NULL',
      )
      .get(s.workRecordId, leadId);
    if (linked) continue;
    db.prepare(
      `INSERT INTO work_record_leads (id, origin_office, created_hlc, updated_hlc, work_record_id, lead_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(randomUUID(), stamp.office, stamp.hlc, stamp.hlc, s.workRecordId, leadId);
  }
}
