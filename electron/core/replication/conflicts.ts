import type { ConflictDetail, ConflictSummary, ConflictValue } from '../../../shared/contracts/conflicts';
import { REPORTER_READERS } from '../../../shared/contracts/intake-leads';
import type { Role } from '../../../shared/roles';
import { parseHlc } from '../clock/hlc';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { isLeadVisible } from '../intake-leads/lead-repo';
import { isCaseMember } from '../reference/case-access';
import { TYPE_BY_NAME, type RecordType } from './record-types';
import { decodeRegs, defaultValue, fieldInConflict, type Scalar } from './register';
import { loadState } from './state-store';

/**
 * Reading conflicts (docs/transfers.md §2 "Conflicts"): which records hold a field with
 * concurrent values, visible to this user — case content only to the case's group, a
 * sealed lead (and what hangs on it) only to its named readers, a reporter's identity
 * only to the roles that read reporters; reference data to every case role.
 */
export interface Viewer {
  userId: string;
  roles: readonly Role[];
  officeId: string;
  officeName: string;
}

type Row = Record<string, Scalar>;

export function caseOf(db: Db, type: RecordType, id: string): string | null {
  if (!type.caseSql) return null;
  const row = db.prepare(`SELECT ${type.caseSql} AS c FROM ${type.table} t WHERE t.id = ?`).get(id) as
    { c: string | null } | undefined;
  return row?.c ?? null;
}

/** The lead a record belongs to (sealed visibility), if any. */
function leadOf(type: RecordType, row: Row): string | null {
  if (type.type === 'lead') return String(row.id);
  if (typeof row.lead_id === 'string') return row.lead_id;
  if (type.type === 'attachment' && row.record_type === 'lead') return String(row.record_id);
  return null;
}

export function visibleTo(db: Db, viewer: Viewer, type: RecordType, row: Row): boolean {
  if (
    type.type === 'intake-reporter' &&
    !viewer.roles.some((r) => (REPORTER_READERS as readonly string[]).includes(r))
  )
    return false;
  const caseId = caseOf(db, type, String(row.id));
  if (type.caseSql && (!caseId || !isCaseMember(db, caseId, viewer.userId))) return false;
  const lead = leadOf(type, row);
  return lead === null || isLeadVisible(db, lead, viewer.userId);
}

/** How a person knows the record: its number and summary, code, name or file name. */
export function labelOf(row: Row): string {
  const parts = [
    row.number ?? row.code,
    row.summary ?? row.name ?? row.file_name ?? row.subject ?? row.interviewee_name,
  ];
  const label = parts.filter((p) => typeof p === 'string' && p.length > 0).join(' ');
  return (label || String(row.id).slice(0, 8)).slice(0, 200);
}

const atOf = (hlc: string | null): string | null => {
  if (!hlc) return null;
  try {
    return new Date(parseHlc(hlc).ms).toISOString();
  } catch {
    return null;
  }
};

function officeNames(db: Db, viewer: Viewer): (id: string) => string | null {
  const cache = new Map<string, string | null>([[viewer.officeId, viewer.officeName]]);
  return (id) => {
    if (!cache.has(id)) {
      let name: string | null = null;
      try {
        const row = db.prepare('SELECT name FROM trusted_offices WHERE office_id = ?').get(id) as
          { name: string } | undefined;
        name = row?.name ?? null;
      } catch {
        name = null; // No trust store in this vault (older schema): the office id is shown instead.
      }
      cache.set(id, name);
    }
    return cache.get(id)!;
  };
}

export function listConflicts(db: Db, viewer: Viewer, caseId?: string): ConflictSummary[] {
  const rows = db
    .prepare(
      'SELECT record_type, record_id, regs, changed_hlc FROM replication_state WHERE conflict = 1 ORDER BY changed_hlc DESC',
    )
    .all() as { record_type: string; record_id: string; regs: string; changed_hlc: string }[];
  const out: ConflictSummary[] = [];
  for (const r of rows) {
    const type = TYPE_BY_NAME.get(r.record_type);
    if (!type) continue;
    const row = db.prepare(`SELECT * FROM ${type.table} WHERE id = ?`).get(r.record_id) as Row | undefined;
    if (!row || !visibleTo(db, viewer, type, row)) continue;
    const recordCase = caseOf(db, type, r.record_id);
    if (caseId && recordCase !== caseId) continue;
    const regs = decodeRegs(r.regs);
    out.push({
      type: type.type,
      id: r.record_id,
      caseId: recordCase,
      label: labelOf(row),
      fields: Object.keys(regs)
        .filter((f) => fieldInConflict(regs[f]!))
        .sort(),
      changedAt: atOf(r.changed_hlc),
    });
  }
  return out;
}

/** The record's conflicting fields with every value, its office and time; throws CONFLICT_NOT_FOUND. */
export function conflictDetail(db: Db, viewer: Viewer, typeName: string, id: string): ConflictDetail | null {
  const type = TYPE_BY_NAME.get(typeName);
  if (!type) throw new AppError('CONFLICT_NOT_FOUND');
  const row = db.prepare(`SELECT * FROM ${type.table} WHERE id = ?`).get(id) as Row | undefined;
  const stored = loadState(db, typeName, id);
  if (!row || !stored || !visibleTo(db, viewer, type, row)) throw new AppError('CONFLICT_NOT_FOUND');
  const names = officeNames(db, viewer);
  const fields = type.fields
    .filter((f) => fieldInConflict(stored.state.regs[f.name] ?? []))
    .map((f) => {
      const values = stored.state.regs[f.name]!;
      const shown = defaultValue(values);
      return {
        field: f.name,
        text: f.text,
        nullable: f.nullable,
        values: [...values].reverse().map((x) => ({
          value: x.v as ConflictValue,
          officeId: x.o,
          officeName: names(x.o),
          at: atOf(x.h),
          shown: x === shown,
        })),
      };
    });
  if (fields.length === 0) return null;
  return { type: type.type, id, caseId: caseOf(db, type, id), label: labelOf(row), fields };
}
