import { REPORTER_READERS } from '../../../shared/contracts/intake-leads';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open-database';
import { parentsOf, RECORD_TYPES, TYPE_BY_NAME } from './record-types';
import type { Scalar } from './register';

export interface ExportQuery {
  caseIds: readonly string[] | 'all';
  /** Incremental: only records whose replication state changed locally after this local HLC. */
  since?: string;
  /** What the exporting user may see and chose to include (sealed leads, protected reporter identities). */
  viewer: { userId: string; roles: readonly Role[] };
  includeSealed: boolean;
  includeProtected: boolean;
}

export interface ExportScope {
  /** Per type, the ids that go out, before the `since` filter. */
  ids: Map<string, Set<string>>;
  excluded: { sealed: number; protected: number };
}

type Row = Record<string, Scalar>;

const json = (ids: Iterable<string>) => JSON.stringify([...ids]);

/** Children of a sealed lead that go out only with it. */
const LEAD_CHILDREN = ['lead-source', 'lead-subject', 'lead-step', 'work-record-lead'];

/**
 * Which records an export covers: every record of the chosen cases (through their
 * parents: a lead step belongs to its lead's case), minus sealed leads the viewer may
 * not see or chose not to send (with their children) and reporter identities the viewer
 * may not read or chose not to send; plus the reference data those records point to
 * (units, persons, rounds, inspectors, transitively, with post histories and recusal
 * relations). 'all' is every record of the vault.
 */
export function exportScope(db: Db, query: ExportQuery): ExportScope {
  const ids = new Map<string, Set<string>>(RECORD_TYPES.map((t) => [t.type, new Set<string>()]));
  const rowsOf = (type: string): Row[] => {
    const spec = TYPE_BY_NAME.get(type)!;
    // Only what scoping reads (ids, parents, sealed, the lead a row hangs on): never the content.
    const wanted = new Set(['id', ...spec.parents.map((p) => p.column)]);
    for (const f of spec.fields)
      if (['sealed', 'lead_id', 'record_type', 'record_id'].includes(f.name)) wanted.add(f.name);
    const cols = [...wanted].map((c) => `t.${c}`).join(', ');
    if (query.caseIds === 'all') return db.prepare(`SELECT ${cols} FROM ${spec.table} t`).all() as Row[];
    if (!spec.caseSql) return [];
    return db
      .prepare(
        `SELECT ${cols} FROM ${spec.table} t WHERE ${spec.caseSql} IN (SELECT value FROM json_each(?))`,
      )
      .all(json(query.caseIds)) as Row[];
  };

  // Sealed leads this export withholds.
  const withheldLeads = new Set<string>();
  for (const lead of rowsOf('lead')) {
    if (lead.sealed !== 1) continue;
    const named =
      db
        .prepare('SELECT 1 FROM lead_sealed_users WHERE lead_id = ? AND user_id = ? AND deleted_hlc IS NULL')
        .get(lead.id, query.viewer.userId) !== undefined;
    if (!(query.includeSealed && named)) withheldLeads.add(String(lead.id));
  }
  const mayReadReporters = query.viewer.roles.some((r) =>
    (REPORTER_READERS as readonly string[]).includes(r),
  );
  const sendReporters = query.includeProtected && mayReadReporters;
  let protectedCount = 0;

  const needed: { type: string; id: string }[] = [];
  const add = (type: string, row: Row) => {
    const set = ids.get(type)!;
    const id = String(row.id);
    if (set.has(id)) return;
    set.add(id);
    for (const p of parentsOf(TYPE_BY_NAME.get(type)!, row)) needed.push(p);
  };

  for (const spec of RECORD_TYPES) {
    if (query.caseIds !== 'all' && !spec.caseSql) continue;
    for (const row of rowsOf(spec.type)) {
      if (spec.type === 'lead' && withheldLeads.has(String(row.id))) continue;
      if (LEAD_CHILDREN.includes(spec.type) && withheldLeads.has(String(row.lead_id))) continue;
      if (
        spec.type === 'attachment' &&
        row.record_type === 'lead' &&
        withheldLeads.has(String(row.record_id))
      )
        continue;
      if (spec.type === 'intake-reporter' && !sendReporters) {
        protectedCount++;
        continue;
      }
      add(spec.type, row);
    }
  }

  // Reference data the chosen records point to, transitively; with the post history of
  // each person, the recusal relations of each inspector and attachments on persons and units.
  if (query.caseIds !== 'all') {
    const pullChildren = (type: string, id: string) => {
      const children: [string, string, string][] = [];
      if (type === 'person') children.push(['person-post', 'person_posts', 'person_id']);
      if (type === 'inspector') children.push(['inspector-relation', 'inspector_relations', 'inspector_id']);
      for (const [childType, table, column] of children)
        for (const row of db.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(id) as Row[])
          add(childType, row);
      if (type === 'person' || type === 'unit')
        for (const row of db
          .prepare('SELECT * FROM attachments WHERE record_type = ? AND record_id = ?')
          .all(type, id) as Row[])
          add('attachment', row);
    };
    while (needed.length > 0) {
      const { type, id } = needed.pop()!;
      if (ids.get(type)!.has(id)) continue;
      const spec = TYPE_BY_NAME.get(type)!;
      const row = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as Row | undefined;
      // A parent outside the chosen cases and not reference data (another case) stays home.
      if (!row || spec.caseSql) continue;
      add(type, row);
      pullChildren(type, id);
    }
  }
  return { ids, excluded: { sealed: withheldLeads.size, protected: protectedCount } };
}
