import type { Expected } from './expected';
import { CASE_WORKERS } from './expected';

const EDITORS = ['group_leader', 'deputy_leader', 'member', 'intake_officer'] as const;
const MANAGERS = ['group_leader', 'deputy_leader'] as const;

/** The reference channels and who may call them, written by hand. */
export const REFERENCE_EXPECTED: Record<string, Expected> = {
  'units:list': CASE_WORKERS,
  'units:get': CASE_WORKERS,
  'units:find': CASE_WORKERS,
  'units:save': EDITORS,
  'units:remove': EDITORS,
  'persons:list': CASE_WORKERS,
  'persons:get': CASE_WORKERS,
  'persons:find': CASE_WORKERS,
  'persons:save': EDITORS,
  'persons:remove': EDITORS,
  'persons:addPost': EDITORS,
  'persons:removePost': EDITORS,
  'pool:list': CASE_WORKERS,
  'pool:get': CASE_WORKERS,
  'pool:save': MANAGERS,
  'pool:remove': MANAGERS,
  'pool:addRelation': MANAGERS,
  'pool:removeRelation': MANAGERS,
  'pool:setAppraisal': MANAGERS,
  'rounds:list': CASE_WORKERS,
  'rounds:save': MANAGERS,
  'cases:list': CASE_WORKERS,
  'cases:get': CASE_WORKERS,
  'cases:save': MANAGERS,
  'cases:accounts': MANAGERS,
  'cases:checkRecusal': MANAGERS,
  'cases:addMember': MANAGERS,
  'cases:removeMember': MANAGERS,
  'cases:linkAccount': MANAGERS,
  'cases:suggest': MANAGERS,
  'rules:get': CASE_WORKERS,
  'rules:update': ['group_leader'],
};
