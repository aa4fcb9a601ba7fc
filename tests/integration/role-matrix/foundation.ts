import type { Expected } from './expected';
import { CASE_WORKERS, EVERYONE } from './expected';

export const FOUNDATION_EXPECTED: Record<string, Expected> = {
  'vault:status': 'public',
  'vault:setup': 'public',
  'session:unlock': 'public',
  'session:recover': 'public',
  'session:current': 'public',
  'session:lock': 'public',
  'prefs:get': 'public',
  'prefs:setLanguage': 'public',
  'session:changePassphrase': EVERYONE,
  'session:touch': EVERYONE,
  'settings:setAutoLock': EVERYONE,
  'users:list': ['system_admin', 'security_admin'],
  'users:create': ['system_admin', 'security_admin'],
  'users:remove': ['system_admin', 'security_admin'],
  'users:setRoles': ['security_admin'],
  'audit:list': ['auditor', 'security_admin'],
  'records:history': [...CASE_WORKERS, 'auditor'],
};
