import { randomUUID } from 'node:crypto';
import type { demoContract } from '../../../shared/contracts/demo';
import type { GroupRole } from '../../../shared/contracts/reference';
import type { Role } from '../../../shared/roles';
import { AppError } from '../errors';
import type { MingjingCore } from '../mingjing-core';
import { seedVault, type SeedCounts } from '../search/seed/seed-vault';
import type { HandlersFor } from '../service-context';
import { insertUser, setMustChangePassphrase } from '../users/user-repo';

/** A modest sample: enough to try every screen, quick to write even with the production KDF. */
export const DEMO_COUNTS: SeedCounts = { units: 40, persons: 200, cases: 2, intake: 60, leads: 30 };

/** The demo group: its leader writes the sample data; all three are in both cases' groups. */
export const DEMO_ACCOUNTS: readonly {
  name: string;
  displayName: string;
  roles: Role[];
  groupRole: GroupRole;
}[] = [
  { name: 'yanshi_zuzhang', displayName: '演示组长', roles: ['group_leader'], groupRole: 'leader' },
  { name: 'yanshi_zuyuan', displayName: '演示组员', roles: ['member'], groupRole: 'member' },
  {
    name: 'yanshi_xinfang',
    displayName: '演示信访员',
    roles: ['intake_officer'],
    groupRole: 'intake_officer',
  },
];

/** Runs `work` signed in as another account; every other call waits until it ends. */
export type ActAs = <T>(userId: string, work: () => Promise<T>) => Promise<T>;

/** Tables that must be empty for the vault to count as new. */
const RECORD_TABLES = ['units', 'persons', 'inspectors', 'rounds', 'cases'] as const;

export function createDemoHandlers(core: MingjingCore, actAs: ActAs): HandlersFor<keyof typeof demoContract> {
  const ctx = core.context;
  return {
    'demo:seed': async ({ passphrase }) => {
      const db = ctx.db();
      const users = (
        db.prepare('SELECT count(*) AS n FROM users WHERE deleted_hlc IS NULL').get() as { n: number }
      ).n;
      const records = RECORD_TABLES.some((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() !== undefined);
      if (users !== 1 || records) throw new AppError('DEMO_VAULT_NOT_NEW');
      // The rule every passphrase follows (see users:create): not the user name, some variety.
      const p = passphrase.toLowerCase();
      if (DEMO_ACCOUNTS.some((a) => p.includes(a.name)) || new Set(p).size < 4)
        throw new AppError('PASSPHRASE_WEAK');

      const vault = ctx.session().vault;
      const office = ctx.session().office.id;
      const accounts = DEMO_ACCOUNTS.map((a) => ({ ...a, id: randomUUID() }));
      for (const a of accounts) await vault.setUserSlot(a.id, a.name, passphrase);
      // One transaction for everything: a failure leaves the new vault as it was.
      db.exec('BEGIN');
      try {
        for (const a of accounts) {
          ctx.write(
            {
              action: 'user.create',
              entityType: 'user',
              entityId: a.id,
              details: { name: a.name, roles: a.roles, demo: true },
            },
            (wdb, hlc) =>
              insertUser(wdb, {
                id: a.id,
                name: a.name,
                displayName: a.displayName,
                roles: a.roles,
                originOffice: office,
                hlc,
              }),
          );
        }
        const [leader, ...others] = accounts;
        const report = await actAs(leader!.id, () =>
          seedVault(
            core,
            DEMO_COUNTS,
            undefined,
            others.map((a) => ({ userId: a.id, groupRole: a.groupRole })),
          ),
        );
        ctx.write(
          {
            action: 'demo.seed',
            entityType: 'office',
            entityId: office,
            details: { created: report.created, accounts: accounts.map((a) => a.name) },
          },
          (wdb, hlc) => {
            // The administrator chose this passphrase: each account replaces it at first sign-in.
            for (const a of accounts) setMustChangePassphrase(wdb, a.id, true, hlc);
          },
        );
        db.exec('COMMIT');
        return {
          accounts: accounts.map(({ name, displayName, roles }) => ({ name, displayName, roles })),
          created: report.created,
        };
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        for (const a of accounts) vault.removeUserSlot(a.id);
        throw err;
      }
    },
  };
}
