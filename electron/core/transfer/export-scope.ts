import { REPORTER_READERS } from '../../../shared/contracts/intake-leads';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { isCaseMember } from '../reference/case-access';

/**
 * Which cases an export covers. A user exports only cases whose group they belong to:
 * 'all' means every live case they are a member of; a named case they are not in is
 * refused (TRANSFER_CASE_FORBIDDEN), as is one that does not exist.
 */
export function resolveExportCases(db: Db, userId: string, caseIds: readonly string[] | 'all'): string[] {
  if (caseIds === 'all') {
    return (
      db
        .prepare(
          `SELECT DISTINCT c.id FROM cases c JOIN case_members m ON m.case_id = c.id
           WHERE c.deleted_hlc IS NULL AND m.deleted_hlc IS NULL AND m.user_id = ? ORDER BY c.id`,
        )
        .all(userId) as { id: string }[]
    ).map((r) => r.id);
  }
  const unique = [...new Set(caseIds)];
  for (const id of unique) if (!isCaseMember(db, id, userId)) throw new AppError('TRANSFER_CASE_FORBIDDEN');
  return unique;
}

/** Roles that see protected reporter identities, and so may choose to send them. */
export function mayIncludeProtected(roles: readonly Role[]): boolean {
  return roles.some((r) => (REPORTER_READERS as readonly string[]).includes(r));
}

/** A short label of the scope for the bundle's file name: the case code, or "all". */
export function scopeLabel(db: Db, caseIds: string[], all: boolean): string {
  if (all || caseIds.length !== 1) return all ? 'all' : `${caseIds.length}-cases`;
  const row = db.prepare('SELECT code FROM cases WHERE id = ?').get(caseIds[0]) as
    { code: string } | undefined;
  return row?.code ?? 'case';
}
