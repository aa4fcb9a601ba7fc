/**
 * Roles. Inspection roles work on case content; system roles run the installation
 * (三员分立: accounts, security, audit) and are kept apart from case content.
 */
export const INSPECTION_ROLES = [
  'group_leader',
  'deputy_leader',
  'member',
  'intake_officer',
  'liaison',
] as const;

export const SYSTEM_ROLES = ['system_admin', 'security_admin', 'auditor'] as const;

export const ROLES = [...INSPECTION_ROLES, ...SYSTEM_ROLES] as const;

export type InspectionRole = (typeof INSPECTION_ROLES)[number];
export type SystemRole = (typeof SYSTEM_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isSystemRole(role: Role): role is SystemRole {
  return (SYSTEM_ROLES as readonly string[]).includes(role);
}

/** One account holds either inspection roles or system roles, never both. */
export function rolesAreSeparated(roles: readonly Role[]): boolean {
  const system = roles.filter(isSystemRole);
  return system.length === 0 || system.length === roles.length;
}
