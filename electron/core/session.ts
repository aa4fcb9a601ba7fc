import type { User } from '../../shared/contract';
import type { HybridLogicalClock } from './clock/hlc';
import type { OpenVault } from './vault/vault';

/** The one signed-in user of this installation, with the unlocked vault. */
export interface ActiveSession {
  vault: OpenVault;
  userId: string;
  office: { id: string; name: string };
  clock: HybridLogicalClock;
  lastActivityMs: number;
}

export type SessionUser = User;
