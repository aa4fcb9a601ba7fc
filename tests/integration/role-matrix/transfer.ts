import type { Expected } from './expected';

const LEADERS = ['group_leader', 'deputy_leader'] as const;

/**
 * The transfer channels and who may call them, written by hand. Export and import are
 * for the group's leaders (and case-scoped in the core); the registers are also read
 * by the auditor and the security administrator.
 */
export const TRANSFER_EXPECTED: Record<string, Expected> = {
  'transfer:pathChooser': LEADERS,
  'transfer:choosePath': LEADERS,
  'transfer:exportPreview': LEADERS,
  'transfer:export': LEADERS,
  'transfer:importOpen': LEADERS,
  'transfer:importConfirm': LEADERS,
  'transfer:importDiscard': LEADERS,
  'transfer:registers': [...LEADERS, 'auditor', 'security_admin'],
};
