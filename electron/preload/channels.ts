import type { Channel } from '../../shared/contract';

/**
 * The contract's channel names, as a plain list so the preload bundle does not
 * carry zod and every schema. The compiler keeps it honest both ways: a name that
 * is not a channel fails `satisfies`, and a channel missing here fails
 * `EXHAUSTIVE` with its name in the error (a unit test also compares it with
 * CHANNELS). Adding a channel to the contract means adding it here: the exposed
 * surface is reviewed, never implied.
 */
// One list per domain, so parallel work on two domains never edits the same lines.
const FOUNDATION = [
  'vault:status',
  'vault:setup',
  'session:unlock',
  'session:recover',
  'session:current',
  'session:lock',
  'session:touch',
  'session:changePassphrase',
  'prefs:get',
  'prefs:setLanguage',
  'settings:setAutoLock',
  'users:list',
  'users:create',
  'users:setRoles',
  'users:remove',
  'audit:list',
  'records:history',
] as const satisfies readonly Channel[];

const REFERENCE = [
  'units:list',
  'units:get',
  'units:save',
  'units:remove',
  'persons:list',
  'persons:get',
  'persons:save',
  'persons:remove',
  'persons:addPost',
  'persons:removePost',
  'pool:list',
  'pool:get',
  'pool:save',
  'pool:remove',
  'pool:addRelation',
  'pool:removeRelation',
  'rounds:list',
  'rounds:save',
  'cases:list',
  'cases:get',
  'cases:save',
  'cases:accounts',
  'cases:checkRecusal',
  'cases:addMember',
  'cases:removeMember',
  'cases:linkAccount',
  'cases:suggest',
  'rules:get',
  'rules:update',
  'persons:find',
  'units:find',
  'pool:setAppraisal',
] as const satisfies readonly Channel[];

const INTAKE_LEADS = [
  'intake:list',
  'intake:get',
  'intake:create',
  'intake:update',
  'intake:addReply',
  'leads:list',
  'leads:count',
  'leads:get',
  'leads:create',
  'leads:transition',
  'leads:caseUsers',
  'overdue:board',
  'ledger:export',
  'intake:page',
  'leads:page',
  'intake:edit',
  'intake:remove',
  'leads:edit',
  'leads:remove',
] as const satisfies readonly Channel[];

const SEARCH = ['search:query', 'search:options'] as const satisfies readonly Channel[];

const DEMO = ['demo:seed'] as const satisfies readonly Channel[];

const WORK_RECORDS = [
  'workRecords:list',
  'workRecords:get',
  'workRecords:save',
  'workRecords:remove',
  'workRecords:link',
  'workRecords:unlink',
  'workRecords:forLead',
] as const satisfies readonly Channel[];

const ATTACHMENTS = [
  'attachments:list',
  'attachments:begin',
  'attachments:chunk',
  'attachments:commit',
  'attachments:abort',
  'attachments:open',
  'attachments:read',
  'attachments:remove',
] as const satisfies readonly Channel[];

const TRANSFER = [
  'transfer:pathChooser',
  'transfer:choosePath',
  'transfer:exportPreview',
  'transfer:export',
  'transfer:importOpen',
  'transfer:importConfirm',
  'transfer:importDiscard',
  'transfer:registers',
] as const satisfies readonly Channel[];

const OFFICES = [
  'offices:identity',
  'offices:list',
  'offices:exportCard',
  'offices:rotateKeys',
  'offices:previewCard',
  'offices:trust',
  'offices:acceptRotation',
  'offices:revoke',
  'offices:history',
] as const satisfies readonly Channel[];

const CONFLICTS = [
  'conflicts:list',
  'conflicts:get',
  'conflicts:resolve',
] as const satisfies readonly Channel[];

export const PRELOAD_CHANNELS = [
  ...FOUNDATION,
  ...REFERENCE,
  ...INTAKE_LEADS,
  ...SEARCH,
  ...DEMO,
  ...WORK_RECORDS,
  ...ATTACHMENTS,
  ...TRANSFER,
  ...OFFICES,
  ...CONFLICTS,
] as const;

type MissingFromPreload = Exclude<Channel, (typeof PRELOAD_CHANNELS)[number]>;
export const EXHAUSTIVE: [MissingFromPreload] extends [never]
  ? true
  : { missingChannel: MissingFromPreload } = true;
