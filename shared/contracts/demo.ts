import { z } from 'zod';
import { entry } from '../contract-kit';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '../passphrase-policy';
import { ROLES } from '../roles';

/**
 * Demo data (演示数据): generated sample units, persons, two cases with their groups,
 * intake items and leads, for trying Mingjing out. Offered on the setup screen only as
 * an explicit choice; allowed only in a new vault (no other account, no records yet).
 */
export const demoAccountSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

export const demoContract = {
  /**
   * Run by the security administrator right after setup. Opens demo accounts (a group
   * leader, a member, an intake officer) with `passphrase` as their initial passphrase,
   * to be replaced at first sign-in, and writes the sample data as the demo leader.
   */
  'demo:seed': entry(
    ['security_admin'],
    z.object({ passphrase: z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH) }).strict(),
    z.object({ accounts: z.array(demoAccountSchema), created: z.record(z.string(), z.number().int()) }),
  ),
} as const;
