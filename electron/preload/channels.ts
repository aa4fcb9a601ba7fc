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

const REFERENCE = [] as const satisfies readonly Channel[];

const INTAKE_LEADS = [] as const satisfies readonly Channel[];

const SEARCH = [] as const satisfies readonly Channel[];

export const PRELOAD_CHANNELS = [...FOUNDATION, ...REFERENCE, ...INTAKE_LEADS, ...SEARCH] as const;

type MissingFromPreload = Exclude<Channel, (typeof PRELOAD_CHANNELS)[number]>;
export const EXHAUSTIVE: [MissingFromPreload] extends [never]
  ? true
  : { missingChannel: MissingFromPreload } = true;
