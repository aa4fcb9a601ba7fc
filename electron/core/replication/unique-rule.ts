import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import type { RecordType } from './record-types';
import { defaultValue, type Scalar } from './register';
import { loadState, saveOverrides } from './state-store';

/**
 * Other uniqueness among live rows (one inspector per person, a member once per case,
 * one reporter per intake item, a work record linked once to a lead). When two offices
 * created such a record independently, the earliest (created_hlc, then id) stays live
 * and each other is shown tombstoned (its own created_hlc as `deleted_hlc`), a
 * projection override that capture ignores and each merge recomputes. projectRow writes
 * these rows hidden first; this pass shows the winners.
 */
export function settleUniques(db: Db, type: RecordType, touchedIds: Iterable<string>): void {
  for (const key of type.uniqueLive ?? []) {
    const done = new Set<string>();
    for (const id of touchedIds) {
      const row = stmt(db, `SELECT * FROM ${type.table} WHERE id = ?`).get(id) as
        Record<string, Scalar> | undefined;
      if (!row) continue;
      const groupKey = key.map((k) => String(row[k])).join('\u0000');
      if (done.has(groupKey)) continue;
      done.add(groupKey);
      const where = key.map((k) => `${k} = @${k}`).join(' AND ');
      const members = stmt(db, `SELECT id, created_hlc FROM ${type.table} WHERE ${where}`).all(
        Object.fromEntries(key.map((k) => [k, row[k]])),
      ) as { id: string; created_hlc: string }[];
      const wantsLive = members
        .filter((m) => {
          const st = loadState(db, type.type, m.id);
          return st !== undefined && (defaultValue(st.state.regs.deleted_hlc ?? [])?.v ?? null) === null;
        })
        .sort((a, b) =>
          a.created_hlc === b.created_hlc ? (a.id < b.id ? -1 : 1) : a.created_hlc < b.created_hlc ? -1 : 1,
        );
      const winner = wantsLive[0]?.id;
      for (const m of wantsLive) {
        const stored = loadState(db, type.type, m.id)!;
        const overrides = { ...stored.overrides };
        if (m.id === winner) delete overrides.deleted_hlc;
        else overrides.deleted_hlc = m.created_hlc;
        if (m.id !== winner)
          stmt(db, `UPDATE ${type.table} SET deleted_hlc = ? WHERE id = ?`).run(m.created_hlc, m.id);
        saveOverrides(db, type.type, m.id, overrides);
      }
      if (winner) stmt(db, `UPDATE ${type.table} SET deleted_hlc = NULL WHERE id = ?`).run(winner);
    }
  }
}
