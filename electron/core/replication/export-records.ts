import type { Db } from '../db/open-database';
import { toEnvelope, type RecordEnvelope } from './envelope';
import { exportScope, type ExportQuery } from './export-scope';
import { RECORD_TYPES, type RecordType } from './record-types';
import { decodeRegs, type RecordState, type Scalar } from './register';

export interface ExportPlan {
  /** Per record type, what will go out. */
  counts: Record<string, number>;
  /** Withheld by role or by choice. */
  excluded: { sealed: number; protected: number };
  /** SHA-256 of every attachment blob the records reference. */
  attachmentHashes: string[];
}

const BATCH = 500;
type Row = Record<string, Scalar> & { rep_vv: string; rep_regs: string; rep_changed: string };

/** Rows of one type among `ids` with their replication state, changed after `since`, in batches. */
function* rowsWithState(db: Db, type: RecordType, ids: string[], since: string | undefined): Generator<Row> {
  const stmt = db.prepare(
    `SELECT t.*, s.vv AS rep_vv, s.regs AS rep_regs, s.changed_hlc AS rep_changed
     FROM ${type.table} t JOIN replication_state s ON s.record_type = ? AND s.record_id = t.id
     WHERE t.id IN (SELECT value FROM json_each(?)) AND s.changed_hlc > ?
     ORDER BY t.created_hlc, t.id`,
  );
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = stmt.all(type.type, JSON.stringify(ids.slice(i, i + BATCH)), since ?? '') as Row[];
    yield* type.type === 'unit' ? parentsFirst(rows) : rows;
  }
}

/** Units whose parent is in the same list come after it. */
function parentsFirst(rows: Row[]): Row[] {
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const out: Row[] = [];
  const done = new Set<string>();
  const visit = (r: Row, depth: number) => {
    const id = String(r.id);
    if (done.has(id) || depth > 1000) return;
    const parent = r.parent_id ? byId.get(String(r.parent_id)) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(id);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

function unitIds(db: Db, ids: Set<string>): string[] {
  // Whole unit trees first by depth, so a batch boundary never puts a child before its parent.
  const rows = db
    .prepare(
      `WITH RECURSIVE d(id, depth) AS (
         SELECT id, 0 FROM units WHERE parent_id IS NULL
         UNION ALL SELECT u.id, d.depth + 1 FROM units u JOIN d ON u.parent_id = d.id WHERE d.depth < 1000)
       SELECT id FROM d ORDER BY depth, id`,
    )
    .all() as { id: string }[];
  const ordered = rows.map((r) => r.id).filter((id) => ids.has(id));
  const seen = new Set(ordered);
  return [...ordered, ...[...ids].filter((id) => !seen.has(id))];
}

/** Counts for the export preview (no envelopes built). */
export function planExport(db: Db, query: ExportQuery): ExportPlan {
  const scope = exportScope(db, query);
  const counts: Record<string, number> = {};
  const hashes = new Set<string>();
  for (const type of RECORD_TYPES) {
    const ids = [...scope.ids.get(type.type)!];
    let n = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const rows = db
        .prepare(
          `SELECT ${type.type === 'attachment' ? 't.sha256, t.blob_id, t.deleted_hlc' : 't.id'} FROM ${type.table} t
           JOIN replication_state s ON s.record_type = ? AND s.record_id = t.id
           WHERE t.id IN (SELECT value FROM json_each(?)) AND s.changed_hlc > ?`,
        )
        .all(type.type, JSON.stringify(ids.slice(i, i + BATCH)), query.since ?? '') as Record<
        string,
        Scalar
      >[];
      n += rows.length;
      if (type.type === 'attachment')
        for (const r of rows) if (r.blob_id !== null && r.deleted_hlc === null) hashes.add(String(r.sha256));
    }
    if (n > 0) counts[type.type] = n;
  }
  return { counts, excluded: scope.excluded, attachmentHashes: [...hashes].sort() };
}

/** The envelopes, parents before children, streamed in batches. */
export function* exportRecords(db: Db, query: ExportQuery): Generator<RecordEnvelope> {
  const scope = exportScope(db, query);
  for (const type of RECORD_TYPES) {
    const set = scope.ids.get(type.type)!;
    const ids = type.type === 'unit' ? unitIds(db, set) : [...set].sort();
    for (const row of rowsWithState(db, type, ids, query.since)) {
      const state: RecordState = {
        vv: JSON.parse(row.rep_vv) as RecordState['vv'],
        regs: decodeRegs(row.rep_regs),
      };
      yield toEnvelope(type, row, state);
    }
  }
}
