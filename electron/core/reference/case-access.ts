import { CASE_MANAGERS, type GroupRole } from '../../../shared/contracts/reference';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open-database';

/**
 * Case membership: who may read and write a case's content. A user belongs to a
 * case when a live member of its group (cases:addMember) is linked to their
 * account. Content (intake, leads, the overdue board, exports, search hits, work
 * records) is for members only; nobody else sees it, whatever their roles. See
 * docs/security-model.md, "Case membership".
 */

/** The group role of the user in a live case, or null when they are not in its group. */
export function groupRoleIn(db: Db, caseId: string, userId: string): GroupRole | null {
  const row = db
    .prepare(
      `SELECT m.group_role FROM case_members m JOIN cases c ON c.id = m.case_id
       WHERE m.case_id = ? AND m.user_id = ? AND m.deleted_hlc IS NULL AND c.deleted_hlc IS NULL
       ORDER BY CASE m.group_role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END LIMIT 1`,
    )
    .get(caseId, userId) as { group_role: GroupRole } | undefined;
  return row?.group_role ?? null;
}

export function isCaseMember(db: Db, caseId: string, userId: string): boolean {
  return groupRoleIn(db, caseId, userId) !== null;
}

/** Ids of every case (live or not) whose content the user may not see. */
export function casesHiddenFrom(db: Db, userId: string): string[] {
  return (
    db
      .prepare(
        `SELECT c.id FROM cases c WHERE c.deleted_hlc IS NOT NULL OR NOT EXISTS (
           SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = ? AND m.deleted_hlc IS NULL)`,
      )
      .all(userId) as { id: string }[]
  ).map((r) => r.id);
}

const isManager = (roles: readonly Role[]) =>
  roles.some((r) => (CASE_MANAGERS as readonly string[]).includes(r));

/**
 * May this user see the case itself (code, unit, group)? Its members may; so may
 * case managers (group leaders, deputies), who form groups and check recusal
 * across cases. Seeing a case is not seeing its content.
 */
export function maySeeCase(db: Db, caseId: string, user: { id: string; roles: readonly Role[] }): boolean {
  return isManager(user.roles) || isCaseMember(db, caseId, user.id);
}

/**
 * May this user change the case and its group? A case manager who leads it (its
 * leader or a deputy), or any case manager while no leader or deputy of the case
 * is linked to an account yet (a case being set up). So a leader of one case
 * cannot add themselves to another case's group once that case has its leaders.
 */
export function mayManageCase(db: Db, caseId: string, user: { id: string; roles: readonly Role[] }): boolean {
  if (!isManager(user.roles)) return false;
  const role = groupRoleIn(db, caseId, user.id);
  if (role === 'leader' || role === 'deputy') return true;
  const led = db
    .prepare(
      `SELECT 1 FROM case_members m JOIN users u ON u.id = m.user_id AND u.deleted_hlc IS NULL
       WHERE m.case_id = ? AND m.deleted_hlc IS NULL AND m.group_role IN ('leader', 'deputy')`,
    )
    .get(caseId);
  return !led;
}

/**
 * The auditor reads the whole audit log (audit:list), so a record's history
 * (records:history) is no secret from them; the record's content still is.
 */
export function readsAuditLog(user: { roles: readonly Role[] }): boolean {
  return user.roles.includes('auditor');
}

/** Live accounts linked to the case's group. */
export function caseUserIds(db: Db, caseId: string): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT m.user_id FROM case_members m JOIN users u ON u.id = m.user_id AND u.deleted_hlc IS NULL
         WHERE m.case_id = ? AND m.deleted_hlc IS NULL`,
      )
      .all(caseId) as { user_id: string }[]
  ).map((r) => r.user_id);
}
