import {
  mayReadAttachments,
  mayWriteAttachments,
  type AttachableType,
} from '../../../shared/contracts/attachments';
import { AppError } from '../errors';
import { canReadCase } from '../intake-leads/common';
import type { ServiceContext } from '../service-context';

/** Where each record type lives, and whether its rows belong to a case. */
const TABLES: Record<AttachableType, { table: string; kind?: string }> = {
  intake: { table: 'intake_items' },
  lead: { table: 'leads' },
  talk: { table: 'work_records', kind: 'talk' },
  document_request: { table: 'work_records', kind: 'document_request' },
  visit: { table: 'work_records', kind: 'visit' },
  person: { table: 'persons' },
  unit: { table: 'units' },
};
const CASE_TABLES = new Set(['intake_items', 'leads', 'work_records']);

/**
 * The record an attachment hangs on, checked for the caller: the role may read (or
 * add to and remove from) this type's attachments, the record is live, in a case the
 * caller belongs to, and visible to them (a sealed lead). A record the caller may not
 * see does not exist for them. Returns the record's case (null for persons and units).
 */
export function checkRecord(
  ctx: ServiceContext,
  type: AttachableType,
  id: string,
  mode: 'read' | 'write',
): { caseId: string | null } {
  const roles = ctx.user().roles;
  const allowed = mode === 'read' ? mayReadAttachments(type, roles) : mayWriteAttachments(type, roles);
  if (!allowed) throw new AppError('ROLE_FORBIDDEN');
  const { caseId } = findRecord(ctx, type, id) ?? {};
  if (caseId === undefined) throw new AppError('RECORD_NOT_FOUND');
  return { caseId };
}

/** Like checkRecord, as a yes/no for reading (for counts that must not reveal anything). */
export function mayReadRecord(ctx: ServiceContext, type: AttachableType, id: string): boolean {
  return mayReadAttachments(type, ctx.user().roles) && findRecord(ctx, type, id) !== null;
}

function findRecord(ctx: ServiceContext, type: AttachableType, id: string): { caseId: string | null } | null {
  const { table, kind } = TABLES[type];
  const withCase = CASE_TABLES.has(table);
  const row = ctx
    .db()
    .prepare(
      `SELECT ${withCase ? 'case_id' : 'NULL AS case_id'} FROM ${table}
       WHERE id = ? AND deleted_hlc IS NULL ${kind ? 'AND kind = ?' : ''}`,
    )
    .get(...(kind ? [id, kind] : [id])) as { case_id: string | null } | undefined;
  if (!row) return null;
  if (row.case_id !== null && !canReadCase(ctx, row.case_id)) return null;
  if (!ctx.canSee(type, id)) return null;
  return { caseId: row.case_id };
}
