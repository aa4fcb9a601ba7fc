import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_RULES } from '../../shared/office-rules';
import { setupCaseVault } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * Reference data the first part left without an edit path: appraisals after a
 * round, the recusal rule sets (add, change, remove, restore the defaults), rounds
 * and pool entries. A refused change leaves the data and the audit log as they were.
 */
const t = tempDir();
let v: Awaited<ReturnType<typeof setupCaseVault>>;
beforeAll(async () => {
  v = await setupCaseVault(t.dir);
});
afterAll(() => t.cleanup());

type Env = Awaited<ReturnType<typeof v.call>>;
const code = (env: Env) => (env.ok ? 'ok' : env.error.code);
const recordAudit = () =>
  v.core.context
    .db()
    .prepare("SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE 'session.%'")
    .get() as { n: number };

async function history(type: string, id: string) {
  return value(await v.call('records:history', { entityType: type, entityId: id }));
}

describe('appraisals of inspectors', () => {
  it('are written, changed and removed by a manager of the case, with history', async () => {
    await v.as('leader');
    const kase = value(await v.call('cases:get', { id: v.caseId }));
    const m = kase.members.find((x) => x.userId === v.userIds.member)!;
    const set = (appraisal: string | null) => v.call('pool:setAppraisal', { memberId: m.id, appraisal });

    const written = value(await set('工作认真，谈话记录规范'));
    expect(written.pastRounds.find((r) => r.memberId === m.id)!.appraisal).toBe('工作认真，谈话记录规范');
    value(await set('工作认真，谈话记录规范，善于发现问题'));
    const removed = value(await set(null));
    expect(removed.pastRounds.find((r) => r.memberId === m.id)!.appraisal).toBeNull();

    const entries = await history('inspector', m.inspectorId);
    expect(entries.slice(0, 3).map((e) => [e.action, e.details.changes])).toEqual([
      ['inspector.appraisal', { appraisal: ['工作认真，谈话记录规范，善于发现问题', null] }],
      [
        'inspector.appraisal',
        { appraisal: ['工作认真，谈话记录规范', '工作认真，谈话记录规范，善于发现问题'] },
      ],
      ['inspector.appraisal', { appraisal: [null, '工作认真，谈话记录规范'] }],
    ]);

    const before = recordAudit();
    expect(code(await set('长'.repeat(1001)))).toBe('INPUT_INVALID');
    expect(code(await set('  '))).toBe('INPUT_INVALID');
    expect(code(await v.call('pool:setAppraisal', { memberId: crypto.randomUUID(), appraisal: '好' }))).toBe(
      'RECORD_NOT_FOUND',
    );
    await v.as('member');
    expect(code(await set('自评优秀'))).toBe('ROLE_FORBIDDEN');
    expect(recordAudit()).toEqual(before);
  });
});

describe('recusal rule sets', () => {
  it('add, change and remove rules of both sets, and the new rule is what the check runs', async () => {
    await v.as('leader');
    const defaults = value(await v.call('rules:get', {})).recusal;
    expect(defaults).toEqual(DEFAULT_OFFICE_RULES.recusal);
    // Stricter local rule: members too recuse from a unit they worked at in the last 5 years.
    const stricter = {
      leaders: defaults.leaders.filter((r) => r.code !== 'alma_mater'),
      members: [
        {
          ...defaults.members[0]!,
          label: '与该单位领导有夫妻、直系血亲或姻亲关系',
          relationTypes: ['spouse', 'blood_direct', 'in_law'],
        },
        {
          code: 'member_worked_recently',
          label: '近五年在该单位工作',
          kind: 'worked_at_unit_within_years' as const,
          relationTypes: [],
          years: 5,
        },
      ],
    };
    value(await v.call('rules:update', { key: 'recusal', value: stricter }));
    const stored = value(await v.call('rules:get', {})).recusal;
    expect(stored.leaders.map((r) => r.code)).toEqual(['worked_recently', 'worked_long', 'close_to_leader']);
    expect(stored.members.map((r) => r.code)).toEqual(['relative_of_leader', 'member_worked_recently']);

    // An inspector who works at the inspected unit now conflicts as a member.
    const person = value(await v.call('persons:save', { name: '黄立新', unitId: v.unitId, post: '科员' }));
    const inspector = value(await v.call('pool:save', { personId: person.id, backgrounds: ['finance'] }));
    const conflicts = value(
      await v.call('cases:checkRecusal', {
        caseId: v.caseId,
        inspectorId: inspector.id,
        groupRole: 'member',
      }),
    );
    expect(conflicts.map((c) => [c.ruleCode, c.years])).toEqual([['member_worked_recently', 5]]);

    // Restoring the defaults (what the screen's button saves) takes the extra rule away again.
    value(await v.call('rules:update', { key: 'recusal', value: DEFAULT_OFFICE_RULES.recusal }));
    expect(value(await v.call('rules:get', {})).recusal).toEqual(DEFAULT_OFFICE_RULES.recusal);
    expect(
      value(
        await v.call('cases:checkRecusal', {
          caseId: v.caseId,
          inspectorId: inspector.id,
          groupRole: 'member',
        }),
      ),
    ).toEqual([]);
    const entries = v.core.context
      .db()
      .prepare("SELECT details FROM audit_log WHERE action = 'office_rules.update' ORDER BY seq DESC LIMIT 2")
      .all() as { details: string }[];
    expect(entries.map((e) => (JSON.parse(e.details) as { key: string }).key)).toEqual([
      'recusal',
      'recusal',
    ]);
  });

  it('refuses an unknown kind, years outside 0–30, missing relation types and a duplicate code, storing nothing', async () => {
    await v.as('leader');
    const before = value(await v.call('rules:get', {})).recusal;
    const audit = recordAudit();
    const rule = {
      code: 'extra',
      label: '附加规则',
      kind: 'worked_at_unit_within_years' as string,
      relationTypes: [] as string[],
      years: 3 as number | undefined,
    };
    const withMember = (r: typeof rule | (typeof rule)[]) => ({
      leaders: before.leaders,
      members: [...before.members, ...(Array.isArray(r) ? r : [r])],
    });
    const cases: [unknown, string, Record<string, string>][] = [
      [withMember({ ...rule, kind: 'same_hometown' }), 'RECUSAL_RULE_KIND', { rule: '附加规则' }],
      [withMember({ ...rule, years: 31 }), 'RECUSAL_RULE_YEARS', { rule: '附加规则' }],
      [withMember({ ...rule, years: -1 }), 'RECUSAL_RULE_YEARS', { rule: '附加规则' }],
      [withMember({ ...rule, years: 2.5 }), 'RECUSAL_RULE_YEARS', { rule: '附加规则' }],
      [withMember({ ...rule, years: undefined }), 'RECUSAL_RULE_YEARS', { rule: '附加规则' }],
      [
        withMember({ ...rule, kind: 'relation_with_unit_leader' }),
        'RECUSAL_RULE_RELATIONS',
        { rule: '附加规则' },
      ],
      [
        withMember({ ...rule, kind: 'relation_with_unit_leader', relationTypes: ['neighbour'] }),
        'RECUSAL_RULE_RELATIONS',
        { rule: '附加规则' },
      ],
      [withMember([rule, { ...rule, label: '重复' }]), 'RECUSAL_RULE_DUPLICATE', { code: 'extra' }],
      [withMember({ ...rule, label: '' }), 'INPUT_INVALID', {}],
      [withMember({ ...rule, code: 'Bad Code' }), 'INPUT_INVALID', {}],
    ];
    for (const [value_, expected, details] of cases) {
      const env = await v.call('rules:update', { key: 'recusal', value: value_ });
      expect(code(env), JSON.stringify(value_)).toBe(expected);
      if (!env.ok) expect(env.error.details ?? {}).toMatchObject(details);
    }
    expect(value(await v.call('rules:get', {})).recusal).toEqual(before);
    expect(recordAudit()).toEqual(audit);
    // Zero years is a rule that never fires for past posts but stays valid.
    value(await v.call('rules:update', { key: 'recusal', value: withMember({ ...rule, years: 0 }) }));
    value(await v.call('rules:update', { key: 'recusal', value: DEFAULT_OFFICE_RULES.recusal }));
  });
});

describe('rounds and pool entries', () => {
  it('edits a round (name, year, dates in order) with history, refusing dates out of order', async () => {
    await v.as('leader');
    const round = value(await v.call('rounds:list', {}))[0]!;
    const edited = value(
      await v.call('rounds:save', {
        id: round.id,
        name: '2026年第一轮巡察（调整）',
        year: 2026,
        sequence: 1,
        startDate: '2026-03-01',
        endDate: '2026-06-30',
      }),
    );
    expect(edited).toMatchObject({ name: '2026年第一轮巡察（调整）', startDate: '2026-03-01' });
    const audit = recordAudit();
    for (const bad of [
      { startDate: '2026-07-01', endDate: '2026-06-30' },
      { year: 1999 },
      { name: ' ' },
      { sequence: 0 },
    ]) {
      expect(code(await v.call('rounds:save', { ...edited, ...bad } as never)), JSON.stringify(bad)).toBe(
        'INPUT_INVALID',
      );
    }
    expect(value(await v.call('rounds:list', {}))[0]).toEqual(edited);
    expect(recordAudit()).toEqual(audit);
  });

  it('edits a pool entry (backgrounds, skills, availability) with history', async () => {
    await v.as('leader');
    const entry = value(await v.call('pool:list', {})).find((i) => i.name === '孙组员')!;
    const edited = value(
      await v.call('pool:save', {
        id: entry.id,
        personId: entry.personId,
        backgrounds: ['finance', 'audit'],
        skills: '财务审计、工程招投标',
        availability: 'busy',
      }),
    );
    expect(edited).toMatchObject({ backgrounds: ['finance', 'audit'], availability: 'busy' });
    const [last] = await history('inspector', entry.id);
    expect(last).toMatchObject({
      action: 'inspector.update',
      details: { changes: { availability: ['available', 'busy'], skills: [null, '财务审计、工程招投标'] } },
    });
    expect(code(await v.call('pool:save', { id: entry.id, personId: entry.personId, backgrounds: [] }))).toBe(
      'INPUT_INVALID',
    );
    expect(
      code(
        await v.call('pool:save', {
          id: entry.id,
          personId: entry.personId,
          backgrounds: ['finance'],
          availability: 'retired' as 'busy',
        }),
      ),
    ).toBe('INPUT_INVALID');
  });
});
