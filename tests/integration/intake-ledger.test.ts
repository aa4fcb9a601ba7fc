import { afterEach, describe, expect, it } from 'vitest';
import { setupCaseVault } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function vault(now?: () => number) {
  const t = tempDir();
  cleanup = t.cleanup;
  return setupCaseVault(t.dir, now ? { now } : {});
}

const REPORTER = { name: '李明', unitOrAddress: '某市公路管理处', contact: '13800001234' };

describe('intake ledger', () => {
  it('numbers items per case and year, computes due dates in working days across a holiday', async () => {
    const v = await vault();
    // A custom calendar: Thursday 2026-10-01 to Wednesday 10-07 off, Saturday 10-10 worked.
    await v.as('leader');
    value(
      await v.call('rules:update', {
        key: 'calendar',
        value: {
          holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
          workdays: ['2026-10-10'],
        },
      }),
    );
    await v.as('intake');
    const base = {
      caseId: v.caseId,
      summary: '反映违规发放津贴',
      content: '公路管理处年底违规发放津贴补贴。',
    };
    const a = value(
      await v.call('intake:create', {
        ...base,
        channel: 'letter',
        receivedDate: '2026-09-30',
        realName: true,
        reporter: REPORTER,
      }),
    );
    const b = value(
      await v.call('intake:create', {
        ...base,
        channel: 'call',
        receivedDate: '2026-10-08',
        realName: false,
      }),
    );
    const c = value(
      await v.call('intake:create', {
        ...base,
        channel: 'visit',
        receivedDate: '2027-01-05',
        realName: false,
      }),
    );
    expect([a.number, b.number, c.number]).toEqual(['2026-信-0001', '2026-电-0002', '2027-访-0001']);
    // From Wed 09-30: 10-08 (1), 09 (2), Sat 10 worked (3), 12..16 (4-8), 19..23 (9-13), 26 (14), 27 (15).
    expect(a.ackDue).toBe('2026-10-27');
    expect(b.ackDue).toBeNull(); // anonymous: nobody to acknowledge

    const decided = value(
      await v.call('intake:update', { id: a.id, scopeDecision: 'forward_higher', decidedDate: '2026-10-08' }),
    );
    // Forward within 5 working days of receipt: 10-08, 09, 10 (worked Saturday), 12, 13.
    expect(decided.forwardDue).toBe('2026-10-13');
    const closed = value(await v.call('intake:update', { id: a.id, closedDate: '2026-10-09' }));
    expect(closed.status).toBe('closed');
    // From Fri 10-09: Sat 10 (1), 12..16 (2-6), 19..23 (7-11), 26..29 (12-15).
    expect(closed.replyDue).toBe('2026-10-29');
    const replied = value(
      await v.call('intake:addReply', {
        intakeId: a.id,
        kind: 'result',
        date: '2026-10-20',
        way: 'phone',
        text: '已电话告知办理结果',
      }),
    );
    expect(replied.replies).toHaveLength(1);
  });

  it('keeps the reporter to the intake officer and the group leader, out of search and audit', async () => {
    const v = await vault();
    await v.as('intake');
    const item = value(
      await v.call('intake:create', {
        caseId: v.caseId,
        channel: 'call',
        receivedDate: '2026-05-06',
        realName: true,
        reporter: REPORTER,
        summary: '反映公车私用',
        content: '局领导周末使用公务用车接送家属。',
        subjects: [{ personId: v.personIds.deputy }, { freeText: '司机老王' }],
      }),
    );
    expect(item.reporter).toEqual(REPORTER);
    expect(item.subjects.map((s) => s.name)).toEqual(['刘志强', '司机老王']);

    await v.as('member');
    const seen = value(await v.call('intake:get', { id: item.id }));
    expect(seen.reporter).toBeNull();
    expect(value(await v.call('intake:list', { caseId: v.caseId }))[0]!.reporter).toBeNull();
    await v.as('deputy');
    expect(value(await v.call('intake:get', { id: item.id })).reporter).toBeNull();
    await v.as('leader');
    expect(value(await v.call('intake:get', { id: item.id })).reporter).toEqual(REPORTER);

    const db = v.core.context.db();
    const docs = JSON.stringify(db.prepare('SELECT * FROM search_docs').all());
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    for (const secret of [REPORTER.name, REPORTER.contact, REPORTER.unitOrAddress]) {
      expect(docs).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    expect(docs).toContain('公车私用');
  });

  it('refuses other roles, bad input and dates out of order, saving nothing', async () => {
    const v = await vault();
    const input = {
      caseId: v.caseId,
      channel: 'letter' as const,
      receivedDate: '2026-05-06',
      realName: false,
      summary: '反映问题',
      content: '内容',
    };
    await v.as('member');
    expect(await v.call('intake:create', input)).toMatchObject({
      ok: false,
      error: { code: 'ROLE_FORBIDDEN' },
    });
    await v.as('intake');
    const bad = await v.call('intake:create', { ...input, realName: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const wrongChannel = await v.call('intake:create', { ...input, channel: 'fax' as 'letter' });
    expect(wrongChannel).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const long = await v.call('intake:create', { ...input, summary: '长'.repeat(101) });
    expect(long).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const ghost = await v.call('intake:create', { ...input, subjects: [{ personId: crypto.randomUUID() }] });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'INTAKE_LINK_INVALID' } });
    expect(value(await v.call('intake:list', { caseId: v.caseId }))).toEqual([]);

    const item = value(await v.call('intake:create', input));
    const early = await v.call('intake:update', { id: item.id, closedDate: '2026-05-01' });
    expect(early).toMatchObject({ ok: false, error: { code: 'INTAKE_DATES_ORDER' } });
    const noReason = await v.call('intake:update', { id: item.id, scopeDecision: 'not_accepted' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(value(await v.call('intake:get', { id: item.id })).status).toBe('open');
    expect(value(await v.call('intake:get', { id: item.id })).number).toBe('2026-信-0001');
  });
});
