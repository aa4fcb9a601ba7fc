import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import { RECORD_TYPES, type RecordType } from './record-types';
import { defaultValue, emptyState, localWrite, type Scalar } from './register';
import { loadState, saveState, setWatermark, watermark } from './state-store';

/**
 * Capture (docs/transfers.md §2): every row changed since the last capture (by
 * `updated_hlc`) is compared, field by field, with what its replication state projects;
 * the fields that differ become one local edit with the dot (this office, the row's
 * `updated_hlc`). A changed live record also re-asserts its tombstone field as null, so
 * a delete concurrent with an edit shows as a conflict on `deleted_hlc`.
 * Services need no change. Idempotent; reads nothing when no row changed.
 */
export function captureLocalChanges(db: Db, officeId: string, hlc: () => string): void {
  const since = watermark(db);
  const now = hlc();
  db.transaction(() => {
    for (const type of RECORD_TYPES) captureType(db, type, since, officeId, hlc, now);
    setWatermark(db, now);
  })();
}

function captureType(
  db: Db,
  type: RecordType,
  since: string,
  officeId: string,
  hlc: () => string,
  now: string,
): void {
  // In pages by rowid, so a first capture of a large vault never holds a whole table.
  const page = stmt(
    db,
    `SELECT rowid AS _rowid, * FROM ${type.table} WHERE rowid > ? AND updated_hlc > ? ORDER BY rowid LIMIT ${CAPTURE_PAGE}`,
  );
  for (let after = 0; ;) {
    const rows = page.all(after, since) as (Record<string, Scalar> & { _rowid: number })[];
    for (const row of rows) captureRow(db, type, row, officeId, hlc, now);
    if (rows.length < CAPTURE_PAGE) return;
    after = rows[rows.length - 1]!._rowid;
  }
}

const CAPTURE_PAGE = 1000;

export function captureRow(
  db: Db,
  type: RecordType,
  row: Record<string, Scalar>,
  officeId: string,
  hlc: () => string,
  now: string,
): boolean {
  const id = String(row.id);
  const stored = loadState(db, type.type, id);
  const state = stored?.state ?? emptyState();
  const overrides = { ...(stored?.overrides ?? {}) };
  const changed: Record<string, Scalar> = {};
  for (const f of type.fields) {
    const value = row[f.name] ?? null;
    const values = state.regs[f.name];
    const shown = f.name in overrides ? overrides[f.name] : defaultValue(values ?? [])?.v;
    if (values === undefined || shown !== value) {
      changed[f.name] = value;
      delete overrides[f.name];
    }
  }
  if (Object.keys(changed).length === 0) return false;
  if (!('deleted_hlc' in changed) && row.deleted_hlc === null) changed.deleted_hlc = null;
  const updated = String(row.updated_hlc);
  const mine = state.vv[officeId];
  const dot = mine === undefined || updated > mine ? updated : hlc();
  saveState(db, type.type, id, localWrite(state, officeId, dot, changed), now, overrides);
  return true;
}
