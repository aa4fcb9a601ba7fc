import type { ConflictValue } from '../../../shared/contracts/conflicts';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { captureLocalChanges } from './capture';
import { visibleTo, type Viewer } from './conflicts';
import { assignNumbers } from './number-rule';
import { TYPE_BY_NAME } from './record-types';
import { defaultValue, fieldInConflict, localWrite, type Scalar } from './register';
import { refreshSearch } from './search-refresh';
import { loadState, saveState } from './state-store';
import { settleUniques } from './unique-rule';

/**
 * Resolves one conflicting field inside the caller's audited transaction: the chosen
 * value (one of the values; for text fields also a typed merged value), checked with
 * the field's schema, becomes a local edit whose dot dominates every value, so it
 * travels like any other edit and ends the conflict everywhere it arrives.
 */
export function resolveConflict(
  db: Db,
  viewer: Viewer,
  input: { type: string; id: string; field: string; value: ConflictValue },
  hlc: string,
  clock: () => string,
): void {
  const type = TYPE_BY_NAME.get(input.type);
  if (!type) throw new AppError('CONFLICT_NOT_FOUND');
  // Local edits made since the last capture are part of what the person saw.
  captureLocalChanges(db, viewer.officeId, clock);
  const row = db.prepare(`SELECT * FROM ${type.table} WHERE id = ?`).get(input.id) as
    Record<string, Scalar> | undefined;
  const stored = loadState(db, input.type, input.id);
  const spec = type.fields.find((f) => f.name === input.field);
  const values = stored?.state.regs[input.field];
  if (!row || !stored || !spec || !values || !fieldInConflict(values) || !visibleTo(db, viewer, type, row))
    throw new AppError('CONFLICT_NOT_FOUND');
  const parsed = spec.schema.safeParse(input.value);
  if (!parsed.success) throw new AppError('CONFLICT_VALUE_INVALID');
  const value = parsed.data as Scalar;
  const isOneOfThem = values.some((x) => x.v === value);
  if (!isOneOfThem && !(spec.text && typeof value === 'string')) throw new AppError('CONFLICT_VALUE_INVALID');

  const overrides = { ...stored.overrides };
  delete overrides[input.field];
  saveState(
    db,
    type.type,
    input.id,
    localWrite(stored.state, viewer.officeId, hlc, { [input.field]: value }),
    hlc,
    overrides,
  );
  db.prepare(`UPDATE ${type.table} SET ${input.field} = ?, updated_hlc = ? WHERE id = ?`).run(
    value,
    hlc,
    input.id,
  );
  if (type.number?.column === input.field) {
    const scope = type.number.scope ? (row[type.number.scope] ?? null) : null;
    const before = defaultValue(values)?.v ?? null;
    assignNumbers(db, type, [input.id], [{ scope, base: before }]);
  }
  if (type.uniqueLive && input.field === 'deleted_hlc') settleUniques(db, type, [input.id]);
  refreshSearch(db, [{ type: type.type, id: input.id }]);
}
