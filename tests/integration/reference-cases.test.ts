import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { activateUser, makeCore, setupVault, tempDir, value, type TypedCall } from '../helpers/temp-vault';

const PASS = 'Ceshi-mima-2026-case';
const INITIAL = 'Chushi-mima-2026-case';
// 2026-03-01: "within three years" reaches back to 2023-03-01.
const NOW = Date.parse('2026-03-01T08:00:00Z');

async function signInAs(dir: string, admin: TypedCall, role: Role): Promise<TypedCall> {
  const name = `case_${role}`;
  value(await admin('users:create', { name, displayName: role, roles: [role], passphrase: INITIAL }));
  await activateUser(dir, name, INITIAL, PASS);
  const { call } = makeCore(dir, { now: () => NOW });
  value(await call('session:unlock', { userName: name, passphrase: PASS }));
  return call;
}

describe('pool, cases, groups and the recusal check', () => {
  const t = tempDir();
  let admin: TypedCall;
  let leader: TypedCall;
  let member: TypedCall;
  let auditor: TypedCall;
  const ids = {} as Record<
    'unit' | 'other' | 'head' | 'spouseInsp' | 'formerInsp' | 'cleanInsp' | 'round' | 'case',
    string
  >;

  beforeAll(async () => {
    admin = (await setupVault(t.dir, { now: () => NOW })).call;
    leader = await signInAs(t.dir, admin, 'group_leader');
    member = await signInAs(t.dir, admin, 'member');
    auditor = await signInAs(t.dir, admin, 'auditor');

    ids.unit = value(
      await leader('units:save', { name: '某市住房和城乡建设局', unitType: 'party_government' }),
    ).id;
    ids.other = value(await leader('units:save', { name: '某市纪委监委', unitType: 'party_government' })).id;
    ids.head = value(
      await leader('persons:save', { name: '周国强', unitId: ids.unit, post: '局长', isLeadership: true }),
    ).id;
    const inspector = async (name: string, backgrounds: ('discipline' | 'finance' | 'audit')[]) => {
      const person = value(await leader('persons:save', { name, unitId: ids.other, post: '干部' }));
      return value(await leader('pool:save', { personId: person.id, backgrounds, skills: '财务审计' }));
    };
    const spouse = await inspector('陈丽', ['discipline']);
    ids.spouseInsp = spouse.id;
    value(
      await leader('pool:addRelation', {
        inspectorId: spouse.id,
        relationType: 'spouse',
        relatedPersonId: ids.head,
        fromDate: '2001-05-01',
      }),
    );
    const former = await inspector('王强', ['finance']);
    ids.formerInsp = former.id;
    value(
      await leader('persons:addPost', {
        personId: former.personId,
        unitId: ids.unit,
        post: '科长',
        fromDate: '2019-04-01',
        toDate: '2023-08-31',
      }),
    );
    ids.cleanInsp = (await inspector('刘洋', ['finance'])).id;

    ids.round = value(await leader('rounds:save', { name: '2026年第一轮巡察', year: 2026, sequence: 1 })).id;
    ids.case = value(
      await leader('cases:save', {
        roundId: ids.round,
        unitId: ids.unit,
        code: '2026-1-03',
        groupName: '第三巡察组',
        plannedStart: '2026-03-10',
        plannedEnd: '2026-05-10',
      }),
    ).id;
  });
  afterAll(() => t.cleanup());

  it('finds each conflict with its rule and evidence', async () => {
    const spouseAsDeputy = value(
      await leader('cases:checkRecusal', {
        caseId: ids.case,
        inspectorId: ids.spouseInsp,
        groupRole: 'deputy',
      }),
    );
    expect(spouseAsDeputy).toEqual([
      expect.objectContaining({
        ruleCode: 'close_to_leader',
        kind: 'relation_with_unit_leader',
        relationType: 'spouse',
        relatedName: '周国强',
        from: '2001-05-01',
      }),
    ]);
    // Members recuse for spouses too.
    expect(
      value(
        await leader('cases:checkRecusal', {
          caseId: ids.case,
          inspectorId: ids.spouseInsp,
          groupRole: 'member',
        }),
      ),
    ).toHaveLength(1);

    const formerAsLeader = value(
      await leader('cases:checkRecusal', {
        caseId: ids.case,
        inspectorId: ids.formerInsp,
        groupRole: 'leader',
      }),
    );
    expect(formerAsLeader).toEqual([
      expect.objectContaining({
        ruleCode: 'worked_recently',
        years: 3,
        from: '2019-04-01',
        to: '2023-08-31',
      }),
      expect.objectContaining({ ruleCode: 'worked_long', years: 3, totalYears: 4.4 }),
    ]);
    // The member rule set has no work-history rules.
    expect(
      value(
        await leader('cases:checkRecusal', {
          caseId: ids.case,
          inspectorId: ids.formerInsp,
          groupRole: 'member',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a conflicted assignment without a reason, saves nothing, and accepts it with a reason (audited)', async () => {
    const refused = await leader('cases:addMember', {
      caseId: ids.case,
      inspectorId: ids.spouseInsp,
      groupRole: 'deputy',
    });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'RECUSAL_CONFLICT',
      details: { count: 1 },
    });
    expect(value(await leader('cases:get', { id: ids.case })).members).toHaveLength(0);

    const byMember = await member('cases:addMember', {
      caseId: ids.case,
      inspectorId: ids.cleanInsp,
      groupRole: 'member',
    });
    expect(byMember.ok ? null : byMember.error.code).toBe('ROLE_FORBIDDEN');

    const reason = '经组务会研究，该同志仅负责财务资料调阅，不参与涉及周国强的谈话。';
    const kase = value(
      await leader('cases:addMember', {
        caseId: ids.case,
        inspectorId: ids.spouseInsp,
        groupRole: 'deputy',
        overrideReason: reason,
      }),
    );
    expect(kase.members).toEqual([
      expect.objectContaining({ name: '陈丽', groupRole: 'deputy', overrideReason: reason }),
    ]);

    const history = value(await auditor('records:history', { entityType: 'case', entityId: ids.case }));
    const override = history.find((e) => e.action === 'case.member_override')!;
    expect(override.details).toMatchObject({
      overrideReason: reason,
      inspector: '陈丽',
      conflicts: [expect.objectContaining({ rule: '与该单位领导有亲属、师生、同学、上下级或长期同事关系' })],
    });

    const dup = await leader('cases:addMember', {
      caseId: ids.case,
      inspectorId: ids.spouseInsp,
      groupRole: 'member',
      overrideReason: reason,
    });
    expect(dup.ok ? null : dup.error.code).toBe('MEMBER_EXISTS');

    // The inspector's record lists the round.
    const pool = value(await leader('pool:get', { id: ids.spouseInsp }));
    expect(pool.pastRounds).toEqual([
      expect.objectContaining({ caseCode: '2026-1-03', groupRole: 'deputy' }),
    ]);
  });

  it('links a member to an account and assigns a conflict-free inspector without a reason', async () => {
    const accounts = value(await leader('cases:accounts', {}));
    expect(accounts.map((a) => a.name).sort()).toEqual(['case_group_leader', 'case_member']);
    const account = accounts.find((a) => a.name === 'case_member')!;
    const kase = value(
      await leader('cases:addMember', {
        caseId: ids.case,
        inspectorId: ids.cleanInsp,
        groupRole: 'member',
        userId: account.id,
      }),
    );
    expect(kase.members.find((m) => m.name === '刘洋')).toMatchObject({
      userName: 'case_member',
      overrideReason: null,
    });
  });

  it('suggests only available, conflict-free inspectors, by background', async () => {
    const other = value(
      await leader('cases:save', {
        roundId: ids.round,
        unitId: ids.unit,
        code: '2026-1-04',
        groupName: '第四巡察组',
      }),
    );
    const asLeader = value(await leader('cases:suggest', { caseId: other.id, groupRole: 'leader' }));
    expect(asLeader.map((i) => i.name)).toEqual(['刘洋']);
    const asMember = value(await leader('cases:suggest', { caseId: other.id, groupRole: 'member' }));
    expect(asMember.map((i) => i.name).sort()).toEqual(['刘洋', '王强'].sort());
    const finance = value(
      await leader('cases:suggest', { caseId: other.id, groupRole: 'member', background: 'discipline' }),
    );
    expect(finance).toEqual([]);
  });

  it('refuses a duplicate case code, dates out of order and an unknown phase, saving nothing', async () => {
    const before = value(await leader('cases:list', {})).length;
    const dup = await leader('cases:save', {
      roundId: ids.round,
      unitId: ids.unit,
      code: '2026-1-03',
      groupName: '组',
    });
    expect(dup.ok ? null : dup.error.code).toBe('CASE_CODE_EXISTS');
    const dates = await leader('cases:save', {
      roundId: ids.round,
      unitId: ids.unit,
      code: '2026-1-09',
      groupName: '组',
      actualStart: '2026-05-01',
      actualEnd: '2026-04-01',
    });
    expect(dates.ok ? null : dates.error).toMatchObject({
      code: 'INPUT_INVALID',
      details: { field: 'actualEnd' },
    });
    const phase = await leader('cases:save', {
      roundId: ids.round,
      unitId: ids.unit,
      code: '2026-1-09',
      groupName: '组',
      phase: 'archived' as never,
    });
    expect(phase.ok ? null : phase.error.code).toBe('INPUT_INVALID');
    expect(value(await leader('cases:list', {}))).toHaveLength(before);

    const kase = value(await leader('cases:get', { id: ids.case }));
    value(await leader('cases:save', { ...pick(kase), phase: 'stationed', actualStart: '2026-03-12' }));
    const history = value(await leader('records:history', { entityType: 'case', entityId: ids.case }));
    expect(history.find((e) => e.action === 'case.update')!.details.changes).toEqual({
      phase: ['preparation', 'stationed'],
      actualStart: [null, '2026-03-12'],
    });
  });

  it('lets only the group leader edit office rules, validated with their schema', async () => {
    const rules = value(await member('rules:get', {}));
    expect(rules.recusal.members).toHaveLength(1);
    const forbidden = await member('rules:update', {
      key: 'warnings',
      value: { greenDays: 30, yellowDays: 5 },
    });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('ROLE_FORBIDDEN');
    const bad = await leader('rules:update', { key: 'warnings', value: { greenDays: 5, yellowDays: 30 } });
    expect(bad.ok ? null : bad.error.code).toBe('INPUT_INVALID');
    value(await leader('rules:update', { key: 'warnings', value: { greenDays: 30, yellowDays: 5 } }));
    expect(value(await member('rules:get', {})).warnings).toEqual({ greenDays: 30, yellowDays: 5 });

    // Stricter local rule: members also recuse for in-laws of the unit's leaders.
    const recusal = rules.recusal;
    value(
      await leader('rules:update', {
        key: 'recusal',
        value: {
          ...recusal,
          members: [{ ...recusal.members[0]!, relationTypes: ['spouse', 'blood_direct', 'in_law'] }],
        },
      }),
    );
    expect(value(await member('rules:get', {})).recusal.members[0]!.relationTypes).toContain('in_law');
  });
});

function pick(c: {
  id: string;
  roundId: string;
  unitId: string;
  code: string;
  groupName: string;
  phase: 'preparation' | 'stationed' | 'report' | 'feedback' | 'transfer' | 'rectification' | 'closed';
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}) {
  const { id, roundId, unitId, code, groupName, phase, plannedStart, plannedEnd, actualStart, actualEnd } = c;
  return { id, roundId, unitId, code, groupName, phase, plannedStart, plannedEnd, actualStart, actualEnd };
}
