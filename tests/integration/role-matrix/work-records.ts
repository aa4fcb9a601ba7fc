import type { Expected } from './expected';
import { CASE_WORKERS } from './expected';

const EDITORS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;
/** The liaison may save document requests; the core refuses them the other kinds (tested separately). */
const SAVERS = [...EDITORS, 'liaison'] as const;
const REMOVERS = ['group_leader', 'deputy_leader'] as const;

/** The work-records and attachments channels and who may call them, written by hand. */
export const WORK_RECORDS_EXPECTED: Record<string, Expected> = {
  'workRecords:list': CASE_WORKERS,
  'workRecords:get': CASE_WORKERS,
  'workRecords:save': SAVERS,
  'workRecords:remove': REMOVERS,
  'workRecords:link': EDITORS,
  'workRecords:unlink': EDITORS,
  'workRecords:forLead': CASE_WORKERS,
  // Per record type (intake: the reporter's readers only; talks: not the liaison) in the core.
  'attachments:list': CASE_WORKERS,
  'attachments:begin': CASE_WORKERS,
  'attachments:chunk': CASE_WORKERS,
  'attachments:commit': CASE_WORKERS,
  'attachments:abort': CASE_WORKERS,
  'attachments:open': CASE_WORKERS,
  'attachments:read': CASE_WORKERS,
  'attachments:remove': CASE_WORKERS,
};
