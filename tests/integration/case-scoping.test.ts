import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../shared/contract';
import { PASS, setupCaseVault } from '../helpers/case-fixture';
import { activateUser, ADMIN, tempDir, value } from '../helpers/temp-vault';

/**
 * Case membership (docs/security-model.md, "Case membership"): a case's content is
 * for the accounts linked to its group. The fixture's case A has every case-role
 * account in its group; case B is led by another group leader with one member.
 */
const OTHERS = {
  bLeader: { name: 'bzuzhang', displayName: '乙组长', roles: ['group_leader'] as const },
  bMember: { name: 'bzuyuan', displayName: '乙组员', roles: ['member'] as const },
};

describe('case membership scoping', () => {
  const t = tempDir();
  let v: Awaited<ReturnType<typeof setupCaseVault>>;
  const ids = {} as Record<keyof typeof OTHERS, string>;
  let caseB: string;
  let caseC: string;
  let itemA: string;
  let leadA: string;
  let itemB: string;
  let itemC: string;

  const signIn = async (name: string) =>
    value(await v.call('session:unlock', { userName: name, passphrase: PASS }));
  const code = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const r = await v.call(channel, input);
    return r.ok ? 'ok' : r.error.code;
  };

  beforeAll(async () => {
    v = await setupCaseVault(t.dir);
    // Case A's content: a letter and a lead from it, by its group.
    await v.as('intake');
    itemA = value(
      await v.call('intake:create', {
        caseId: v.caseId,
        channel: 'letter',
        receivedDate: '2026-05-04',
        realName: false,
        summary: '反映违规发放津贴',
        content: '公路管理处财务科年底违规发放津贴补贴。',
      }),
    ).id;
    await v.as('member');
    leadA = value(
      await v.call('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-05-04',
        summary: '财务科违规发放津贴补贴',
        subjects: [{ personId: v.personIds.clerk }],
        sources: [{ kind: 'intake', intakeId: itemA }],
      }),
    ).id;

    // Two more accounts, then case B with its own group.
    value(await v.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
    for (const [key, a] of Object.entries(OTHERS) as [keyof typeof OTHERS, (typeof OTHERS)['bLeader']][]) {
      ids[key] = value(
        await v.call('users:create', { ...a, roles: [...a.roles], passphrase: `${PASS}0` }),
      ).id;
      await activateUser(t.dir, a.name, `${PASS}0`, PASS);
    }
    await signIn(OTHERS.bLeader.name);
    const unit = value(await v.call('units:save', { name: '某县财政局', unitType: 'party_government' }));
    const round = value(await v.call('rounds:list', {}))[0]!;
    caseB = value(
      await v.call('cases:save', {
        roundId: round.id,
        unitId: unit.id,
        code: '2026-1-02',
        groupName: '第三巡察组',
        phase: 'stationed',
      }),
    ).id;
    for (const [key, groupRole] of [
      ['bLeader', 'leader'],
      ['bMember', 'member'],
    ] as const) {
      const person = value(await v.call('persons:save', { name: OTHERS[key].displayName }));
      const inspector = value(await v.call('pool:save', { personId: person.id, backgrounds: ['finance'] }));
      value(
        await v.call('cases:addMember', {
          caseId: caseB,
          inspectorId: inspector.id,
          groupRole,
          userId: ids[key],
        }),
      );
    }
    itemB = value(
      await v.call('intake:create', {
        caseId: caseB,
        channel: 'call',
        receivedDate: '2026-05-05',
        realName: false,
        summary: '反映财政局津贴发放问题',
        content: '财政局违规发放津贴。',
      }),
    ).id;
    // Case C: led by the same leader, without the member (so the member is in one case of three).
    caseC = value(
      await v.call('cases:save', {
        roundId: round.id,
        unitId: unit.id,
        code: '2026-1-03',
        groupName: '第四巡察组',
        phase: 'stationed',
      }),
    ).id;
    const leaderInspector = value(await v.call('pool:list', {})).find(
      (i) => i.name === OTHERS.bLeader.displayName,
    )!;
    value(
      await v.call('cases:addMember', {
        caseId: caseC,
        inspectorId: leaderInspector.id,
        groupRole: 'leader',
        userId: ids.bLeader,
      }),
    );
    itemC = value(
      await v.call('intake:create', {
        caseId: caseC,
        channel: 'letter',
        receivedDate: '2026-05-06',
        realName: false,
        summary: '反映财政局下属单位津贴问题',
        content: '下属单位违规发放津贴。',
      }),
    ).id;
  });
  afterAll(() => t.cleanup());

  it('lists only their own cases to members, every case (not its content) to case managers', async () => {
    await signIn(OTHERS.bMember.name);
    const mine = value(await v.call('cases:list', {}));
    expect(mine.map((c) => [c.id, c.myGroupRole])).toEqual([[caseB, 'member']]);
    expect(await code('cases:get', { id: v.caseId })).toBe('RECORD_NOT_FOUND');

    await signIn(OTHERS.bLeader.name);
    const all = value(await v.call('cases:list', {}));
    expect(new Map(all.map((c) => [c.id, c.myGroupRole]))).toEqual(
      new Map([
        [v.caseId, null],
        [caseB, 'leader'],
        [caseC, 'leader'],
      ]),
    );
    expect(value(await v.call('cases:get', { id: v.caseId })).myGroupRole).toBeNull();
  });

  it('refuses every read and write of another case, with the answer a missing case gets', async () => {
    const missing = randomUUID();
    for (const who of [OTHERS.bMember.name, OTHERS.bLeader.name]) {
      await signIn(who);
      for (const caseId of [v.caseId, missing]) {
        expect(await code('intake:list', { caseId }), who).toBe('INTAKE_CASE_NOT_FOUND');
        expect(await code('leads:list', { caseId })).toBe('INTAKE_CASE_NOT_FOUND');
        expect(await code('leads:count', { caseId })).toBe('INTAKE_CASE_NOT_FOUND');
        expect(await code('leads:caseUsers', { caseId })).toBe('INTAKE_CASE_NOT_FOUND');
        expect(await code('overdue:board', { caseId })).toBe('INTAKE_CASE_NOT_FOUND');
        expect(await code('ledger:export', { caseId, ledger: 'intake' })).toBe('INTAKE_CASE_NOT_FOUND');
        expect(await code('ledger:export', { caseId, ledger: 'leads' })).toBe('INTAKE_CASE_NOT_FOUND');
        expect(
          await code('leads:create', {
            caseId,
            receivedDate: '2026-05-06',
            summary: '越权登记的线索',
            subjects: [{ freeText: '某人' }],
            sources: [{ kind: 'talk' }],
          }),
        ).toBe('INTAKE_CASE_NOT_FOUND');
      }
      for (const id of [itemA, randomUUID()]) {
        expect(await code('intake:get', { id })).toBe('RECORD_NOT_FOUND');
        expect(await code('records:history', { entityType: 'intake', entityId: id })).toBe(
          'RECORD_NOT_FOUND',
        );
      }
      for (const id of [leadA, randomUUID()]) {
        expect(await code('leads:get', { id })).toBe('RECORD_NOT_FOUND');
        expect(await code('leads:transition', { id, action: 'propose', disposal: 'close' })).toBe(
          'RECORD_NOT_FOUND',
        );
        expect(await code('records:history', { entityType: 'lead', entityId: id })).toBe('RECORD_NOT_FOUND');
      }
    }
    // The intake-editing roles: case B's leader may write intake, but not in case A.
    await signIn(OTHERS.bLeader.name);
    expect(
      await code('intake:create', {
        caseId: v.caseId,
        channel: 'letter',
        receivedDate: '2026-05-06',
        realName: false,
        summary: '越权登记',
        content: '越权登记的信访件。',
      }),
    ).toBe('INTAKE_CASE_NOT_FOUND');
    expect(await code('intake:update', { id: itemA, ownerUserId: ids.bLeader })).toBe('RECORD_NOT_FOUND');
    expect(
      await code('intake:addReply', {
        intakeId: itemA,
        kind: 'acknowledgement',
        date: '2026-05-06',
        way: 'phone',
        text: '已受理',
      }),
    ).toBe('RECORD_NOT_FOUND');
    // Nothing of that reached case A.
    await v.as('leader');
    expect(value(await v.call('intake:list', { caseId: v.caseId })).map((i) => i.id)).toEqual([itemA]);
    expect(value(await v.call('leads:count', { caseId: v.caseId })).total).toBe(1);
  });

  it('keeps another case out of search: hits, totals and the case filter', async () => {
    const hitsOf = async (caseId?: string) => {
      const r = value(
        await v.call('search:query', { query: '津贴', pageSize: 50, ...(caseId ? { caseId } : {}) }),
      );
      return { total: r.total, cases: new Set(r.hits.map((h) => h.caseId)), ids: r.hits.map((h) => h.id) };
    };
    // In one case of three, and in two of three: both ways of naming the hidden cases.
    await signIn(OTHERS.bMember.name);
    const b = await hitsOf();
    expect(b.ids).toEqual([itemB]);
    expect(b.total).toBe(1);
    expect((await hitsOf(v.caseId)).total).toBe(0);
    expect((await hitsOf(caseC)).total).toBe(0);
    await signIn(OTHERS.bLeader.name);
    const bc = await hitsOf();
    expect(bc.ids.sort()).toEqual([itemB, itemC].sort());
    expect(bc.total).toBe(2);
    expect((await hitsOf(v.caseId)).total).toBe(0);

    await v.as('member');
    const a = await hitsOf();
    expect([...a.cases]).toEqual([v.caseId]);
    expect(a.ids.sort()).toEqual([itemA, leadA].sort());
    expect(a.total).toBe(2);
    expect((await hitsOf(caseB)).total).toBe(0);
  });

  it("lets only the case's leaders change it and its group once it has them", async () => {
    await signIn(OTHERS.bLeader.name);
    const kase = value(await v.call('cases:get', { id: v.caseId }));
    const [inspector] = value(await v.call('pool:list', {})).filter(
      (i) => i.name === OTHERS.bLeader.displayName,
    );
    expect(
      await code('cases:addMember', {
        caseId: v.caseId,
        inspectorId: inspector!.id,
        groupRole: 'leader',
        userId: ids.bLeader,
      }),
    ).toBe('CASE_MANAGE_FORBIDDEN');
    expect(await code('cases:removeMember', { id: kase.members[0]!.id })).toBe('CASE_MANAGE_FORBIDDEN');
    expect(
      await code('cases:save', {
        id: v.caseId,
        roundId: kase.roundId,
        unitId: kase.unitId,
        code: kase.code,
        groupName: '改名',
        phase: kase.phase,
      }),
    ).toBe('CASE_MANAGE_FORBIDDEN');
    expect(
      await code('cases:checkRecusal', { caseId: v.caseId, inspectorId: inspector!.id, groupRole: 'member' }),
    ).toBe('CASE_MANAGE_FORBIDDEN');
    expect(await code('cases:suggest', { caseId: v.caseId, groupRole: 'member' })).toBe(
      'CASE_MANAGE_FORBIDDEN',
    );
    expect(value(await v.call('cases:get', { id: v.caseId })).groupName).toBe(kase.groupName);
  });

  it('names only group members on records, and a member removed from the group loses the case', async () => {
    await v.as('leader');
    const users = value(await v.call('leads:caseUsers', { caseId: v.caseId })).map((u) => u.id);
    expect(users).toContain(v.userIds.member);
    expect(users).not.toContain(ids.bMember);
    expect(await code('intake:update', { id: itemA, ownerUserId: ids.bMember })).toBe('INTAKE_LINK_INVALID');
    expect(
      await code('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-05-06',
        summary: '主要负责人问题',
        subjects: [{ personId: v.personIds.director }],
        sources: [{ kind: 'talk' }],
        sealed: true,
        sealedUserIds: [ids.bMember],
      }),
    ).toBe('INTAKE_LINK_INVALID');

    await v.as('liaison');
    expect(value(await v.call('intake:list', { caseId: v.caseId }))).toHaveLength(1);
    await v.as('leader');
    const liaison = value(await v.call('cases:get', { id: v.caseId })).members.find(
      (m) => m.userId === v.userIds.liaison,
    )!;
    value(await v.call('cases:removeMember', { id: liaison.id }));
    await v.as('liaison');
    expect(await code('intake:list', { caseId: v.caseId })).toBe('INTAKE_CASE_NOT_FOUND');
    expect(value(await v.call('cases:list', {}))).toEqual([]);
  });

  it("still shows the auditor a case's history, not its content", async () => {
    await v.as('auditor');
    const history = value(await v.call('records:history', { entityType: 'case', entityId: v.caseId }));
    expect(history.map((h) => h.action)).toContain('case.member_add');
    expect(
      value(await v.call('records:history', { entityType: 'intake', entityId: itemA })),
    ).not.toHaveLength(0);
    expect(await code('intake:list', { caseId: v.caseId })).toBe('ROLE_FORBIDDEN');
  });
});
