import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { setupCaseVault } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A clock the test can move: starts on Monday 2026-05-04, 09:00 Beijing time. */
function movableClock() {
  let ms = Date.UTC(2026, 4, 4, 1);
  return { now: () => ms, advanceDays: (d: number) => (ms += d * 86_400_000) };
}

async function vault(now?: () => number) {
  const t = tempDir();
  cleanup = t.cleanup;
  return setupCaseVault(t.dir, now ? { now } : {});
}

type V = Awaited<ReturnType<typeof vault>>;

async function twoIntakeItems(v: V) {
  await v.as('intake');
  const letter = value(
    await v.call('intake:create', {
      caseId: v.caseId,
      channel: 'letter',
      receivedDate: '2026-05-04',
      realName: false,
      summary: '反映违规发放津贴',
      content: '公路管理处财务科年底违规发放津贴补贴，金额较大。',
    }),
  );
  const call = value(
    await v.call('intake:create', {
      caseId: v.caseId,
      channel: 'call',
      receivedDate: '2026-05-04',
      realName: true,
      reporter: { name: '李明', contact: '13800001234' },
      summary: '反映津贴发放问题',
      content: '来电反映财务科科长陈晓梅经手违规发放津贴。',
    }),
  );
  return { letter, call };
}

async function leadFrom(v: V, intakeIds: string[], extra: Record<string, unknown> = {}) {
  return value(
    await v.call('leads:create', {
      caseId: v.caseId,
      receivedDate: '2026-05-04',
      summary: '财务科违规发放津贴补贴',
      discipline: 'integrity',
      tags: ['eight_point_rules'],
      subjects: [{ personId: v.personIds.clerk }],
      sources: intakeIds.map((intakeId) => ({ kind: 'intake' as const, intakeId })),
      ...extra,
    }),
  );
}

function buffer(base64: string) {
  return Buffer.from(base64, 'base64');
}

async function sheetRows(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer(base64) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((c) => String(c ?? '')));
  });
  return rows;
}

describe('lead ledger', () => {
  it('creates a lead from two intake items and moves it through verification to transfer, signed', async () => {
    const v = await vault();
    const { letter, call } = await twoIntakeItems(v);
    await v.as('member');
    const lead = await leadFrom(v, [letter.id, call.id]);
    expect(lead.number).toBe('2026-线-0001');
    expect(lead.status).toBe('registered');
    expect(lead.deadline).toBe('2026-06-03'); // 30 calendar days for the disposal opinion
    expect(lead.subjects[0]).toMatchObject({
      name: '陈晓梅',
      post: '财务科科长',
      managementLevel: 'township',
    });
    expect(lead.sources.map((s) => s.intakeNumber)).toEqual(['2026-信-0001', '2026-电-0002']);
    expect(value(await v.call('intake:get', { id: letter.id })).leadIds).toEqual([lead.id]);

    const step = (action: string, extra: Record<string, unknown> = {}) =>
      v.call('leads:transition', { id: lead.id, action: action as 'propose', ...extra });
    value(await step('propose', { disposal: 'preliminary_verification', note: '建议初步核实' }));
    expect(await step('approve')).toMatchObject({ ok: false, error: { code: 'LEAD_APPROVER_REQUIRED' } });
    await v.as('deputy');
    expect(await step('approve')).toMatchObject({ ok: false, error: { code: 'LEAD_APPROVER_REQUIRED' } });
    await v.as('liaison');
    expect(await step('approve')).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDDEN' } });
    await v.as('leader');
    expect(await step('start')).toMatchObject({ ok: false, error: { code: 'LEAD_TRANSITION_INVALID' } });
    const approved = value(await step('approve', { note: '同意' }));
    expect(approved.approver?.displayName).toBe('王组长');
    await v.as('member');
    value(await step('start'));
    value(await step('propose', { disposal: 'transfer_discipline_commission' }));
    expect(await step('transfer', { receivingBody: '市纪委监委' })).toMatchObject({
      ok: false,
      error: { code: 'LEAD_TRANSITION_INVALID' },
    });
    await v.as('leader');
    value(await step('approve'));
    expect(await step('transfer')).toMatchObject({ ok: false, error: { code: 'LEAD_FIELD_REQUIRED' } });
    const done = value(await step('transfer', { receivingBody: '市纪委监委', note: '移交' }));
    expect(done.status).toBe('transferred');
    expect(done.receivingBody).toBe('市纪委监委');
    expect(done.steps.map((s) => [s.action, s.toStatus, s.actorName])).toEqual([
      ['register', 'registered', '孙组员'],
      ['propose', 'proposed', '孙组员'],
      ['approve', 'approved', '王组长'],
      ['start', 'in_progress', '孙组员'],
      ['propose', 'proposed', '孙组员'],
      ['approve', 'approved', '王组长'],
      ['transfer', 'transferred', '王组长'],
    ]);
    const history = value(await v.call('records:history', { entityType: 'lead', entityId: lead.id }));
    expect(history.map((h) => h.action)).toContain('lead.transition');
    expect(await step('close')).toMatchObject({ ok: false, error: { code: 'LEAD_TRANSITION_INVALID' } });
  });

  it('shows a sealed lead only to its named users: list, count, detail, history, search flag, export', async () => {
    const v = await vault();
    await v.as('leader');
    const open = await leadFrom(v, [], { sources: [{ kind: 'talk' }] });
    const sealed = await leadFrom(v, [], {
      summary: '主要负责人插手工程项目',
      subjects: [{ personId: v.personIds.director }],
      sources: [{ kind: 'data_analysis' }],
      sealed: true,
      sealedUserIds: [v.userIds.deputy],
    });
    expect(sealed.sealedUserIds.sort()).toEqual([v.userIds.leader, v.userIds.deputy].sort());

    for (const key of ['leader2', 'member'] as const) {
      await v.as(key);
      expect(value(await v.call('leads:list', { caseId: v.caseId })).map((l) => l.id)).toEqual([open.id]);
      expect(value(await v.call('leads:count', { caseId: v.caseId })).total).toBe(1);
      expect(await v.call('leads:get', { id: sealed.id })).toMatchObject({
        ok: false,
        error: { code: 'RECORD_NOT_FOUND' },
      });
      expect(await v.call('records:history', { entityType: 'lead', entityId: sealed.id })).toMatchObject({
        ok: false,
        error: { code: 'RECORD_NOT_FOUND' },
      });
      const file = value(await v.call('ledger:export', { caseId: v.caseId, ledger: 'leads' }));
      const rows = await sheetRows(file.base64);
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain('插手工程');
    }
    await v.as('deputy');
    expect(value(await v.call('leads:count', { caseId: v.caseId })).total).toBe(2);
    expect(value(await v.call('leads:get', { id: sealed.id })).summary).toBe('主要负责人插手工程项目');
    const doc = v.core.context
      .db()
      .prepare('SELECT sealed FROM search_docs WHERE entity_type = ? AND entity_id = ?')
      .get('lead', sealed.id) as { sealed: number };
    expect(doc.sealed).toBe(1);
  });

  it('puts items without owner, reply or outcome on the overdue board as the clock moves', async () => {
    const clock = movableClock();
    const v = await vault(clock.now);
    const { call } = await twoIntakeItems(v);
    await v.as('member');
    const lead = await leadFrom(v, [call.id], { ownerUserId: v.userIds.member });
    await v.as('leader');
    value(
      await v.call('intake:update', { id: call.id, ownerUserId: v.userIds.intake, scopeDecision: 'accept' }),
    );

    let board = value(await v.call('overdue:board', { caseId: v.caseId })).rows;
    // Today 05-04: the letter has no owner and needs its scope decision within 5 working days.
    expect(board.map((r) => [r.number, r.problem, r.due, r.level])).toEqual([
      ['2026-信-0001', 'no_decision', '2026-05-11', 'yellow'],
      ['2026-信-0001', 'no_owner', null, 'none'],
    ]);
    clock.advanceDays(14); // 05-18: acknowledgement due 05-25 is yellow; lead due 06-03 is green
    await v.as('leader'); // the idle lock has struck meanwhile
    board = value(await v.call('overdue:board', { caseId: v.caseId })).rows;
    expect(board.find((r) => r.id === call.id && r.problem === 'no_acknowledgement')).toMatchObject({
      level: 'yellow',
      due: '2026-05-25',
      daysLeft: 7,
    });
    expect(board.find((r) => r.id === lead.id)).toMatchObject({ problem: 'no_outcome', level: 'green' });
    clock.advanceDays(10); // 05-28: the acknowledgement is overdue
    await v.as('leader');
    board = value(await v.call('overdue:board', { caseId: v.caseId })).rows;
    // Most overdue first: the letter's decision (due 05-11), then the call's acknowledgement (05-25).
    expect(board[0]).toMatchObject({ number: '2026-信-0001', problem: 'no_decision', daysLeft: -17 });
    expect(board[1]).toMatchObject({
      id: call.id,
      problem: 'no_acknowledgement',
      level: 'red',
      daysLeft: -3,
    });
    value(
      await v.call('intake:addReply', {
        intakeId: call.id,
        kind: 'acknowledgement',
        date: '2026-05-28',
        way: 'phone',
        text: '已告知受理',
      }),
    );
    board = value(await v.call('overdue:board', { caseId: v.caseId })).rows;
    expect(board.some((r) => r.id === call.id && r.problem === 'no_acknowledgement')).toBe(false);
  });

  it('exports both ledgers to xlsx, audited with the file hash, without the reporter for others', async () => {
    const v = await vault();
    const { letter, call } = await twoIntakeItems(v);
    await v.as('member');
    await leadFrom(v, [letter.id, call.id]);
    const leadsFile = value(await v.call('ledger:export', { caseId: v.caseId, ledger: 'leads' }));
    const rows = await sheetRows(leadsFile.base64);
    expect(rows[0]!.slice(0, 4)).toEqual(['编号', '来源', '收到日期', '被反映人']);
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        '2026-线-0001',
        '陈晓梅',
        '财务科科长',
        '乡科级',
        '廉洁纪律',
        '违反中央八项规定精神',
        '已登记',
      ]),
    );
    expect(leadsFile.rows).toBe(1);
    expect(leadsFile.sha256).toBe(createHash('sha256').update(buffer(leadsFile.base64)).digest('hex'));

    const intakeForMember = await sheetRows(
      value(await v.call('ledger:export', { caseId: v.caseId, ledger: 'intake' })).base64,
    );
    expect(intakeForMember).toHaveLength(3);
    expect(intakeForMember[0]).not.toContain('反映人');
    expect(JSON.stringify(intakeForMember)).not.toContain('13800001234');
    await v.as('intake');
    const intakeForOfficer = await sheetRows(
      value(await v.call('ledger:export', { caseId: v.caseId, ledger: 'intake' })).base64,
    );
    expect(JSON.stringify(intakeForOfficer)).toContain('13800001234');

    const audit = v.core.context
      .db()
      .prepare(`SELECT actor_name, details FROM audit_log WHERE action = 'ledger.export' ORDER BY seq`)
      .all() as { actor_name: string; details: string }[];
    expect(audit).toHaveLength(3);
    expect(audit[0]!.actor_name).toBe('zuyuan');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      ledger: 'leads',
      rows: 1,
      sha256: leadsFile.sha256,
    });
  });

  it('refuses bad lead input: unknown codes, no sources, sealed without names, foreign intake', async () => {
    const v = await vault();
    await v.as('member');
    expect(await leadFromRaw(v, { discipline: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await leadFromRaw(v, { sources: [] })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await leadFromRaw(v, { sealed: true })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(
      await leadFromRaw(v, { sources: [{ kind: 'intake', intakeId: crypto.randomUUID() }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INTAKE_LINK_INVALID' },
    });
    await v.as('liaison');
    expect(await leadFromRaw(v, {})).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDDEN' } });
    await v.as('leader');
    expect(value(await v.call('leads:count', { caseId: v.caseId })).total).toBe(0);
  });
});

function leadFromRaw(v: V, extra: Record<string, unknown>) {
  return v.call('leads:create', {
    caseId: v.caseId,
    receivedDate: '2026-05-04',
    summary: '问题',
    subjects: [{ freeText: '某人' }],
    sources: [{ kind: 'talk' }],
    ...extra,
  } as Parameters<V['call']>[1] as never);
}
