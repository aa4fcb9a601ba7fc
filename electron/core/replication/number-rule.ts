import type { Db } from '../db/open-database';
import { stmt } from './statements';
import type { RecordType } from './record-types';
import { defaultValue, type Scalar } from './register';
import { loadState, saveOverrides } from './state-store';

/**
 * Ledger numbers and codes that must be unique among live rows (a case's intake and
 * lead numbers, case codes). Two offices may have given the same number to different
 * records. Rule, the same at every office: among the live records whose replicated
 * number is the same, the earliest (created_hlc, then id) shows it; each other shows
 * `<number>-<first 8 characters of its origin office id>` (then `-<id prefix>` if that
 * is taken too). The adjusted number is a projection override, not an edit: capture
 * ignores it, and it is recomputed after every merge that touches the group.
 */
export function assignNumbers(
  db: Db,
  type: RecordType,
  touchedIds: Iterable<string>,
  /** Numbers records held before this merge changed them: a number given up may promote another record. */
  formerly: readonly { scope: Scalar; base: Scalar }[] = [],
): void {
  const rule = type.number!;
  const groups = new Map<string, { scope: Scalar; base: Scalar }>();
  for (const g of formerly) groups.set(`${String(g.scope)}\u0000${String(g.base)}`, g);
  for (const id of touchedIds) {
    const stored = loadState(db, type.type, id);
    const row = stmt(db, `SELECT * FROM ${type.table} WHERE id = ?`).get(id) as
      Record<string, Scalar> | undefined;
    if (!stored || !row) continue;
    const base = defaultValue(stored.state.regs[rule.column] ?? [])?.v ?? null;
    const scope = rule.scope ? row[rule.scope]! : null;
    groups.set(`${String(scope)}\u0000${String(base)}`, { scope, base });
  }
  for (const { scope, base } of groups.values()) assignGroup(db, type, scope, base);
}

function assignGroup(db: Db, type: RecordType, scope: Scalar, base: Scalar): void {
  const rule = type.number!;
  const scopeSql = rule.scope ? `t.${rule.scope} = @scope AND` : '';
  // Candidates by the shown number through an index: the number itself, its office-prefixed
  // forms and the placeholders of this merge all start with it; then by the replicated number.
  const members = stmt(
    db,
    `SELECT t.id, t.origin_office, t.created_hlc, t.deleted_hlc FROM ${type.table} t
       WHERE ${scopeSql} t.${rule.column} >= @base AND t.${rule.column} < @base || char(1114111)`,
  ).all({ scope, base: String(base) }) as {
    id: string;
    origin_office: string;
    created_hlc: string;
    deleted_hlc: string | null;
  }[];
  const mine = members
    .filter((m) => {
      const st = loadState(db, type.type, m.id);
      return st !== undefined && defaultValue(st.state.regs[rule.column] ?? [])?.v === base;
    })
    .sort((a, b) =>
      a.created_hlc === b.created_hlc ? (a.id < b.id ? -1 : 1) : a.created_hlc < b.created_hlc ? -1 : 1,
    );
  const live = mine.filter((m) => m.deleted_hlc === null);
  const wanted = new Map<string, string>();
  const taken = (n: string, id: string) =>
    stmt(
      db,
      `SELECT 1 FROM ${type.table} t WHERE ${scopeSql} t.${rule.column} = @n AND t.id <> @id AND t.deleted_hlc IS NULL`,
    ).get({ scope, n, id }) !== undefined;
  // Free the group's numbers first, so the winner can take the base.
  for (const m of mine)
    stmt(db, `UPDATE ${type.table} SET ${rule.column} = ? WHERE id = ?`).run(
      `${String(base)}\u0000${m.id}`,
      m.id,
    );
  live.forEach((m, i) => {
    let n = String(base);
    if (i > 0) {
      n = `${String(base)}-${m.origin_office.slice(0, 8)}`;
      if (taken(n, m.id) || [...wanted.values()].includes(n)) n = `${n}-${m.id.slice(0, 8)}`;
    }
    wanted.set(m.id, n);
  });
  for (const m of mine) {
    const n = wanted.get(m.id) ?? String(base);
    stmt(db, `UPDATE ${type.table} SET ${rule.column} = ? WHERE id = ?`).run(n, m.id);
    const stored = loadState(db, type.type, m.id)!;
    const overrides = { ...stored.overrides };
    if (n === base) delete overrides[rule.column];
    else overrides[rule.column] = n;
    saveOverrides(db, type.type, m.id, overrides);
  }
}
