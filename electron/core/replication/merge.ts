import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import { captureLocalChanges } from './capture';
import { envelopeState, type RecordEnvelope } from './envelope';
import { assignNumbers, type KnownNumber } from './number-rule';
import { grantSealedReaders, projectRow } from './projection';
import { parentsOf, RECORD_TYPES, TYPE_BY_NAME, type RecordType } from './record-types';
import {
  conflictingFields,
  defaultValue,
  emptyState,
  mergeStates,
  statesEqual,
  type RecordState,
  type Scalar,
} from './register';
import { refreshSearch } from './search-refresh';
import { loadState, saveState } from './state-store';
import { settleUniques } from './unique-rule';

export interface MergePreview {
  perType: Record<string, { new: number; updated: number; unchanged: number; conflicting: number }>;
  /** Records whose parents are neither in the bundle nor in the vault: the import must be refused (BUNDLE_RECORD_ORPHAN). */
  orphans: { type: string; id: string; parentType: string; parentId: string }[];
}

const MAX_ORPHANS_LISTED = 100;

/** The projected field values of an incoming record (for its parent references). */
function incomingValues(type: RecordType, incoming: RecordState): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const f of type.fields) out[f.name] = defaultValue(incoming.regs[f.name] ?? [])?.v ?? null;
  return out;
}

function existsInVault(db: Db, type: string, id: string): boolean {
  const spec = TYPE_BY_NAME.get(type)!;
  return stmt(db, `SELECT 1 FROM ${spec.table} WHERE id = ?`).get(id) !== undefined;
}

/** `type id` of every record in a bundle (for the orphan check). */
export const bundleKey = (type: string, id: string) => `${type} ${id}`;

/**
 * Dry run over staged envelopes: what the merge would do. Reads only. `inBundle` holds
 * `bundleKey` of every staged record (parents come before children in a bundle, but
 * the orphan check must not rely on it).
 */
export function previewMerge(
  db: Db,
  envelopes: () => Iterable<RecordEnvelope>,
  inBundle: ReadonlySet<string>,
): MergePreview {
  const perType: MergePreview['perType'] = {};
  const orphans: MergePreview['orphans'] = [];
  for (const e of envelopes()) {
    const type = TYPE_BY_NAME.get(e.type)!;
    const counts = (perType[e.type] ??= { new: 0, updated: 0, unchanged: 0, conflicting: 0 });
    const incoming = envelopeState(e);
    for (const p of parentsOf(type, incomingValues(type, incoming))) {
      if (inBundle.has(bundleKey(p.type, p.id)) || existsInVault(db, p.type, p.id)) continue;
      if (orphans.length < MAX_ORPHANS_LISTED)
        orphans.push({ type: e.type, id: e.id, parentType: p.type, parentId: p.id });
    }
    const stored = loadState(db, e.type, e.id);
    if (!stored && !existsInVault(db, e.type, e.id)) {
      counts.new++;
      if (conflictingFields(incoming).length > 0) counts.conflicting++;
      continue;
    }
    const local = stored?.state ?? emptyState();
    const merged = mergeStates(local, incoming);
    if (statesEqual(merged, local)) counts.unchanged++;
    else if (conflictingFields(merged).length > conflictingFields(local).length) counts.conflicting++;
    else counts.updated++;
  }
  return { perType, orphans };
}

/**
 * Merges inside the caller's transaction: local edits are captured first, then each
 * incoming state is merged into the local one and projected into its row; ledger
 * numbers and other live uniqueness are settled, sealed leads new here get their local
 * readers, and the search index is refreshed for touched records. Re-applying the same
 * envelopes changes nothing.
 */
export function applyMerge(
  db: Db,
  envelopes: () => Iterable<RecordEnvelope>,
  ctx: { officeId: string; importerUserId: string; hlc: () => string },
): { changed: number; conflicts: number } {
  captureLocalChanges(db, ctx.officeId, ctx.hlc);
  const now = ctx.hlc();
  const touched = new Map<string, string[]>(RECORD_TYPES.map((t) => [t.type, []]));
  const touchedLeads: string[] = [];
  const formerNumbers = new Map<string, { scope: Scalar; base: Scalar }[]>(
    RECORD_TYPES.map((t) => [t.type, []]),
  );
  // Numbered records as written here, so the number rule need not read them back.
  const knownNumbers = new Map<string, KnownNumber>();
  let changed = 0;
  let conflicts = 0;
  for (const e of envelopes()) {
    const type = TYPE_BY_NAME.get(e.type)!;
    const stored = loadState(db, e.type, e.id);
    const local = stored?.state ?? emptyState();
    const merged = mergeStates(local, envelopeState(e));
    if (stored && statesEqual(merged, local)) continue;
    if (type.number && stored) {
      const before = defaultValue(local.regs[type.number.column] ?? [])?.v ?? null;
      const after = defaultValue(merged.regs[type.number.column] ?? [])?.v ?? null;
      if (before !== after) {
        const scope = type.number.scope
          ? (defaultValue(local.regs[type.number.scope] ?? [])?.v ?? null)
          : null;
        formerNumbers.get(e.type)!.push({ scope, base: before });
      }
    }
    saveState(db, e.type, e.id, merged, now, stored?.overrides ?? {});
    if (type.number) {
      const rule = type.number;
      knownNumbers.set(e.id, {
        base: defaultValue(merged.regs[rule.column] ?? [])?.v ?? null,
        scope: rule.scope ? (defaultValue(merged.regs[rule.scope] ?? [])?.v ?? null) : null,
        overrides: stored?.overrides ?? {},
      });
    }
    projectRow(db, type, e, merged, ctx.importerUserId);
    if (e.type === 'lead') touchedLeads.push(e.id);
    touched.get(e.type)!.push(e.id);
    changed++;
    if (conflictingFields(merged).length > 0) conflicts++;
  }
  for (const type of RECORD_TYPES) {
    const ids = touched.get(type.type)!;
    if (ids.length === 0) continue;
    if (type.number) assignNumbers(db, type, ids, formerNumbers.get(type.type), knownNumbers);
    if (type.uniqueLive) settleUniques(db, type, ids);
  }
  for (const id of touchedLeads) grantSealedReaders(db, id, ctx.importerUserId, ctx.officeId, now);
  refreshSearch(
    db,
    [...touched].flatMap(([type, ids]) => ids.map((id) => ({ type, id }))),
  );
  return { changed, conflicts };
}
