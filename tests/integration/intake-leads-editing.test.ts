import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCaseVault } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * Editing and removing intake items and leads, typed-in ledger numbers, and the
 * rule that a refused change leaves the row and the audit log exactly as they were.
 * One vault for the file (accounts are slow to create); each test makes its own records.
 */
const REPORTER = { name: '李明', unitOrAddress: '某市公路管理处', contact: '13800001234' };

const t = tempDir();
let v: Awaited<ReturnType<typeof setupCaseVault>>;
beforeAll(async () => {
  v = await setupCaseVault(t.dir);
});
afterAll(() => t.cleanup());

type Call = typeof v.call;
type Env = Awaited<ReturnType<Call>>;
const code = (env: Env) => (env.ok ? 'ok' : env.error.code);

/** The table row and the audit log, to compare before and after a refused change. */
function snapshot(table: 'intake_items' | 'leads', id: string) {
  const db = v.core.context.db();
  return {
    row: db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id),
    subjects: db
      .prepare(
        `SELECT * FROM ${table === 'leads' ? 'lead_subjects' : 'intake_subjects'}
         WHERE ${table === 'leads' ? 'lead_id' : 'intake_id'} = ? ORDER BY id`,
      )
      .all(id),
    // Signing in as another user is audited too: compare the entries about records.
    audit: db
      .prepare("SELECT count(*) AS n, max(seq) AS head FROM audit_log WHERE action NOT LIKE 'session.%'")
      .get(),
  };
}

async function intakeItem(extra: Record<string, unknown> = {}) {
  await v.as('intake');
  return value(
    await v.call('intake:create', {
      caseId: v.caseId,
      channel: 'letter',
      receivedDate: '2026-05-06',
      realName: false,
      summary: '反映违规发放津贴',
      content: '公路管理处财务科年底违规发放津贴补贴。',
      subjects: [{ freeText: '陈科长' }],
      ...extra,
    }),
  );
}

async function lead(extra: Record<string, unknown> = {}) {
  return value(
    await v.call('leads:create', {
      caseId: v.caseId,
      receivedDate: '2026-05-06',
      summary: '财务科违规发放津贴补贴',
      discipline: 'integrity',
      subjects: [{ personId: v.personIds.clerk }],
      sources: [{ kind: 'talk' }],
      ...extra,
    }),
  );
}

async function history(type: string, id: string) {
  return value(await v.call('records:history', { entityType: type, entityId: id }));
}

describe('editing intake items', () => {
  it('changes the registered fields with a reason, recomputes due dates, and shows old → new in history', async () => {
    const item = await intakeItem();
    const edited = value(
      await v.call('intake:edit', {
        id: item.id,
        channel: 'call',
        receivedDate: '2026-05-07',
        realName: true,
        reporter: REPORTER,
        summary: '来电反映违规发放津贴',
        content: '来电补充：财务科科长陈晓梅经手。',
        subjects: [{ personId: v.personIds.clerk }, { unitId: v.subUnitId }],
        reason: '核对来电记录后更正',
      }),
    );
    expect(edited).toMatchObject({
      number: item.number, // the ledger number never changes
      channel: 'call',
      receivedDate: '2026-05-07',
      realName: true,
      reporter: REPORTER,
      summary: '来电反映违规发放津贴',
    });
    // Real name now: the acceptance notice is due 15 working days after 05-07.
    expect(item.ackDue).toBeNull();
    expect(edited.ackDue).toBe('2026-05-28');
    expect(edited.subjects.map((s) => [s.name, s.post])).toEqual([
      ['陈晓梅', '财务科科长'],
      ['公路管理处', null],
    ]);

    const [entry] = await history('intake', item.id);
    expect(entry!.action).toBe('intake.edit');
    expect(entry!.details.reason).toBe('核对来电记录后更正');
    const changes = entry!.details.changes as Record<string, [unknown, unknown]>;
    expect(changes.channel).toEqual(['letter', 'call']);
    expect(changes.summary).toEqual(['反映违规发放津贴', '来电反映违规发放津贴']);
    expect(changes.subjects).toEqual([['陈科长'], ['公路管理处', '陈晓梅 财务科科长']]);
    // Content and reporter: changed, without their values.
    expect(changes.content).toEqual(['***', '***']);
    expect(changes.reporter).toEqual(['***', '***']);
    const audit = JSON.stringify(v.core.context.db().prepare('SELECT details FROM audit_log').all());
    for (const secret of [REPORTER.name, REPORTER.contact, '来电补充']) expect(audit).not.toContain(secret);

    // Saving the same values again records nothing.
    const before = snapshot('intake_items', item.id);
    value(
      await v.call('intake:edit', {
        id: item.id,
        channel: 'call',
        summary: '来电反映违规发放津贴',
        subjects: edited.subjects.map((s) =>
          s.personId ? { personId: s.personId, post: s.post! } : { unitId: s.unitId! },
        ),
      }),
    );
    expect(snapshot('intake_items', item.id)).toEqual(before);
  });

  it('keeps the reporter section to the intake officer and the group leader; a liaison edits nothing', async () => {
    const item = await intakeItem({ realName: true, reporter: REPORTER, channel: 'call' });
    const before = snapshot('intake_items', item.id);

    await v.as('deputy');
    // The deputy may edit the item but neither reads nor writes the reporter or the flag.
    expect(value(await v.call('intake:get', { id: item.id })).reporter).toBeNull();
    for (const change of [
      { reporter: { name: '王五', contact: '1' } },
      { reporter: null },
      { realName: false },
    ]) {
      expect(code(await v.call('intake:edit', { id: item.id, summary: '改', ...change }))).toBe(
        'INTAKE_REPORTER_PROTECTED',
      );
    }
    await v.as('liaison');
    expect(code(await v.call('intake:edit', { id: item.id, summary: '改' }))).toBe('ROLE_FORBIDDEN');
    await v.as('member');
    expect(code(await v.call('intake:edit', { id: item.id, summary: '改' }))).toBe('ROLE_FORBIDDEN');
    expect(snapshot('intake_items', item.id)).toEqual(before);

    // The deputy's edit of the open fields keeps the reporter as it was.
    await v.as('deputy');
    const edited = value(
      await v.call('intake:edit', { id: item.id, summary: '副组长更正摘要', realName: true }),
    );
    expect(edited.reporter).toBeNull();
    await v.as('leader');
    expect(value(await v.call('intake:get', { id: item.id })).reporter).toEqual(REPORTER);

    // Real name without a contact is refused; anonymous with the section cleared is fine.
    expect(code(await v.call('intake:edit', { id: item.id, reporter: { name: '李明' } }))).toBe(
      'INTAKE_REPORTER_REQUIRED',
    );
    const anonymous = value(await v.call('intake:edit', { id: item.id, realName: false, reporter: null }));
    expect(anonymous).toMatchObject({
      realName: false,
      ackDue: null,
      reporter: { name: null, contact: null },
    });
  });

  it('refuses dates out of order, unknown enums, oversize text and bad links, changing nothing', async () => {
    const item = await intakeItem();
    value(await v.call('intake:update', { id: item.id, scopeDecision: 'accept', decidedDate: '2026-05-08' }));
    const before = snapshot('intake_items', item.id);
    const refused: [Record<string, unknown>, string][] = [
      [{ receivedDate: '2026-05-09' }, 'INTAKE_DATES_ORDER'], // after the decision
      [{ channel: 'fax' }, 'INPUT_INVALID'],
      [{ summary: '长'.repeat(101) }, 'INPUT_INVALID'],
      [{ summary: '   ' }, 'INPUT_INVALID'],
      [{ content: '长'.repeat(20_001) }, 'INPUT_INVALID'],
      [{ receivedDate: '2026/05/01' }, 'INPUT_INVALID'],
      [{ reason: '长'.repeat(501) }, 'INPUT_INVALID'],
      [{ subjects: [{ personId: crypto.randomUUID() }] }, 'INTAKE_LINK_INVALID'],
      [{ subjects: [{}] }, 'INPUT_INVALID'],
      [{ number: '2026-信-9999' }, 'INPUT_INVALID'], // the number is not editable
    ];
    for (const [change, expected] of refused) {
      expect(
        code(await v.call('intake:edit', { id: item.id, ...change } as never)),
        JSON.stringify(change),
      ).toBe(expected);
    }
    expect(snapshot('intake_items', item.id)).toEqual(before);
  });

  it('records the post of a reported person at the time, whatever the person record says later', async () => {
    const item = await intakeItem({ subjects: [{ personId: v.personIds.deputy }] });
    expect(item.subjects[0]).toMatchObject({ name: '刘志强', post: '副局长', managementLevel: 'county' });
    await v.as('leader');
    value(
      await v.call('persons:save', {
        id: v.personIds.deputy,
        name: '刘志强',
        unitId: v.unitId,
        post: '调研员',
        managementLevel: 'county',
      }),
    );
    expect(value(await v.call('intake:get', { id: item.id })).subjects[0]!.post).toBe('副局长');
  });
});

describe('removing intake items', () => {
  it('needs a reason and the intake officer or group leader, and refuses an item that produced a lead', async () => {
    const item = await intakeItem({ summary: '待删除的重复登记件' });
    expect(value(await v.call('search:query', { query: '待删除' })).hits.map((h) => h.id)).toContain(item.id);
    await v.as('deputy');
    expect(code(await v.call('intake:remove', { id: item.id, reason: '重复' }))).toBe('ROLE_FORBIDDEN');
    await v.as('intake');
    expect(code(await v.call('intake:remove', { id: item.id } as never))).toBe('INPUT_INVALID');
    expect(code(await v.call('intake:remove', { id: item.id, reason: ' ' }))).toBe('INPUT_INVALID');

    await v.as('member');
    const l = await lead({ sources: [{ kind: 'intake', intakeId: item.id }] });
    await v.as('intake');
    const before = snapshot('intake_items', item.id);
    expect(code(await v.call('intake:remove', { id: item.id, reason: '重复登记' }))).toBe('INTAKE_HAS_LEADS');
    expect(snapshot('intake_items', item.id)).toEqual(before);

    // Once the lead is removed, the item may go too.
    await v.as('leader');
    value(await v.call('leads:remove', { id: l.id, reason: '登记错误' }));
    await v.as('intake');
    expect(value(await v.call('intake:remove', { id: item.id, reason: '与2026-信-0001重复' }))).toBeNull();
    expect(code(await v.call('intake:get', { id: item.id }))).toBe('RECORD_NOT_FOUND');
    expect(code(await v.call('intake:edit', { id: item.id, summary: '改' }))).toBe('RECORD_NOT_FOUND');
    const found = async () => value(await v.call('search:query', { query: '待删除' })).hits.map((h) => h.id);
    expect(await found()).not.toContain(item.id);
    const removal = v.core.context
      .db()
      .prepare("SELECT details FROM audit_log WHERE action = 'intake.remove' AND entity_id = ?")
      .get(item.id) as { details: string };
    expect(JSON.parse(removal.details)).toEqual({ number: item.number, reason: '与2026-信-0001重复' });
  });
});

describe('typed-in ledger numbers', () => {
  it('accepts a paper-ledger number, refuses a duplicate in the same case, and skips it when generating', async () => {
    const manual = await intakeItem({ number: '2030-信-0002', receivedDate: '2030-01-05' });
    expect(manual.number).toBe('2030-信-0002');
    const before = v.core.context.db().prepare('SELECT count(*) AS n FROM audit_log').get();
    const dup = await v.call('intake:create', {
      caseId: v.caseId,
      number: ' 2030-信-0002 ',
      channel: 'letter',
      receivedDate: '2030-01-06',
      realName: false,
      summary: '重复编号',
      content: '重复编号',
    });
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_NUMBER_EXISTS', details: { number: '2030-信-0002' } },
    });
    expect(v.core.context.db().prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    for (const bad of ['无数字编号', '', '2030 信 1', '1'.repeat(41), '<b>1</b>']) {
      expect(code(await v.call('intake:create', { ...baseIntake(), number: bad })), bad).toBe(
        'INPUT_INVALID',
      );
    }
    // The generated sequence goes on past the typed-in one (0002 took its own place).
    const a = await intakeItem({ receivedDate: '2030-02-01' });
    const b = await intakeItem({ receivedDate: '2030-02-02' });
    expect([a.number, b.number]).toEqual(['2030-信-0003', '2030-信-0004']);
    // Copying on from the paper ledger: the numbering continues after the typed-in number.
    await intakeItem({ number: '2030-信-0010', receivedDate: '2030-03-01' });
    expect((await intakeItem({ receivedDate: '2030-03-02' })).number).toBe('2030-信-0011');

    await v.as('member');
    const l = await lead({ number: '〔2030〕3巡-2组-07号', receivedDate: '2030-01-05' });
    expect(l.number).toBe('〔2030〕3巡-2组-07号');
    expect(code(await v.call('leads:create', { ...baseLead(), number: '〔2030〕3巡-2组-07号' }))).toBe(
      'LEDGER_NUMBER_EXISTS',
    );
    // The database itself refuses a second live row with the number (UNIQUE index).
    const db = v.core.context.db();
    expect(() =>
      db
        .prepare(
          `INSERT INTO leads (id, origin_office, created_hlc, updated_hlc, case_id, year, seq, number, received_date,
           summary, status) VALUES (?, 'o', 'h', 'h', ?, 2030, 999, ?, '2030-01-01', 's', 'registered')`,
        )
        .run(crypto.randomUUID(), v.caseId, l.number),
    ).toThrow(/UNIQUE/);
  });
});

function baseIntake() {
  return {
    caseId: v.caseId,
    channel: 'letter' as const,
    receivedDate: '2030-01-06',
    realName: false,
    summary: '编号检查',
    content: '编号检查',
  };
}

function baseLead() {
  return {
    caseId: v.caseId,
    receivedDate: '2030-01-06',
    summary: '编号检查',
    subjects: [{ freeText: '某人' }],
    sources: [{ kind: 'talk' as const }],
  };
}

describe('editing leads', () => {
  it('changes summary, category, tags, subjects, sources, owner and deadline, with history old → new', async () => {
    const letter = await intakeItem({ summary: '线索来源信访件' });
    await v.as('member');
    const l = await lead();
    const edited = value(
      await v.call('leads:edit', {
        id: l.id,
        summary: '财务科违规发放津贴补贴（补充）',
        discipline: 'work',
        tags: ['formalism', 'eight_point_rules'],
        subjects: [{ personId: v.personIds.clerk }, { freeText: '出纳小王', post: '出纳' }],
        sources: [{ kind: 'talk' }, { kind: 'intake', intakeId: letter.id }],
        ownerUserId: v.userIds.member,
        deadline: '2026-06-30',
        reason: '谈话后补充',
      }),
    );
    expect(edited).toMatchObject({
      summary: '财务科违规发放津贴补贴（补充）',
      discipline: 'work',
      tags: ['formalism', 'eight_point_rules'],
      owner: { id: v.userIds.member },
      deadline: '2026-06-30',
    });
    expect(edited.subjects.map((s) => s.name)).toEqual(['陈晓梅', '出纳小王']);
    expect(edited.sources.map((s) => s.intakeNumber)).toEqual([null, letter.number]);
    expect(value(await v.call('intake:get', { id: letter.id })).leadIds).toEqual([l.id]);

    const [entry] = await history('lead', l.id);
    expect(entry!.action).toBe('lead.update');
    expect(entry!.details.reason).toBe('谈话后补充');
    expect(entry!.details.changes).toMatchObject({
      discipline: ['integrity', 'work'],
      tags: [[], ['formalism', 'eight_point_rules']],
      owner: [null, '孙组员'],
      deadline: ['2026-06-05', '2026-06-30'],
      summary: ['财务科违规发放津贴补贴', '财务科违规发放津贴补贴（补充）'],
      subjects: [['陈晓梅 财务科科长'], ['出纳小王 出纳', '陈晓梅 财务科科长']],
    });

    const before = snapshot('leads', l.id);
    const refused: [Record<string, unknown>, string][] = [
      [{ deadline: '2026-05-01' }, 'INTAKE_DATES_ORDER'], // before it was received
      [{ discipline: 'unknown_code' }, 'INPUT_INVALID'],
      [{ tags: ['Not A Code'] }, 'INPUT_INVALID'],
      [{ subjects: [] }, 'INPUT_INVALID'],
      [{ sources: [] }, 'INPUT_INVALID'],
      [{ sources: [{ kind: 'rumour' }] }, 'INPUT_INVALID'],
      [{ sources: [{ kind: 'intake' }] }, 'INPUT_INVALID'],
      [{ sources: [{ kind: 'intake', intakeId: crypto.randomUUID() }] }, 'INTAKE_LINK_INVALID'],
      [{ summary: '长'.repeat(501) }, 'INPUT_INVALID'],
      [{ ownerUserId: v.userIds.auditor }, 'INTAKE_LINK_INVALID'], // not in the case's group
    ];
    for (const [change, expected] of refused) {
      expect(code(await v.call('leads:edit', { id: l.id, ...change } as never)), JSON.stringify(change)).toBe(
        expected,
      );
    }
    expect(snapshot('leads', l.id)).toEqual(before);
  });

  it('lets only the group leader seal and unseal (audited, summary masked), and keeps the leader named', async () => {
    await v.as('member');
    const l = await lead({ summary: '反映局主要负责人违规问题' });
    const before = snapshot('leads', l.id);
    expect(
      code(await v.call('leads:edit', { id: l.id, sealed: true, sealedUserIds: [v.userIds.member] })),
    ).toBe('LEAD_SEAL_LEADER_ONLY');
    expect(snapshot('leads', l.id)).toEqual(before);

    await v.as('leader');
    const sealed = value(
      await v.call('leads:edit', { id: l.id, sealed: true, sealedUserIds: [v.userIds.member] }),
    );
    expect(sealed.sealed).toBe(true);
    expect(sealed.sealedUserIds.sort()).toEqual([v.userIds.leader, v.userIds.member].sort());
    await v.as('deputy');
    expect(code(await v.call('leads:get', { id: l.id }))).toBe('RECORD_NOT_FOUND');
    expect(code(await v.call('leads:edit', { id: l.id, summary: '改' }))).toBe('RECORD_NOT_FOUND');

    // A named member edits the sealed lead's text (masked in the audit log) but not its readers.
    await v.as('member');
    value(await v.call('leads:edit', { id: l.id, summary: '反映局主要负责人违规问题（续）', sealed: true }));
    for (const change of [{ sealed: false }, { sealedUserIds: [v.userIds.member, v.userIds.deputy] }]) {
      expect(code(await v.call('leads:edit', { id: l.id, ...change }))).toBe('LEAD_SEAL_LEADER_ONLY');
    }
    const [edit, seal] = await history('lead', l.id);
    expect(edit).toMatchObject({ action: 'lead.update', details: { changes: { summary: ['***', '***'] } } });
    expect(seal).toMatchObject({
      action: 'lead.seal',
      details: { changes: { sealed: [false, true], sealedUsers: [[], ['孙组员', '王组长'].sort()] } },
    });
    const audit = JSON.stringify(v.core.context.db().prepare('SELECT details FROM audit_log').all());
    expect(audit).not.toContain('（续）');

    await v.as('leader');
    const open = value(await v.call('leads:edit', { id: l.id, sealed: false }));
    expect(open).toMatchObject({ sealed: false, sealedUserIds: [] });
    await v.as('deputy');
    expect(value(await v.call('leads:get', { id: l.id })).summary).toBe('反映局主要负责人违规问题（续）');
  });
});

describe('removing leads', () => {
  it('lets only the group leader remove, with a reason, and never once approved', async () => {
    await v.as('member');
    const l = await lead({ summary: '待删除线索津贴' });
    expect(code(await v.call('leads:remove', { id: l.id, reason: '重复' }))).toBe('ROLE_FORBIDDEN');
    await v.as('leader');
    expect(code(await v.call('leads:remove', { id: l.id, reason: '' }))).toBe('INPUT_INVALID');
    const count = value(await v.call('leads:count', { caseId: v.caseId })).total;
    value(await v.call('leads:remove', { id: l.id, reason: '与已有线索重复' }));
    expect(value(await v.call('leads:count', { caseId: v.caseId })).total).toBe(count - 1);
    expect(code(await v.call('leads:get', { id: l.id }))).toBe('RECORD_NOT_FOUND');
    const [entry] = await history('lead', l.id);
    expect(entry).toMatchObject({
      action: 'lead.remove',
      details: { reason: '与已有线索重复', number: l.number },
    });

    const approved = await lead();
    value(await v.call('leads:transition', { id: approved.id, action: 'propose', disposal: 'hold' }));
    value(await v.call('leads:transition', { id: approved.id, action: 'approve' }));
    const before = snapshot('leads', approved.id);
    expect(code(await v.call('leads:remove', { id: approved.id, reason: '误登' }))).toBe(
      'LEAD_APPROVED_NO_REMOVE',
    );
    expect(snapshot('leads', approved.id)).toEqual(before);
  });
});

describe('pickers of reported persons and units', () => {
  it('finds persons by name or alias with unit and post, and units by name, best matches first', async () => {
    await v.as('member');
    const persons = value(await v.call('persons:find', { query: '张', limit: 10 }));
    expect(persons[0]).toMatchObject({ name: '张建国', unitName: '某市交通运输局', post: '党组书记、局长' });
    expect(value(await v.call('persons:find', { query: '刘志', limit: 10 })).map((p) => p.name)).toEqual([
      '刘志强',
    ]);
    const units = value(await v.call('units:find', { query: '公路', limit: 10 }));
    expect(units.map((u) => u.name)).toEqual(['公路管理处']);
    expect(value(await v.call('units:find', { query: '', limit: 1 }))).toHaveLength(1);
    expect(code(await v.call('persons:find', { query: '长'.repeat(41), limit: 10 }))).toBe('INPUT_INVALID');
  });
});
