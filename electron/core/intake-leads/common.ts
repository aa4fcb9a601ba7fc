import { randomUUID } from 'node:crypto';
import { stmt } from '../db/statements';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { caseUserIds, isCaseMember } from '../reference/case-access';
import type { ServiceContext } from '../service-context';

/** Today's date (YYYY-MM-DD) from the core's clock, so tests can move it. */
export function today(ctx: ServiceContext): string {
  return new Date(ctx.now()).toISOString().slice(0, 10);
}

/**
 * Every read or write of a case's content starts here: the case must exist and the
 * caller must be in its group (reference/case-access.ts). Both failures give the same
 * error, so a non-member learns nothing about the case, not even that it exists.
 */
export function assertCase(ctx: ServiceContext, caseId: string): void {
  const db = ctx.db();
  const row = stmt(db, 'SELECT 1 FROM cases WHERE id = ? AND deleted_hlc IS NULL').get(caseId);
  if (!row || !isCaseMember(db, caseId, ctx.session().userId)) throw new AppError('INTAKE_CASE_NOT_FOUND');
}

/** May the caller read content of this case (a record's own case)? */
export function canReadCase(ctx: ServiceContext, caseId: string): boolean {
  return isCaseMember(ctx.db(), caseId, ctx.session().userId);
}

/** A user named on a record of the case (owner, approver, sealed reader) must be in its group. */
export function assertCaseUser(ctx: ServiceContext, caseId: string, userId: string | null | undefined): void {
  if (!userId) return;
  if (!caseUserIds(ctx.db(), caseId).includes(userId)) throw new AppError('INTAKE_LINK_INVALID');
}

export function userRef(db: Db, userId: string | null): { id: string; displayName: string } | null {
  if (!userId) return null;
  const row = stmt(db, 'SELECT id, display_name FROM users WHERE id = ?').get(userId) as
    { id: string; display_name: string } | undefined;
  return row ? { id: row.id, displayName: row.display_name } : null;
}

/** Next number in a per-case, per-year sequence (2026-信-0001), inside the write transaction. */
export function nextSeq(db: Db, table: 'intake_items' | 'leads', caseId: string, year: number): number {
  const row = stmt(db, `SELECT max(seq) AS n FROM ${table} WHERE case_id = ? AND year = ?`).get(
    caseId,
    year,
  ) as {
    n: number | null;
  };
  return (row.n ?? 0) + 1;
}

/**
 * The ledger number of a new row, inside the write transaction: the one typed in from
 * a paper ledger (refused when a live row of the case already has it), or the next
 * generated one, skipping any that a typed-in number already holds. A typed-in number
 * written the generated way (2026-信-0005) takes its own place in the sequence, so the
 * numbering continues after it; any other takes the next place. Sequences never repeat.
 */
export function allocateNumber(
  db: Db,
  table: 'intake_items' | 'leads',
  caseId: string,
  year: number,
  manual: string | undefined,
  format: (seq: number) => string,
): { seq: number; number: string } {
  const taken = (n: string) =>
    stmt(db, `SELECT 1 FROM ${table} WHERE case_id = ? AND number = ? AND deleted_hlc IS NULL`).get(
      caseId,
      n,
    ) !== undefined;
  let seq = nextSeq(db, table, caseId, year);
  if (manual !== undefined) {
    if (taken(manual)) throw new AppError('LEDGER_NUMBER_EXISTS', { number: manual });
    const own = ownSeq(manual, year, format);
    const seqFree = (n: number) =>
      stmt(db, `SELECT 1 FROM ${table} WHERE case_id = ? AND year = ? AND seq = ?`).get(caseId, year, n) ===
      undefined;
    if (own !== null && seqFree(own)) seq = own;
    return { seq, number: manual };
  }
  while (taken(format(seq))) seq += 1;
  return { seq, number: format(seq) };
}

/** The sequence a number written the generated way stands for (format(n) === number), or null. */
function ownSeq(number: string, year: number, format: (seq: number) => string): number | null {
  const m = /-(\d{4,6})$/.exec(number);
  if (!m || !number.startsWith(`${year}-`)) return null;
  const n = Number(m[1]);
  return n > 0 && format(n) === number ? n : null;
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

/** A subject as stored: a person's post and level are the ones at the time of the report. */
interface StoredSubject {
  personId: string | null;
  unitId: string | null;
  freeText: string | null;
  post: string | null;
  managementLevel: string | null;
}

/** Checks the links of reported persons/units; a person's post and level default to their current ones. */
function resolveSubjects(db: Db, subjects: readonly SubjectInput[]): StoredSubject[] {
  return subjects.map((s) => {
    let post = s.post ?? null;
    let level = s.managementLevel ?? null;
    if (s.personId) {
      const p = stmt(
        db,
        'SELECT post, management_level FROM persons WHERE id = ? AND deleted_hlc IS NULL',
      ).get(s.personId) as { post: string | null; management_level: string | null } | undefined;
      if (!p) throw new AppError('INTAKE_LINK_INVALID');
      post ??= p.post;
      level ??= p.management_level;
    }
    if (s.unitId && !stmt(db, 'SELECT 1 FROM units WHERE id = ? AND deleted_hlc IS NULL').get(s.unitId)) {
      throw new AppError('INTAKE_LINK_INVALID');
    }
    return {
      personId: s.personId ?? null,
      unitId: s.unitId ?? null,
      freeText: s.freeText ?? null,
      post,
      managementLevel: level,
    };
  });
}

function insertStored(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
  s: StoredSubject,
  stamp: { hlc: string; office: string },
): void {
  stmt(
    db,
    `INSERT INTO ${table} (id, origin_office, created_hlc, updated_hlc, ${ownerColumn}, person_id, unit_id, free_text,
     post, management_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    stamp.office,
    stamp.hlc,
    stamp.hlc,
    ownerId,
    s.personId,
    s.unitId,
    s.freeText,
    s.post,
    s.managementLevel,
  );
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
  for (const s of resolveSubjects(db, subjects)) insertStored(db, table, ownerColumn, ownerId, s, stamp);
}

const storedKey = (s: StoredSubject) =>
  JSON.stringify([s.personId, s.unitId, s.freeText, s.post, s.managementLevel]);

function storedSubjects(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
): (StoredSubject & { id: string })[] {
  return stmt(
    db,
    `SELECT id, person_id AS personId, unit_id AS unitId, free_text AS freeText, post,
              management_level AS managementLevel
       FROM ${table} WHERE ${ownerColumn} = ? AND deleted_hlc IS NULL`,
  ).all(ownerId) as (StoredSubject & { id: string })[];
}

/** Whether storing `subjects` would change a record's reported persons/units (links checked). */
export function subjectsDiffer(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
  subjects: readonly SubjectInput[],
): boolean {
  const a = resolveSubjects(db, subjects).map(storedKey).sort();
  const b = storedSubjects(db, table, ownerColumn, ownerId).map(storedKey).sort();
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * Replaces a record's reported persons/units: rows that stay identical are kept (with
 * their post at the time), the others tombstoned, new ones inserted.
 */
export function replaceSubjects(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
  subjects: readonly SubjectInput[],
  stamp: { hlc: string; office: string },
): void {
  const wanted = resolveSubjects(db, subjects);
  const existing = storedSubjects(db, table, ownerColumn, ownerId);
  const remaining = wanted.map(storedKey);
  for (const row of existing) {
    const at = remaining.indexOf(storedKey(row));
    if (at >= 0) remaining.splice(at, 1);
    else {
      stmt(db, `UPDATE ${table} SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?`).run(
        stamp.hlc,
        stamp.hlc,
        row.id,
      );
    }
  }
  for (const s of wanted) {
    const at = remaining.indexOf(storedKey(s));
    if (at < 0) continue;
    remaining.splice(at, 1);
    insertStored(db, table, ownerColumn, ownerId, s, stamp);
  }
}

export function readSubjects(
  db: Db,
  table: 'intake_subjects' | 'lead_subjects',
  ownerColumn: 'intake_id' | 'lead_id',
  ownerId: string,
): SubjectOut[] {
  const rows = stmt(
    db,
    `SELECT s.person_id, s.unit_id, s.free_text, p.name AS person_name, u.name AS unit_name,
              pu.name AS person_unit_name, s.post, s.management_level
       FROM ${table} s
       LEFT JOIN persons p ON p.id = s.person_id
       LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN units pu ON pu.id = p.unit_id
       WHERE s.${ownerColumn} = ? AND s.deleted_hlc IS NULL ORDER BY s.created_hlc, s.rowid`,
  ).all(ownerId) as {
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
