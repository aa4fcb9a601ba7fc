import { ROLES, type Role } from '../../../shared/roles';

/** Who may call a channel: 'public' (also while locked) or the roles allowed. */
export type Expected = 'public' | readonly Role[];

export const EVERYONE: readonly Role[] = [...ROLES];
export const CASE_WORKERS: readonly Role[] = [
  'group_leader',
  'deputy_leader',
  'member',
  'intake_officer',
  'liaison',
];
