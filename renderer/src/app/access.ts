import { contract, type Channel } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';

/** Whether a user with these roles may call a channel, read from the contract itself. */
export function mayCall(channel: Channel, roles: readonly Role[]): boolean {
  const access = contract[channel].access;
  if (access === 'public' || access === 'unlocked') return true;
  return roles.some((role) => (access as readonly Role[]).includes(role));
}
