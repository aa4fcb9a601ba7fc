import type { Expected } from './expected';
import { CASE_WORKERS } from './expected';

const INTAKE_EDITORS = ['intake_officer', 'group_leader', 'deputy_leader'] as const;
const LEAD_WORKERS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;

/** The intake-leads channels and who may call them, written by hand. */
export const INTAKE_LEADS_EXPECTED: Record<string, Expected> = {
  'intake:list': CASE_WORKERS,
  'intake:get': CASE_WORKERS,
  'intake:create': INTAKE_EDITORS,
  'intake:update': INTAKE_EDITORS,
  'intake:addReply': INTAKE_EDITORS,
  'leads:list': CASE_WORKERS,
  'leads:count': CASE_WORKERS,
  'leads:get': CASE_WORKERS,
  'leads:create': LEAD_WORKERS,
  'leads:transition': LEAD_WORKERS,
  'leads:caseUsers': CASE_WORKERS,
  'overdue:board': CASE_WORKERS,
  'ledger:export': CASE_WORKERS,
  'intake:edit': INTAKE_EDITORS,
  'intake:remove': ['intake_officer', 'group_leader'],
  'leads:edit': LEAD_WORKERS,
  'leads:remove': ['group_leader'],
  'intake:page': CASE_WORKERS,
  'leads:page': CASE_WORKERS,
};
