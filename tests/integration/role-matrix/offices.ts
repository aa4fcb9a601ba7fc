import type { Expected } from './expected';
import { EVERYONE } from './expected';

/**
 * The office identity and trust store channels, written by hand: the security
 * administrator manages keys and trust; every signed-in role reads this office's
 * card and the trust list (to choose recipients); history for the security
 * administrator and the auditor.
 */
export const OFFICES_EXPECTED: Record<string, Expected> = {
  'offices:identity': EVERYONE,
  'offices:list': EVERYONE,
  'offices:exportCard': ['security_admin'],
  'offices:rotateKeys': ['security_admin'],
  'offices:previewCard': ['security_admin'],
  'offices:trust': ['security_admin'],
  'offices:acceptRotation': ['security_admin'],
  'offices:revoke': ['security_admin'],
  'offices:history': ['security_admin', 'auditor'],
};
