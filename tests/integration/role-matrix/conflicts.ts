import { CASE_WORKERS, type Expected } from './expected';

/**
 * The conflict channels, written by hand: every case role reads the conflicts of its
 * cases; the liaison does not resolve; the system roles (auditor included) never read
 * case content. Which records a caller sees is checked in the core (group, sealed, reporter).
 */
export const CONFLICTS_EXPECTED: Record<string, Expected> = {
  'conflicts:list': CASE_WORKERS,
  'conflicts:get': CASE_WORKERS,
  'conflicts:resolve': ['group_leader', 'deputy_leader', 'member', 'intake_officer'],
};
