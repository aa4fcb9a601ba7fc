import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
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
/** What a merge already knows of a record it just wrote: its replicated number, scope and overrides. */
export interface KnownNumber {
  scope: Scalar;
  base: Scalar;
  overrides: Record<string, Scalar>;
}

export function assignNumbers(
  db: Db,
  type: RecordType,
  touchedIds: Iterable<string>,
  /** Numbers records held before this merge changed them: a number given up may promote another record. */
  formerly: readonly { scope: Scalar; base: Scalar }[] = [],
  known: ReadonlyMap<string, KnownNumber> = new Map(),
): void {
  const rule = type.number!;
  const groups = new Map<string, { scope: Scalar; base: Scalar }>();
  for (const g of formerly) groups.set(`${String(g.scope)}\u0000${String(g.base)}`, g);
  for (const id of touchedIds) {
    let found: { scope: Scalar; base: Scalar } | undefined = known.get(id);
    if (!found) {
      const stored = loadState(db, type.type, id);
      const row = stmt(db, `SELECT * FROM ${type.table} WHERE id = ?`).get(id) as
        Record<string, Scalar> | undefined;
      if (!stored || !row) continue;
      const base = defaultValue(stored.state.regs[rule.column] ?? [])?.v ?? null;
      found = { scope: rule.scope ? row[rule.scope]! : null, base };
    }
    groups.set(`${String(found.scope)}\u0000${String(found.base)}`, { scope: found.scope, base: found.base });
  }
  for (const { scope, base } of groups.values()) assignGroup(db, type, scope, base, known);
}

function assignGroup(
  db: Db,
  type: RecordType,
  scope: Scalar,
  base: Scalar,
  known: ReadonlyMap<string, KnownNumber>,
): void {
  const rule = type.number!;
  const scopeSql = rule.scope ? `t.${rule.scope} = @scope AND` : '';
  // Candidates by the shown number through an index: the number itself, its office-prefixed
  // forms and the placeholders of this merge all start with it; then by the replicated number.
  const members = stmt(
    db,
    `SELECT t.id, t.origin_office, t.created_hlc, t.deleted_hlc, t.${rule.column} AS shown FROM ${type.table} t
       WHERE ${scopeSql} t.${rule.column} >= @base AND t.${rule.column} < @base || char(1114111)`,
  ).all({ scope, base: String(base) }) as {
    id: string;
    origin_office: string;
    created_hlc: string;
    deleted_hlc: string | null;
    shown: string;
  }[];
  const stateOf = (id: string) => {
    const k = known.get(id);
    if (k) return { base: k.base, overrides: k.overrides };
    const st = loadState(db, type.type, id);
    return st && { base: defaultValue(st.state.regs[rule.column] ?? [])?.v ?? null, overrides: st.overrides };
  };
  const mine = members
    .map((m) => ({ ...m, state: stateOf(m.id) }))
    .filter((m) => m.state !== undefined && m.state.base === base)
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
  // Free the group's numbers first, so the winner can take the base (alone, it simply takes it).
  if (mine.length > 1) {
    for (const m of mine) {
      m.shown = `${String(base)}\u0000${m.id}`;
      stmt(db, `UPDATE ${type.table} SET ${rule.column} = ? WHERE id = ?`).run(m.shown, m.id);
    }
  }
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
    if (m.shown !== n) stmt(db, `UPDATE ${type.table} SET ${rule.column} = ? WHERE id = ?`).run(n, m.id);
    const had = m.state!.overrides;
    const overrides = { ...had };
    if (n === base) delete overrides[rule.column];
    else overrides[rule.column] = n;
    if (had[rule.column] !== overrides[rule.column]) saveOverrides(db, type.type, m.id, overrides);
  }
}
