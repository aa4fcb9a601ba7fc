import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetLedgerCounts } from '../../electron/core/intake-leads/ledger-query';
import type { IntakeItem, Lead } from '../../shared/contracts/intake-leads';
import {
  INTAKE_SORT_KEYS,
  LEAD_SORT_KEYS,
  type IntakePageInput,
  type LeadPageInput,
} from '../../shared/contracts/intake-leads-ledger';
import { setupCaseVault, type AccountKey } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * intake:page and leads:page on a real vault, checked against the whole ledger
 * (intake:list, leads:list) filtered and sorted here: every filter, every sort in
 * both directions, paging, totals, sealed leads, the overdue board, bad input.
 */

const t = tempDir();
let v: Awaited<ReturnType<typeof setupCaseVault>>;
/** Starts on Monday 2026-05-04, 09:00 Beijing time; moved on once everything is registered. */
let clock = Date.UTC(2026, 4, 4, 1);
const CHANNELS = ['letter', 'call', 'visit', 'online', 'referral'] as const;
const DISCIPLINES = ['integrity', 'political', 'organisational', undefined] as const;
const N_INTAKE = 23;
const N_LEADS = 14;

const day = (k: number) => `2026-04-${String(1 + (k % 28)).padStart(2, '0')}`;
const seqOf = (number: string) => Number(number.slice(-4));

async function as(key: AccountKey) {
  await v.as(key);
}

beforeAll(async () => {
  v = await setupCaseVault(t.dir, { now: () => clock });
  const ids = v.userIds;
  await as('intake');
  for (let k = 0; k < N_INTAKE; k++) {
    const realName = k % 3 === 0;
    const item = value(
      await v.call('intake:create', {
        caseId: v.caseId,
        channel: CHANNELS[k % 5]!,
        // Two items share each date, so ties on the date fall back to the number.
        receivedDate: day(Math.floor(k / 2) * 2),
        realName,
        ...(realName ? { reporter: { name: '李明', contact: '13800001234' } } : {}),
        summary:
          k === 7 ? '费用超出预算100%_的问题' : k % 4 === 0 ? `反映津贴问题第${k}件` : `反映其他问题第${k}件`,
        content: `第${k}件的内容。`,
        subjects: [{ personId: v.personIds.clerk }],
        ...(k % 3 === 1 ? { ownerUserId: ids.intake } : k % 3 === 2 ? { ownerUserId: ids.leader } : {}),
      }),
    );
    if (k % 4 === 1) {
      value(await v.call('intake:update', { id: item.id, scopeDecision: 'accept', closedDate: day(k + 5) }));
    } else if (k % 4 === 2) {
      value(await v.call('intake:update', { id: item.id, scopeDecision: 'forward_higher' }));
    } else if (k % 4 === 3) {
      value(
        await v.call('intake:update', {
          id: item.id,
          scopeDecision: 'not_accepted',
          scopeReason: '不属于受理范围',
        }),
      );
    }
    if (realName && k % 2 === 0) {
      value(
        await v.call('intake:addReply', {
          intakeId: item.id,
          kind: 'acknowledgement',
          date: day(k + 3),
          way: 'phone',
          text: '已告知',
        }),
      );
    }
  }

  await as('member');
  const created: Lead[] = [];
  for (let k = 0; k < N_LEADS; k++) {
    const discipline = DISCIPLINES[k % 4];
    created.push(
      value(
        await v.call('leads:create', {
          caseId: v.caseId,
          receivedDate: day(Math.floor(k / 2) * 3),
          summary: k % 3 === 0 ? `违规发放津贴线索第${k}条` : `公车私用线索第${k}条`,
          ...(discipline ? { discipline } : {}),
          subjects: [{ personId: v.personIds.deputy }],
          sources: [{ kind: 'talk' }],
          ...(k % 2 === 0 ? { ownerUserId: ids.member } : {}),
        }),
      ),
    );
  }
  // Move some along: proposed, approved, in progress, concluded.
  const step = (id: string, action: string, extra: Record<string, unknown> = {}) =>
    v.call('leads:transition', { id, action: action as 'propose', ...extra });
  for (const [k, lead] of created.entries()) {
    if (k % 5 === 0) continue;
    value(
      await step(lead.id, 'propose', {
        disposal: k % 2 ? 'preliminary_verification' : 'talk_or_inquiry_letter',
      }),
    );
  }
  await as('leader');
  for (const [k, lead] of created.entries()) {
    if (k % 5 === 0 || k % 5 === 1) continue;
    value(await step(lead.id, 'approve'));
    if (k % 5 >= 3) value(await step(lead.id, 'start'));
    if (k % 5 === 4) value(await step(lead.id, 'conclude', { result: '已查清' }));
  }
  // Two sealed leads: one names the deputy (and its registering leader), one the member.
  for (const [summary, named] of [
    ['主要负责人津贴问题', ids.deputy],
    ['主要负责人公车问题', ids.member],
  ] as const) {
    value(
      await v.call('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-04-10',
        summary,
        discipline: 'integrity',
        subjects: [{ personId: v.personIds.director }],
        sources: [{ kind: 'data_analysis' }],
        sealed: true,
        sealedUserIds: [named],
      }),
    );
  }
  // Six weeks on: acknowledgements, forwarding, decisions and disposals fall due.
  clock += 42 * 86_400_000;
}, 240_000);
afterAll(() => t.cleanup());

async function allIntake(): Promise<IntakeItem[]> {
  return value(await v.call('intake:list', { caseId: v.caseId }));
}
async function allLeads(): Promise<Lead[]> {
  return value(await v.call('leads:list', { caseId: v.caseId }));
}
async function intakePages(input: Omit<IntakePageInput, 'caseId'>) {
  const out = value(await v.call('intake:page', { caseId: v.caseId, ...input }));
  return out;
}
async function leadPages(input: Omit<LeadPageInput, 'caseId'>) {
  return value(await v.call('leads:page', { caseId: v.caseId, ...input }));
}
/** Every row of a filter, read page by page. */
async function everyIntake(input: Omit<IntakePageInput, 'caseId'>, pageSize = 5) {
  const rows = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const out = await intakePages({ ...input, page, pageSize });
    if (total >= 0) expect(out.total).toBe(total);
    total = out.total;
    rows.push(...out.rows);
    if (out.rows.length < pageSize) break;
  }
  expect(rows).toHaveLength(total);
  return rows;
}
async function everyLead(input: Omit<LeadPageInput, 'caseId'>, pageSize = 4) {
  const rows = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const out = await leadPages({ ...input, page, pageSize });
    if (total >= 0) expect(out.total).toBe(total);
    total = out.total;
    rows.push(...out.rows);
    if (out.rows.length < pageSize) break;
  }
  expect(rows).toHaveLength(total);
  return rows;
}
const sortedIds = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

const intakeDue = (i: IntakeItem) =>
  i.status === 'closed' ? i.replyDue : i.scopeDecision === 'forward_higher' ? i.forwardDue : i.ackDue;
const LEAD_ORDER = [
  'registered',
  'proposed',
  'approved',
  'in_progress',
  'concluded',
  'transferred',
  'held',
  'closed',
];

describe('intake:page', () => {
  it('pages through the whole ledger: no row twice, none missing, the same total on every page', async () => {
    await as('member');
    const all = await allIntake();
    expect(all).toHaveLength(N_INTAKE);
    const paged = await everyIntake({});
    expect(sortedIds(paged)).toEqual(sortedIds(all));
    // Default: newest number first, 50 a page.
    const first = await intakePages({});
    expect(first.pageSize).toBe(50);
    expect(first.rows.map((r) => r.number)).toEqual(all.map((i) => i.number));
    const past = await intakePages({ page: 9, pageSize: 5 });
    expect(past).toMatchObject({ rows: [], total: N_INTAKE, page: 9 });
  });

  it('filters by status, channel, scope decision, real name, dates, owner and text, totals included', async () => {
    await as('member');
    const all = await allIntake();
    const cases: [Omit<IntakePageInput, 'caseId'>, (i: IntakeItem) => boolean][] = [
      [{ statuses: ['closed'] }, (i) => i.status === 'closed'],
      [{ channels: ['letter', 'visit'] }, (i) => i.channel === 'letter' || i.channel === 'visit'],
      [{ scopes: ['none'] }, (i) => i.scopeDecision === null],
      [
        { scopes: ['forward_higher', 'none'] },
        (i) => i.scopeDecision === null || i.scopeDecision === 'forward_higher',
      ],
      [{ realName: true }, (i) => i.realName],
      [{ realName: false }, (i) => !i.realName],
      [
        { receivedFrom: '2026-04-05', receivedTo: '2026-04-12' },
        (i) => i.receivedDate >= '2026-04-05' && i.receivedDate <= '2026-04-12',
      ],
      [{ receivedFrom: '2026-04-20' }, (i) => i.receivedDate >= '2026-04-20'],
      [{ owner: v.userIds.intake }, (i) => i.owner?.id === v.userIds.intake],
      [{ owner: 'none' }, (i) => i.owner === null],
      [{ text: '津贴' }, (i) => i.summary.includes('津贴')],
      [{ text: '电-00' }, (i) => i.number.includes('电-00')],
      // % and _ are taken literally, not as wildcards.
      [{ text: '100%_' }, (i) => i.summary.includes('100%_')],
      [{ text: '%' }, (i) => i.summary.includes('%')],
      [
        { statuses: ['open'], channels: ['call', 'letter'], owner: 'none', receivedTo: '2026-04-20' },
        (i) =>
          i.status === 'open' &&
          ['call', 'letter'].includes(i.channel) &&
          !i.owner &&
          i.receivedDate <= '2026-04-20',
      ],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.length);
      const rows = await everyIntake(filter, 3);
      expect(sortedIds(rows), JSON.stringify(filter)).toEqual(sortedIds(expected));
    }
    expect((await intakePages({ text: '没有这样的内容' })).total).toBe(0);
  });

  it('sorts by every key both ways, ties by number, rows without a deadline last', async () => {
    await as('member');
    const all = await allIntake();
    const key: Record<(typeof INTAKE_SORT_KEYS)[number], (i: IntakeItem) => string | number> = {
      number: () => 0,
      receivedDate: (i) => i.receivedDate,
      dueDate: (i) => intakeDue(i) ?? '9999-12-31',
      status: (i) => (i.status === 'open' ? 0 : 1),
    };
    for (const sort of INTAKE_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const sign = order === 'asc' ? 1 : -1;
        const expected = [...all].sort((a, b) => {
          const ka = key[sort](a);
          const kb = key[sort](b);
          return sign * (ka < kb ? -1 : ka > kb ? 1 : seqOf(a.number) - seqOf(b.number));
        });
        const rows = await everyIntake({ sort, order }, 4);
        expect(
          rows.map((r) => r.number),
          `${sort} ${order}`,
        ).toEqual(expected.map((i) => i.number));
      }
    }
    const due = await intakePages({ sort: 'dueDate', order: 'asc' });
    const byId = new Map(all.map((i) => [i.id, i]));
    for (const row of due.rows) {
      expect(row.dueDate).toBe(intakeDue(byId.get(row.id)!));
      if (row.dueDate === null) expect(row.dueKind).toBeNull();
    }
    expect(due.rows.at(-1)!.dueDate).toBeNull();
    expect(new Set(due.rows.map((r) => r.dueKind))).toEqual(
      new Set(['acknowledgement', 'forward', 'result_reply', null]),
    );
  });

  it('shows no reporter or content, and the names reported', async () => {
    await as('leader');
    const page = await intakePages({ pageSize: 3 });
    for (const row of page.rows) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'channel',
          'dueDate',
          'dueKind',
          'id',
          'number',
          'overdue',
          'owner',
          'realName',
          'receivedDate',
          'scopeDecision',
          'status',
          'subjects',
          'summary',
        ].sort(),
      );
      expect(row.subjects).toEqual(['陈晓梅']);
      expect(JSON.stringify(row)).not.toContain('13800001234');
    }
  });
});

describe('leads:page', () => {
  it('pages, filters and counts only the leads the caller may see', async () => {
    for (const key of ['member', 'deputy', 'leader2'] as const) {
      await as(key);
      const all = await allLeads();
      // The member sees the sealed lead naming them, the deputy the other; leader2 neither.
      expect(all.filter((l) => l.sealed)).toHaveLength(key === 'leader2' ? 0 : 1);
      expect(all).toHaveLength(N_LEADS + (key === 'leader2' ? 0 : 1));
      const paged = await everyLead({});
      expect(sortedIds(paged)).toEqual(sortedIds(all));
      expect((await leadPages({})).total).toBe(all.length);
      // A filter that matches both sealed leads counts only the visible one.
      const sealedMatch = await everyLead({ text: '主要负责人' });
      expect(sortedIds(sealedMatch)).toEqual(sortedIds(all.filter((l) => l.summary.includes('主要负责人'))));
      expect(
        (
          await leadPages({
            disciplines: ['integrity'],
            receivedFrom: '2026-04-10',
            receivedTo: '2026-04-10',
          })
        ).total,
      ).toBe(all.filter((l) => l.discipline === 'integrity' && l.receivedDate === '2026-04-10').length);
    }
    await as('leader');
    expect((await leadPages({ text: '主要负责人' })).total).toBe(2);
  });

  it('filters by status, disposal, category, dates, owner and text', async () => {
    await as('member');
    const all = await allLeads();
    const cases: [Omit<LeadPageInput, 'caseId'>, (l: Lead) => boolean][] = [
      [{ statuses: ['registered'] }, (l) => l.status === 'registered'],
      [{ statuses: ['approved', 'in_progress'] }, (l) => ['approved', 'in_progress'].includes(l.status)],
      [{ disposals: ['preliminary_verification'] }, (l) => l.disposal === 'preliminary_verification'],
      [{ disposals: ['none'] }, (l) => l.disposal === null],
      [{ disciplines: ['integrity'] }, (l) => l.discipline === 'integrity'],
      [{ disciplines: ['political', 'none'] }, (l) => l.discipline === 'political' || l.discipline === null],
      [
        { receivedFrom: '2026-04-07', receivedTo: '2026-04-13' },
        (l) => l.receivedDate >= '2026-04-07' && l.receivedDate <= '2026-04-13',
      ],
      [{ owner: v.userIds.member }, (l) => l.owner?.id === v.userIds.member],
      [{ owner: 'none' }, (l) => l.owner === null],
      [{ text: '津贴' }, (l) => l.summary.includes('津贴')],
      [{ text: '线-001' }, (l) => l.number.includes('线-001')],
      [
        { statuses: ['registered', 'proposed'], disciplines: ['integrity'] },
        (l) => ['registered', 'proposed'].includes(l.status) && l.discipline === 'integrity',
      ],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.length);
      const rows = await everyLead(filter, 3);
      expect(sortedIds(rows), JSON.stringify(filter)).toEqual(sortedIds(expected));
    }
  });

  it('sorts by every key both ways, ties by number', async () => {
    await as('member');
    const all = await allLeads();
    const key: Record<(typeof LEAD_SORT_KEYS)[number], (l: Lead) => string | number> = {
      number: () => 0,
      receivedDate: (l) => l.receivedDate,
      deadline: (l) => l.deadline ?? '9999-12-31',
      status: (l) => LEAD_ORDER.indexOf(l.status),
    };
    for (const sort of LEAD_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const sign = order === 'asc' ? 1 : -1;
        const expected = [...all].sort((a, b) => {
          const ka = key[sort](a);
          const kb = key[sort](b);
          return sign * (ka < kb ? -1 : ka > kb ? 1 : seqOf(a.number) - seqOf(b.number));
        });
        const rows = await everyLead({ sort, order }, 4);
        expect(
          rows.map((r) => r.number),
          `${sort} ${order}`,
        ).toEqual(expected.map((l) => l.number));
      }
    }
    const row = (await leadPages({ pageSize: 1, order: 'asc' })).rows[0]!;
    expect(row).toMatchObject({ number: '2026-线-0001', subjects: [{ name: '刘志强', post: '副局长' }] });
  });
});

describe('overdue only', () => {
  /** The ids the board shows in red, per type. */
  async function redOnBoard() {
    const board = value(await v.call('overdue:board', { caseId: v.caseId }));
    const red = (type: 'intake' | 'lead') =>
      [
        ...new Set(board.rows.filter((r) => r.entityType === type && r.level === 'red').map((r) => r.id)),
      ].sort();
    return { intake: red('intake'), lead: red('lead') };
  }

  it('selects exactly the red rows of the overdue board, and flags them on every page', async () => {
    await as('member');
    const red = await redOnBoard();
    expect(red.intake.length).toBeGreaterThan(0);
    expect(red.lead.length).toBeGreaterThan(0);
    const intake = await everyIntake({ overdueOnly: true }, 4);
    expect(sortedIds(intake)).toEqual(red.intake);
    expect(intake.every((r) => r.overdue)).toBe(true);
    const leads = await everyLead({ overdueOnly: true }, 4);
    expect(sortedIds(leads)).toEqual(red.lead);
    expect(sortedIds((await everyIntake({})).filter((r) => r.overdue))).toEqual(red.intake);
    expect(sortedIds((await everyLead({})).filter((r) => r.overdue))).toEqual(red.lead);
  });

  it('agrees with the board on every day, across weekends and each deadline passing', async () => {
    await as('leader');
    const saved = clock;
    try {
      for (let d = Date.UTC(2026, 3, 2, 1); d <= Date.UTC(2026, 5, 10, 1); d += 86_400_000) {
        clock = d;
        await as('leader'); // a jump of the clock counts as idle time
        const red = await redOnBoard();
        const date = new Date(d).toISOString().slice(0, 10);
        expect(sortedIds(await everyIntake({ overdueOnly: true }, 50)), date).toEqual(red.intake);
        expect(sortedIds(await everyLead({ overdueOnly: true }, 50)), date).toEqual(red.lead);
      }
    } finally {
      clock = saved;
      await as('leader');
    }
  });
});

describe('totals stay right after a change', () => {
  it('counts a new item on the next call (cached totals are dropped on any write)', async () => {
    await as('intake');
    const before = (await intakePages({ channels: ['online'] })).total;
    value(
      await v.call('intake:create', {
        caseId: v.caseId,
        channel: 'online',
        receivedDate: '2026-05-20',
        realName: false,
        summary: '网络举报新件',
        content: '内容。',
      }),
    );
    const after = await intakePages({ channels: ['online'] });
    expect(after.total).toBe(before + 1);
    expect(after.rows[0]!.summary).toBe('网络举报新件');
    forgetLedgerCounts(v.core.context.db());
    expect((await intakePages({ channels: ['online'] })).total).toBe(before + 1);
  });
});

describe('bad input', () => {
  it('is refused with INPUT_INVALID naming the field; nobody outside the case sees anything', async () => {
    await as('member');
    const refused = async (input: Record<string, unknown>, field: string) => {
      for (const channel of ['intake:page', 'leads:page'] as const) {
        const out = await v.call(channel, { caseId: v.caseId, ...input } as never);
        expect(out, `${channel} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'INPUT_INVALID', messageKey: 'errors.INPUT_INVALID', details: { field } },
        });
      }
    };
    await refused({ pageSize: 201 }, 'pageSize');
    await refused({ pageSize: 0 }, 'pageSize');
    await refused({ page: 0 }, 'page');
    await refused({ sort: 'summary' }, 'sort');
    await refused({ order: 'up' }, 'order');
    await refused({ receivedFrom: '2026-05-01', receivedTo: '2026-04-01' }, 'receivedTo');
    await refused({ receivedFrom: '2026/05/01' }, 'receivedFrom');
    await refused({ text: 'x'.repeat(51) }, 'text');
    await refused({ owner: 'someone' }, 'owner');
    await refused({ statuses: ['lost'] }, 'statuses.0');
    await refused({ extra: 1 }, '');
    expect(await v.call('intake:page', { caseId: v.caseId, channels: ['fax'] } as never)).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', details: { field: 'channels.0' } },
    });
    expect(await v.call('leads:page', { caseId: v.caseId, disposals: ['burn'] } as never)).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', details: { field: 'disposals.0' } },
    });
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(await v.call('intake:page', { caseId: stranger })).toMatchObject({
      ok: false,
      error: { code: 'INTAKE_CASE_NOT_FOUND' },
    });
    await as('auditor');
    expect(await v.call('leads:page', { caseId: v.caseId })).toMatchObject({
      ok: false,
      error: { code: 'ROLE_FORBIDDEN' },
    });
  });
});
