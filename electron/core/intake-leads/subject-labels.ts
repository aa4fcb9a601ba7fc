import type { Db } from '../db/open-database';
import type { SubjectInput, SubjectOut } from './common';

/**
 * Reported persons/units as short labels ("张建国 党组书记、局长") for the audit entry
 * of an edit, sorted so that only a real change of the set shows as a change.
 */
export function storedSubjectLabels(subjects: readonly SubjectOut[]): string[] {
  return subjects.map((s) => label(s.name, s.post)).sort();
}

/** The same labels for subjects about to be stored (links are checked when they are stored). */
export function inputSubjectLabels(db: Db, subjects: readonly SubjectInput[]): string[] {
  return subjects
    .map((s) => {
      const person = s.personId
        ? (db.prepare('SELECT name, post FROM persons WHERE id = ?').get(s.personId) as
            { name: string; post: string | null } | undefined)
        : undefined;
      const unit = s.unitId
        ? (db.prepare('SELECT name FROM units WHERE id = ?').get(s.unitId) as { name: string } | undefined)
        : undefined;
      return label(person?.name ?? s.freeText ?? unit?.name ?? '', s.post ?? person?.post ?? null);
    })
    .sort();
}

function label(name: string, post: string | null): string {
  return post ? `${name} ${post}` : name;
}
