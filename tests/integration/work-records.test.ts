import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCaseVault } from '../helpers/case-fixture';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * Work records (talks, document requests, visits) on a real vault: numbering per
 * case, kind and year; validation in the contract and the core with nothing half
 * saved; links to leads; tombstones; history; search; and who reads talk notes.
 * One vault for the file (accounts are slow to create); each test makes its own records.
 */
const t = tempDir();
let v: Awaited<ReturnType<typeof setupCaseVault>>;
beforeAll(async () => {
  v = await setupCaseVault(t.dir);
});
afterAll(() => t.cleanup());

type Env = Awaited<ReturnType<typeof v.call>>;
const code = (env: Env) => (env.ok ? 'ok' : env.error.code);
const field = (env: Env) => (env.ok ? null : env.error.details?.field);

const NOTES = '谈话对象反映：财务科年底以加班名义违规发放津贴补贴，涉及金额约十二万元。';

/** A record's history, oldest first. */
async function historyOf(entityType: string, entityId: string) {
  const entries = value(await v.call('records:history', { entityType, entityId }));
  return [...entries].sort((a, b) => a.seq - b.seq);
}

function talkInput(extra: Record<string, unknown> = {}) {
  return {
    kind: 'talk' as const,
    caseId: v.caseId,
    date: '2026-05-11',
    place: '第二谈话室',
    intervieweePersonId: v.personIds.clerk,
    askerUserId: v.userIds.leader,
    recorderUserId: v.userIds.member,
    notes: NOTES,
    ...extra,
  };
}

/** Rows and record-related audit entries, to check that a refused call changed nothing. */
function counts() {
  const db = v.core.context.db();
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    records: n('SELECT count(*) AS n FROM work_records'),
    people: n('SELECT count(*) AS n FROM work_record_users'),
    docs: n('SELECT count(*) AS n FROM search_docs'),
    audit: n("SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE 'session.%'"),
  };
}

describe('work records', () => {
  it('numbers each kind per case and year, and never gives a removed number again', async () => {
    await v.as('member');
    const first = value(await v.call('workRecords:save', talkInput()));
    const second = value(await v.call('workRecords:save', talkInput({ date: '2026-05-12' })));
    const older = value(await v.call('workRecords:save', talkInput({ date: '2025-12-30' })));
    const request = value(
      await v.call('workRecords:save', {
        kind: 'document_request',
        caseId: v.caseId,
        date: '2026-05-11',
        subject: '2025年度财务凭证及津贴发放明细',
        unitId: v.subUnitId,
        status: 'requested',
      }),
    );
    const visit = value(
      await v.call('workRecords:save', {
        kind: 'visit',
        caseId: v.caseId,
        date: '2026-05-13',
        visitMode: 'unannounced',
        place: '公路管理处机关食堂',
        participantUserIds: [v.userIds.member, v.userIds.deputy],
        notes: '工作日中午有公车停放在食堂外。',
      }),
    );
    expect(first.number).toMatch(/^2026-谈-\d{4}$/);
    const seq = (n: string) => Number(n.slice(-4));
    expect(seq(second.number)).toBe(seq(first.number) + 1);
    expect(older.number).toBe('2025-谈-0001');
    expect(request.number).toBe('2026-调-0001');
    expect(visit.number).toBe('2026-访-0001');
    expect(visit.people.map((p) => [p.displayName, p.part])).toEqual([
      ['孙组员', 'participant'],
      ['赵副组长', 'participant'],
    ]);

    // The interviewee taken from the reference record: name and post at the time.
    expect(first.interviewee).toEqual({ personId: v.personIds.clerk, name: '陈晓梅', post: '财务科科长' });
    expect(first.people.map((p) => p.part)).toEqual(['asker', 'recorder']);

    await v.as('leader');
    value(await v.call('workRecords:remove', { id: second.id, reason: '重复登记' }));
    await v.as('member');
    const next = value(await v.call('workRecords:save', talkInput({ date: '2026-05-14' })));
    expect(seq(next.number)).toBe(seq(second.number) + 1);
  });

  it('refuses a talk without two distinct inspectors of the group, and saves nothing', async () => {
    await v.as('member');
    const before = counts();
    const same = await v.call('workRecords:save', talkInput({ recorderUserId: v.userIds.leader }));
    expect([code(same), field(same)]).toEqual(['INPUT_INVALID', 'recorderUserId']);
    const missing = await v.call(
      'workRecords:save',
      talkInput({ recorderUserId: undefined }) as unknown as Parameters<typeof v.call<'workRecords:save'>>[1],
    );
    expect([code(missing), field(missing)]).toEqual(['INPUT_INVALID', 'recorderUserId']);
    // The auditor holds no case role and is not in the group.
    const outsider = await v.call('workRecords:save', talkInput({ recorderUserId: v.userIds.auditor }));
    expect(code(outsider)).toBe('WORK_RECORD_PEOPLE_INVALID');
    const nobody = await v.call(
      'workRecords:save',
      talkInput({ intervieweePersonId: null, intervieweeName: null }),
    );
    expect([code(nobody), field(nobody)]).toEqual(['INPUT_INVALID', 'intervieweeName']);
    const unknownPerson = await v.call('workRecords:save', talkInput({ intervieweePersonId: randomUUID() }));
    expect(code(unknownPerson)).toBe('WORK_RECORD_LINK_INVALID');
    const long = await v.call('workRecords:save', talkInput({ notes: '津'.repeat(50_001) }));
    expect([code(long), field(long)]).toEqual(['INPUT_INVALID', 'notes']);
    const badDate = await v.call('workRecords:save', talkInput({ date: '2026-13-45x' }));
    expect(code(badDate)).toBe('INPUT_INVALID');
    expect(counts()).toEqual(before);
  });

  it('refuses document requests received before they were requested, in the contract and in the database', async () => {
    await v.as('member');
    const before = counts();
    const base = {
      kind: 'document_request' as const,
      caseId: v.caseId,
      date: '2026-05-11',
      subject: '会议纪要',
      unitId: v.unitId,
    };
    const early = await v.call('workRecords:save', {
      ...base,
      receivedDate: '2026-05-10',
      status: 'received',
    });
    expect([code(early), field(early)]).toEqual(['INPUT_INVALID', 'receivedDate']);
    const noDate = await v.call('workRecords:save', { ...base, status: 'received' });
    expect([code(noDate), field(noDate)]).toEqual(['INPUT_INVALID', 'receivedDate']);
    const badStatus = await v.call('workRecords:save', {
      ...base,
      status: 'lost',
    } as unknown as Parameters<typeof v.call<'workRecords:save'>>[1]);
    expect([code(badStatus), field(badStatus)]).toEqual(['INPUT_INVALID', 'status']);
    const noPeople = await v.call('workRecords:save', {
      kind: 'visit',
      caseId: v.caseId,
      date: '2026-05-11',
      visitMode: 'field',
      place: '收费站',
      participantUserIds: [],
    });
    expect([code(noPeople), field(noPeople)]).toEqual(['INPUT_INVALID', 'participantUserIds']);
    expect(counts()).toEqual(before);

    // The table's own check holds even if a caller skipped the services.
    const ok = value(await v.call('workRecords:save', { ...base, status: 'requested' }));
    const db = v.core.context.db();
    expect(() =>
      db.prepare("UPDATE work_records SET received_date = '2026-05-01' WHERE id = ?").run(ok.id),
    ).toThrow(/CHECK constraint/);
    const received = value(
      await v.call('workRecords:save', {
        ...base,
        id: ok.id,
        receivedDate: '2026-05-15',
        status: 'received',
      }),
    );
    expect([received.status, received.receivedDate]).toEqual(['received', '2026-05-15']);
  });

  it('updates through the service with a history of old → new that never holds the notes', async () => {
    await v.as('member');
    const talk = value(await v.call('workRecords:save', talkInput()));
    const changed = value(
      await v.call('workRecords:save', {
        ...talkInput({ id: talk.id, place: '第三谈话室', notes: `${NOTES}另称报销单据存在连号。` }),
        recorderUserId: v.userIds.intake,
      }),
    );
    expect(changed.number).toBe(talk.number);
    expect(changed.place).toBe('第三谈话室');
    expect(changed.people.map((p) => p.displayName)).toEqual(['王组长', '钱信访']);
    // The same input again is no change: no new history entry.
    value(
      await v.call('workRecords:save', {
        ...talkInput({ id: talk.id, place: '第三谈话室', notes: `${NOTES}另称报销单据存在连号。` }),
        recorderUserId: v.userIds.intake,
      }),
    );
    const history = await historyOf('talk', talk.id);
    expect(history.map((e) => e.action)).toEqual(['work_record.create', 'work_record.update']);
    const update = history[1]!.details.changes as Record<string, [unknown, unknown]>;
    expect(update.place).toEqual(['第二谈话室', '第三谈话室']);
    expect(update.people).toEqual([
      ['王组长', '孙组员'],
      ['王组长', '钱信访'],
    ]);
    expect(update.notes).toEqual(['***', '***']);
    expect(JSON.stringify(history)).not.toContain('加班名义');

    const kindChange = await v.call('workRecords:save', {
      kind: 'visit',
      id: talk.id,
      caseId: v.caseId,
      date: '2026-05-11',
      visitMode: 'field',
      place: 'x',
      participantUserIds: [v.userIds.member],
    });
    expect([code(kindChange), field(kindChange)]).toEqual(['INPUT_INVALID', 'kind']);
  });

  it('links records to leads both ways, and hides a sealed lead from those it does not name', async () => {
    await v.as('member');
    const talk = value(await v.call('workRecords:save', talkInput()));
    const lead = value(
      await v.call('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-05-11',
        summary: '财务科违规发放津贴补贴',
        subjects: [{ personId: v.personIds.clerk }],
        sources: [{ kind: 'talk', note: talk.number }],
      }),
    );
    const linked = value(await v.call('workRecords:link', { id: talk.id, leadId: lead.id }));
    expect(linked.leads.map((l) => l.number)).toEqual([lead.number]);
    expect(linked.leadCount).toBe(1);
    // Linking twice changes nothing.
    value(await v.call('workRecords:link', { id: talk.id, leadId: lead.id }));
    expect(value(await v.call('workRecords:forLead', { leadId: lead.id })).map((r) => r.id)).toEqual([
      talk.id,
    ]);

    // A sealed lead naming only the group leader.
    await v.as('leader');
    const sealed = value(
      await v.call('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-05-11',
        summary: '一把手问题线索',
        subjects: [{ personId: v.personIds.director }],
        sources: [{ kind: 'talk' }],
        sealed: true,
        sealedUserIds: [v.userIds.leader],
      }),
    );
    expect(value(await v.call('workRecords:link', { id: talk.id, leadId: sealed.id })).leads).toHaveLength(2);
    await v.as('member');
    const seen = value(await v.call('workRecords:get', { id: talk.id }));
    expect(seen.leads.map((l) => l.id)).toEqual([lead.id]);
    expect(seen.leadCount).toBe(1);
    expect(code(await v.call('workRecords:link', { id: talk.id, leadId: sealed.id }))).toBe(
      'WORK_RECORD_LINK_INVALID',
    );
    expect(code(await v.call('workRecords:forLead', { leadId: sealed.id }))).toBe('RECORD_NOT_FOUND');
    const history = value(await v.call('records:history', { entityType: 'talk', entityId: talk.id }));
    expect(JSON.stringify(history)).not.toContain(sealed.number);

    const unlinked = value(await v.call('workRecords:unlink', { id: talk.id, leadId: lead.id }));
    expect(unlinked.leads).toEqual([]);
    expect(value(await v.call('workRecords:forLead', { leadId: lead.id }))).toEqual([]);
    const actions = value(await v.call('records:history', { entityType: 'talk', entityId: talk.id })).map(
      (e) => [e.action, (e.details.changes as Record<string, unknown> | undefined)?.leads ?? null],
    );
    expect(actions).toContainEqual(['work_record.link', [null, lead.number]]);
    expect(actions).toContainEqual(['work_record.unlink', [lead.number, null]]);
  });

  it('registers a lead with a talk as its source, which links the two', async () => {
    await v.as('member');
    const talk = value(await v.call('workRecords:save', talkInput()));
    const lead = value(
      await v.call('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-05-11',
        summary: '财务科以加班名义发放津贴',
        subjects: [{ personId: v.personIds.clerk }],
        sources: [{ kind: 'talk', workRecordId: talk.id }],
      }),
    );
    expect(lead.sources).toEqual([
      expect.objectContaining({ kind: 'talk', workRecordId: talk.id, workRecordNumber: talk.number }),
    ]);
    expect(value(await v.call('workRecords:get', { id: talk.id })).leads.map((l) => l.id)).toEqual([lead.id]);
    expect(value(await v.call('workRecords:forLead', { leadId: lead.id })).map((r) => r.id)).toEqual([
      talk.id,
    ]);

    const before = counts();
    const wrongKind = await v.call('leads:create', {
      caseId: v.caseId,
      receivedDate: '2026-05-11',
      summary: 'x',
      subjects: [{ freeText: 'y' }],
      sources: [{ kind: 'visit', workRecordId: talk.id }],
    });
    expect(code(wrongKind)).toBe('WORK_RECORD_LINK_INVALID');
    const intake = await v.call('leads:create', {
      caseId: v.caseId,
      receivedDate: '2026-05-11',
      summary: 'x',
      subjects: [{ freeText: 'y' }],
      sources: [{ kind: 'data_analysis', workRecordId: talk.id }],
    });
    expect([code(intake), field(intake)]).toEqual(['INPUT_INVALID', 'sources.0.workRecordId']);
    expect(counts()).toEqual(before);
  });

  it('tombstones with a reason: gone from lists, reads and search, kept in the history', async () => {
    await v.as('member');
    const talk = value(await v.call('workRecords:save', talkInput({ notes: '反映食堂账目混乱问题' })));
    expect(code(await v.call('workRecords:remove', { id: talk.id, reason: '误登' }))).toBe('ROLE_FORBIDDEN');
    await v.as('deputy');
    const noReason = await v.call('workRecords:remove', { id: talk.id, reason: ' ' });
    expect(code(noReason)).toBe('INPUT_INVALID');
    value(await v.call('workRecords:remove', { id: talk.id, reason: '误登' }));
    expect(code(await v.call('workRecords:get', { id: talk.id }))).toBe('RECORD_NOT_FOUND');
    const list = value(await v.call('workRecords:list', { caseId: v.caseId, kind: 'talk' }));
    expect(list.map((r) => r.id)).not.toContain(talk.id);
    const hits = value(await v.call('search:query', { query: '账目', types: ['talk'] }));
    expect(hits.hits.map((h) => h.id)).not.toContain(talk.id);
    const row = v.core.context
      .db()
      .prepare('SELECT deleted_hlc, removed_reason FROM work_records WHERE id = ?')
      .get(talk.id);
    expect(row).toMatchObject({ removed_reason: '误登' });
    const history = await historyOf('talk', talk.id);
    expect(history.at(-1)).toMatchObject({ action: 'work_record.remove', details: { reason: '误登' } });
  });

  it('finds a talk by a two-character word of its notes, and not for the liaison', async () => {
    await v.as('member');
    const talk = value(
      await v.call('workRecords:save', talkInput({ notes: '谈话对象称单位小金库资金用于发放节日福利。' })),
    );
    const request = value(
      await v.call('workRecords:save', {
        kind: 'document_request',
        caseId: v.caseId,
        date: '2026-05-12',
        subject: '小金库相关银行流水',
        unitId: v.unitId,
        status: 'requested',
      }),
    );
    const found = value(await v.call('search:query', { query: '金库' }));
    expect(found.hits.map((h) => [h.type, h.id])).toEqual(
      expect.arrayContaining([
        ['talk', talk.id],
        ['document_request', request.id],
      ]),
    );
    const byType = value(await v.call('search:query', { query: '福利', types: ['talk'] }));
    expect(byType.hits.map((h) => h.id)).toEqual([talk.id]);
    expect(byType.hits[0]!.snippet.some((s) => s.hit && s.text.includes('福利'))).toBe(true);

    await v.as('liaison');
    const liaison = value(await v.call('search:query', { query: '金库' }));
    expect(liaison.hits.map((h) => h.type)).toEqual(['document_request']);
    expect(liaison.total).toBe(1);
    const onlyTalks = value(await v.call('search:query', { query: '福利', types: ['talk'] }));
    expect(onlyTalks).toMatchObject({ total: 0, hits: [] });
  });

  it('lets the liaison see the talk schedule but not its notes, and register document requests only', async () => {
    await v.as('member');
    const talk = value(await v.call('workRecords:save', talkInput()));
    const visit = value(
      await v.call('workRecords:save', {
        kind: 'visit',
        caseId: v.caseId,
        date: '2026-05-13',
        visitMode: 'field',
        place: '第三收费站',
        participantUserIds: [v.userIds.member],
        notes: '收费站值班记录缺失三天。',
      }),
    );
    await v.as('liaison');
    const seen = value(await v.call('workRecords:get', { id: talk.id }));
    expect([seen.notes, seen.notesHidden, seen.place, seen.interviewee?.name]).toEqual([
      null,
      true,
      '第二谈话室',
      '陈晓梅',
    ]);
    const list = value(await v.call('workRecords:list', { caseId: v.caseId }));
    expect(JSON.stringify(list)).not.toContain('加班名义');
    expect(value(await v.call('workRecords:get', { id: visit.id })).notes).toBe('收费站值班记录缺失三天。');
    expect(code(await v.call('workRecords:save', talkInput()))).toBe('ROLE_FORBIDDEN');
    expect(code(await v.call('workRecords:link', { id: talk.id, leadId: randomUUID() }))).toBe(
      'ROLE_FORBIDDEN',
    );
    const request = await v.call('workRecords:save', {
      kind: 'document_request',
      caseId: v.caseId,
      date: '2026-05-12',
      subject: '三重一大会议记录',
      unitId: v.unitId,
      status: 'requested',
    });
    expect(code(request)).toBe('ok');

    await v.as('intake');
    expect(value(await v.call('workRecords:get', { id: talk.id })).notes).toBe(NOTES);

    // The auditor reads the history (never the notes) but no record.
    await v.as('auditor');
    expect(code(await v.call('workRecords:get', { id: talk.id }))).toBe('ROLE_FORBIDDEN');
    const history = value(await v.call('records:history', { entityType: 'talk', entityId: talk.id }));
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history)).not.toContain('加班名义');
  });

  it('reads lists through their indexes (migration 0006)', () => {
    const db = v.core.context.db();
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT * FROM work_records WHERE case_id = ? AND deleted_hlc IS NULL AND kind = ? ORDER BY record_date DESC`,
        v.caseId,
        'talk',
      ),
    ).toMatch(/USING INDEX work_records_case/);
    expect(
      plan(
        'SELECT * FROM attachments WHERE record_type = ? AND record_id = ? AND deleted_hlc IS NULL',
        'talk',
        v.caseId,
      ),
    ).toMatch(/USING INDEX attachments_record/);
    expect(plan('SELECT data FROM attachment_chunks WHERE blob_id = ? AND seq = ?', 'x', 0)).toMatch(
      /USING INDEX sqlite_autoindex_attachment_chunks_1/,
    );
    expect(plan('SELECT 1 FROM work_record_leads WHERE lead_id = ?', v.caseId)).toMatch(
      /work_record_leads_lead/,
    );
  });
});
