import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { ServiceContext } from '../service-context';

/** Today's date (YYYY-MM-DD) from the core's clock, so tests can move it. */
export function today(ctx: ServiceContext): string {
  return new Date(ctx.now()).toISOString().slice(0, 10);
}

export function assertCase(db: Db, caseId: string): void {
  const row = db.prepare('SELECT 1 FROM cases WHERE id = ? AND deleted_hlc IS NULL').get(caseId);
  if (!row) throw new AppError('INTAKE_CASE_NOT_FOUND');
}

export function assertLiveUser(db: Db, userId: string | null | undefined): void {
  if (!userId) return;
  const row = db.prepare('SELECT 1 FROM users WHERE id = ? AND deleted_hlc IS NULL').get(userId);
  if (!row) throw new AppError('INTAKE_LINK_INVALID');
}

export function userRef(db: Db, userId: string | null): { id: string; displayName: string } | null {
  if (!userId) return null;
  const row = db.prepare('SELECT id, display_name FROM users WHERE id = ?').get(userId) as
    { id: string; display_name: string } | undefined;
  return row ? { id: row.id, displayName: row.display_name } : null;
}

/** Next number in a per-case, per-year sequence (2026-信-0001), inside the write transaction. */
export function nextSeq(db: Db, table: 'intake_items' | 'leads', caseId: string, year: number): number {
  const row = db
    .prepare(`SELECT max(seq) AS n FROM ${table} WHERE case_id = ? AND year = ?`)
    .get(caseId, year) as {
    n: number | null;
  };
  return (row.n ?? 0) + 1;
}

export interface SubjectInput {
  personId?: string | undefined;
  unitId?: string | undefined;
  freeText?: string | undefined;
  post?: string | undefined;
  managementLevel?: string | undefined;
}

export interface SubjectOut {
  personId: string | null;
  unitId: string | null;
  name: string;
  unitName: string | null;
  post: string | null;
  managementLevel: string | null;
}

/** Stores reported persons/units; a person's post and level default to their current ones. */
export function insertSubjects(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
  subjects: readonly SubjectInput[],
  stamp: { hlc: string; office: string },
): void {
  for (const s of subjects) {
    let post = s.post ?? null;
    let level = s.managementLevel ?? null;
    if (s.personId) {
      const p = db
        .prepare('SELECT post, management_level FROM persons WHERE id = ? AND deleted_hlc IS NULL')
        .get(s.personId) as { post: string | null; management_level: string | null } | undefined;
      if (!p) throw new AppError('INTAKE_LINK_INVALID');
      post ??= p.post;
      level ??= p.management_level;
    }
    if (s.unitId && !db.prepare('SELECT 1 FROM units WHERE id = ? AND deleted_hlc IS NULL').get(s.unitId)) {
      throw new AppError('INTAKE_LINK_INVALID');
    }
    const extra = table === 'lead_subjects' ? ', post, management_level' : '';
    const extraValues = table === 'lead_subjects' ? ', ?, ?' : '';
    const params: unknown[] = [
      randomUUID(),
      stamp.office,
      stamp.hlc,
      stamp.hlc,
      ownerId,
      s.personId ?? null,
      s.unitId ?? null,
      s.freeText ?? null,
    ];
    if (table === 'lead_subjects') params.push(post, level);
    db.prepare(
      `INSERT INTO ${table} (id, origin_office, created_hlc, updated_hlc, ${ownerColumn}, person_id, unit_id, free_text${extra})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?${extraValues})`,
    ).run(...params);
  }
}

export function readSubjects(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
): SubjectOut[] {
  const extra = table === 'lead_subjects' ? 's.post, s.management_level' : 'p.post, p.management_level';
  const rows = db
    .prepare(
      `SELECT s.person_id, s.unit_id, s.free_text, p.name AS person_name, u.name AS unit_name,
              pu.name AS person_unit_name, ${extra}
       FROM ${table} s
       LEFT JOIN persons p ON p.id = s.person_id
       LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN units pu ON pu.id = p.unit_id
       WHERE s.${ownerColumn} = ? AND s.deleted_hlc IS NULL ORDER BY s.created_hlc, s.rowid`,
    )
    .all(ownerId) as {
    person_id: string | null;
    unit_id: string | null;
    free_text: string | null;
    person_name: string | null;
    unit_name: string | null;
    person_unit_name: string | null;
    post: string | null;
    management_level: string | null;
  }[];
  return rows.map((r) => ({
    personId: r.person_id,
    unitId: r.unit_id,
    name: r.person_name ?? r.free_text ?? r.unit_name ?? '',
    unitName: r.person_id ? r.person_unit_name : r.unit_name,
    post: r.post,
    managementLevel: r.management_level,
  }));
}

export function subjectText(subjects: readonly SubjectOut[]): string {
  return subjects.map((s) => [...new Set([s.name, s.unitName, s.post].filter(Boolean))].join(' ')).join('；');
}
