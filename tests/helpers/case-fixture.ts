import type { Role } from '../../shared/roles';
import { activateUser, setupVault, value } from './temp-vault';

/**
 * Test fixture data for the intake-leads tests: one account per case role, and one
 * case with its unit, round and persons created through the reference channels.
 */
export const PASS = 'Xunshi-Ceshi-2026!';

export const ACCOUNTS = {
  leader: { name: 'zuzhang', displayName: '王组长', roles: ['group_leader'] },
  leader2: { name: 'zuzhang2', displayName: '李组长', roles: ['group_leader'] },
  deputy: { name: 'fuzuzhang', displayName: '赵副组长', roles: ['deputy_leader'] },
  member: { name: 'zuyuan', displayName: '孙组员', roles: ['member'] },
  intake: { name: 'xinfang', displayName: '钱信访', roles: ['intake_officer'] },
  liaison: { name: 'lianluo', displayName: '周联络', roles: ['liaison'] },
  auditor: { name: 'shenji', displayName: '吴审计', roles: ['auditor'] },
} as const satisfies Record<string, { name: string; displayName: string; roles: Role[] }>;

export type AccountKey = keyof typeof ACCOUNTS;

export interface CaseFixture {
  caseId: string;
  unitId: string;
  subUnitId: string;
  personIds: { director: string; deputy: string; clerk: string };
  userIds: Record<AccountKey, string>;
}

type Call = Awaited<ReturnType<typeof setupVault>>['call'];

/** The unit, persons, round and case, created by the group leader through the reference channels. */
async function createCase(call: Call): Promise<Omit<CaseFixture, 'userIds'>> {
  value(await call('session:unlock', { userName: ACCOUNTS.leader.name, passphrase: PASS }));
  const unit = value(
    await call('units:save', {
      name: '某市交通运输局',
      unitType: 'party_government',
      managementLevel: 'county',
    }),
  );
  const sub = value(
    await call('units:save', { name: '公路管理处', parentId: unit.id, unitType: 'party_government' }),
  );
  const person = async (
    name: string,
    unitId: string,
    post: string,
    level: 'county' | 'township',
    lead: boolean,
  ) =>
    value(await call('persons:save', { name, unitId, post, managementLevel: level, isLeadership: lead })).id;
  const personIds = {
    director: await person('张建国', unit.id, '党组书记、局长', 'county', true),
    deputy: await person('刘志强', unit.id, '副局长', 'county', true),
    clerk: await person('陈晓梅', sub.id, '财务科科长', 'township', false),
  };
  const round = value(await call('rounds:save', { name: '2026年第一轮巡察', year: 2026, sequence: 1 }));
  const created = value(
    await call('cases:save', {
      roundId: round.id,
      unitId: unit.id,
      code: '2026-1-01',
      groupName: '第二巡察组',
      phase: 'stationed',
    }),
  );
  return { caseId: created.id, unitId: unit.id, subUnitId: sub.id, personIds };
}

/** The case's group: every case-role account is in it (case content is for members only). */
export const GROUP: Partial<
  Record<AccountKey, 'leader' | 'deputy' | 'member' | 'intake_officer' | 'liaison'>
> = {
  leader: 'leader',
  leader2: 'deputy',
  deputy: 'deputy',
  member: 'member',
  intake: 'intake_officer',
  liaison: 'liaison',
};

/** Each account of GROUP as an inspector (a person of no unit) linked to its account in the case's group. */
export async function joinGroup(call: Call, caseId: string, userIds: Record<AccountKey, string>) {
  for (const [key, groupRole] of Object.entries(GROUP) as [
    AccountKey,
    NonNullable<(typeof GROUP)[AccountKey]>,
  ][]) {
    const person = value(await call('persons:save', { name: ACCOUNTS[key].displayName }));
    const inspector = value(await call('pool:save', { personId: person.id, backgrounds: ['discipline'] }));
    value(
      await call('cases:addMember', { caseId, inspectorId: inspector.id, groupRole, userId: userIds[key] }),
    );
  }
}

/** A vault with the fixture case and one activated account per key; the group leader stays signed in. */
export async function setupCaseVault(dir: string, extra: Parameters<typeof setupVault>[1] = {}) {
  const v = await setupVault(dir, extra);
  const userIds = {} as Record<AccountKey, string>;
  for (const [key, a] of Object.entries(ACCOUNTS) as [AccountKey, (typeof ACCOUNTS)[AccountKey]][]) {
    const u = value(
      await v.call('users:create', {
        name: a.name,
        displayName: a.displayName,
        roles: [...a.roles],
        passphrase: `${PASS}0`,
      }),
    );
    userIds[key] = u.id;
    await activateUser(dir, a.name, `${PASS}0`, PASS);
  }
  const rows = await createCase(v.call);
  await joinGroup(v.call, rows.caseId, userIds);
  const as = async (key: AccountKey) => {
    value(await v.call('session:unlock', { userName: ACCOUNTS[key].name, passphrase: PASS }));
  };
  return { ...v, ...rows, userIds, as };
}
