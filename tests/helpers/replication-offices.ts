import type { Db } from '../../electron/core/db/open-database';
import {
  applyMerge,
  captureLocalChanges,
  exportRecords,
  parseEnvelope,
  bundleKey,
  previewMerge,
  type ExportQuery,
  type RecordEnvelope,
} from '../../electron/core/replication';
import { joinGroup, setupCaseVault } from './case-fixture';

/**
 * Offices for replication tests: real vaults (setupCaseVault), records moved between
 * them as envelopes through JSON text (as in a bundle line) and parseEnvelope, merged
 * with applyMerge in a transaction — the replication layer without the bundle file.
 */
export type ReplOffice = Awaited<ReturnType<typeof setupCaseVault>>;

export function here(o: ReplOffice) {
  const s = o.core.context.session();
  return { db: o.core.context.db() as Db, officeId: s.office.id, userId: s.userId, hlc: () => s.clock.now() };
}

export function exportAll(o: ReplOffice, query: Partial<ExportQuery> = {}): RecordEnvelope[] {
  const h = here(o);
  captureLocalChanges(h.db, h.officeId, h.hlc);
  const q: ExportQuery = {
    caseIds: 'all',
    viewer: { userId: h.userId, roles: o.core.context.user().roles },
    includeSealed: true,
    includeProtected: true,
    ...query,
  };
  // Through JSON text, as in a bundle's records/<type>/NNNNNN.jsonl.
  return [...exportRecords(h.db, q)].map((e) => parseEnvelope(e.type, JSON.parse(JSON.stringify(e))));
}

export function importInto(o: ReplOffice, envelopes: RecordEnvelope[]) {
  const h = here(o);
  const preview = previewMerge(h.db, () => envelopes, new Set(envelopes.map((e) => bundleKey(e.type, e.id))));
  const result = h.db.transaction(() =>
    applyMerge(h.db, () => envelopes, { officeId: h.officeId, importerUserId: h.userId, hlc: h.hlc }),
  )();
  return { preview, result };
}

export function ship(from: ReplOffice, to: ReplOffice, query: Partial<ExportQuery> = {}) {
  return importInto(to, exportAll(from, query));
}

/** After the first import of `caseId`, the receiving office links its own accounts to the case's group. */
export async function joinImportedCase(o: ReplOffice, caseId: string): Promise<void> {
  await o.as('leader');
  await joinGroup(o.call, caseId, o.userIds);
}

/** Every replicated table's rows (sorted, without local-only columns) for convergence checks. */
export function domainSnapshot(db: Db, tables: { table: string; local: string[] }[]): string {
  const out: Record<string, unknown[]> = {};
  for (const { table, local } of tables) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    out[table] = rows.map((r) => {
      const copy = { ...r };
      for (const c of local) delete copy[c];
      return copy;
    });
  }
  return JSON.stringify(out);
}

export function stateSnapshot(db: Db): string {
  return JSON.stringify(
    db
      .prepare('SELECT record_type, record_id, vv, regs, conflict FROM replication_state ORDER BY 1, 2')
      .all(),
  );
}
