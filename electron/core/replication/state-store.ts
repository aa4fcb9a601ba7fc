import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import { canonicalParts, conflictingFields, decodeRegs, type RecordState, type Scalar } from './register';

/** Reads and writes `replication_state` rows (migration 0008). */
export interface StoredState {
  state: RecordState;
  conflict: boolean;
  changedHlc: string;
  /** Projection-only values (field → value shown in the row), never captured as edits. */
  overrides: Record<string, Scalar>;
}

interface Row {
  vv: string;
  regs: string;
  conflict: number;
  changed_hlc: string;
  overrides: string | null;
}

export function loadState(db: Db, type: string, id: string): StoredState | undefined {
  const row = stmt(
    db,
    'SELECT vv, regs, conflict, changed_hlc, overrides FROM replication_state WHERE record_type = ? AND record_id = ?',
  ).get(type, id) as Row | undefined;
  if (!row) return undefined;
  return {
    state: { vv: JSON.parse(row.vv) as RecordState['vv'], regs: decodeRegs(row.regs) },
    conflict: row.conflict === 1,
    changedHlc: row.changed_hlc,
    overrides: row.overrides ? (JSON.parse(row.overrides) as Record<string, Scalar>) : {},
  };
}

export function saveState(
  db: Db,
  type: string,
  id: string,
  state: RecordState,
  changedHlc: string,
  overrides: Record<string, Scalar>,
): void {
  const conflict = conflictingFields(state).length > 0 ? 1 : 0;
  // Canonical (keys sorted, values in dot order): equal states are stored byte for byte equal.
  const canonical = canonicalParts(state);
  stmt(
    db,
    `INSERT INTO replication_state (record_type, record_id, vv, regs, conflict, changed_hlc, overrides)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (record_type, record_id) DO UPDATE SET vv = excluded.vv, regs = excluded.regs,
       conflict = excluded.conflict, changed_hlc = excluded.changed_hlc, overrides = excluded.overrides`,
  ).run(
    type,
    id,
    canonical.vv,
    canonical.regs,
    conflict,
    changedHlc,
    Object.keys(overrides).length > 0 ? JSON.stringify(overrides) : null,
  );
}

export function saveOverrides(db: Db, type: string, id: string, overrides: Record<string, Scalar>): void {
  stmt(db, 'UPDATE replication_state SET overrides = ? WHERE record_type = ? AND record_id = ?').run(
    Object.keys(overrides).length > 0 ? JSON.stringify(overrides) : null,
    type,
    id,
  );
}

export function watermark(db: Db): string {
  const row = stmt(db, 'SELECT captured_hlc FROM replication_watermark WHERE id = 1').get() as
    { captured_hlc: string } | undefined;
  return row?.captured_hlc ?? '';
}

export function setWatermark(db: Db, hlc: string): void {
  stmt(
    db,
    `INSERT INTO replication_watermark (id, captured_hlc) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET captured_hlc = excluded.captured_hlc`,
  ).run(hlc);
}
