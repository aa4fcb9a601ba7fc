/**
 * The benchmark vault: a real encrypted vault with 2,000 units, 20,000 persons and
 * 100,000 intake items and 100,000 leads. Units, persons and cases go through the
 * core's own channels (the seed generator); the intake items and leads, too many for
 * that within a bench run, are written straight into their tables in a few large
 * transactions, in the shapes the handlers write (intake-handlers.ts, lead-handlers.ts):
 * ledger numbers, deadlines from the office rules, reporters in their own table,
 * reported persons with their post at the time, sources, signed steps, sealed leads
 * with named users, and the search index entry of each.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../electron/core/db/open-database';
import { CHANNEL_MARKS } from '../../electron/core/intake-leads/intake-repo';
import type { MingjingCore } from '../../electron/core/mingjing-core';
import { readOfficeRules } from '../../electron/core/reference/office-rules';
import { indexRecord } from '../../electron/core/search/search-index';
import { complaint } from '../../electron/core/search/seed/complaints';
import { Random } from '../../electron/core/search/seed/random';
import { GIVEN_NAMES, SURNAMES } from '../../electron/core/search/seed/sample-words';
import { seedVault } from '../../electron/core/search/seed/seed-vault';
import { addCalendarDays, addWorkingDays } from '../../shared/working-days';
import { INTAKE_CHANNELS, SCOPE_DECISIONS, type DISPOSALS } from '../../shared/contracts/intake-leads';
import { activateUser, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

export const BIG_COUNTS = { units: 2_000, persons: 20_000, intake: 100_000, leads: 100_000 };
/** Cases of the round; the first holds `BIG_SHARE` of the intake items and leads, the others share the rest. */
export const CASES = 20;
export const BIG_SHARE = 0.5;
/** The core's date during the bench: two weeks after the last item was received. */
export const BENCH_TODAY = Date.UTC(2026, 5, 15, 2);
/** Share of sealed leads (each asked about one by one when a search matches it). */
export const SEALED_SHARE = 0.002;

export const BENCH_USER = { name: 'bench', displayName: '王组长', passphrase: 'Ceping-mima-2026-q' };
const PEER_USER = { name: 'peer', displayName: '李副组长', passphrase: 'Ceping-mima-2026-p' };
const INITIAL = 'Chushi-mima-2026-y';

export interface BigVault {
  dir: string;
  cleanup: () => void;
  /** Case ids, the big case first. */
  caseIds: string[];
  rows: { intake: Record<string, number>; leads: Record<string, number> };
  userIds: { bench: string; peer: string };
  seedSeconds: { reference: number; intakeAndLeads: number };
  /** A core on the vault, signed in as the bench user (a group leader in every case). */
  open(): ReturnType<typeof makeCore>;
}

type Disposal = (typeof DISPOSALS)[number];

/** Lead statuses with their share and the disposals that can lead there. */
const LEAD_STATES: readonly { status: string; share: number; disposals: readonly (Disposal | null)[] }[] = [
  { status: 'registered', share: 0.3, disposals: [null] },
  {
    status: 'proposed',
    share: 0.1,
    disposals: ['talk_or_inquiry_letter', 'preliminary_verification', 'hold'],
  },
  {
    status: 'approved',
    share: 0.1,
    disposals: ['preliminary_verification', 'transfer_discipline_commission'],
  },
  { status: 'in_progress', share: 0.2, disposals: ['talk_or_inquiry_letter', 'preliminary_verification'] },
  { status: 'concluded', share: 0.1, disposals: ['talk_or_inquiry_letter', 'preliminary_verification'] },
  {
    status: 'transferred',
    share: 0.1,
    disposals: ['transfer_discipline_commission', 'transfer_organisation_department'],
  },
  { status: 'held', share: 0.05, disposals: ['hold'] },
  { status: 'closed', share: 0.05, disposals: ['close'] },
];

function pickState(r: Random) {
  let x = r.next();
  for (const s of LEAD_STATES) {
    if ((x -= s.share) < 0) return s;
  }
  return LEAD_STATES[0]!;
}

/** Which case the i-th of n records belongs to: the big case first, then round robin. */
function caseIndex(i: number, n: number): number {
  const big = Math.floor(n * BIG_SHARE);
  return i < big ? 0 : 1 + ((i - big) % (CASES - 1));
}

export async function seedBigVault(): Promise<BigVault> {
  const t = tempDir('mj-bench-big-');
  const started = Date.now();
  // The clock starts on BENCH_TODAY and runs on, so HLC stamps keep their shape.
  const clock = () => BENCH_TODAY + (Date.now() - started);
  const admin = await setupVault(t.dir, { now: clock });
  const users = {} as { bench: string; peer: string };
  for (const [key, u, roles] of [
    ['bench', BENCH_USER, ['group_leader']],
    ['peer', PEER_USER, ['deputy_leader']],
  ] as const) {
    users[key] = value(
      await admin.call('users:create', {
        name: u.name,
        displayName: u.displayName,
        roles: [...roles],
        passphrase: INITIAL,
      }),
    ).id;
    await activateUser(t.dir, u.name, INITIAL, u.passphrase);
  }
  value(await admin.call('session:lock', {}));

  const open = () => {
    const made = makeCore(t.dir, { now: clock });
    return made;
  };
  const { core, call } = open();
  value(await call('session:unlock', { userName: BENCH_USER.name, passphrase: BENCH_USER.passphrase }));
  // The seed puts the bench user at the head of every case's group, the peer as deputy.
  await seedVault(
    core,
    { units: BIG_COUNTS.units, persons: BIG_COUNTS.persons, cases: CASES, intake: 0, leads: 0 },
    20260301,
    [{ userId: users.peer, groupRole: 'deputy' }],
  );
  const referenceSeconds = (Date.now() - started) / 1000;

  const db = core.context.db();
  const caseIds = (
    db.prepare('SELECT id FROM cases WHERE deleted_hlc IS NULL ORDER BY code').all() as { id: string }[]
  ).map((c) => c.id);
  const t1 = Date.now();
  const rows = writeLedgers(core, db, caseIds, users);
  const intakeAndLeads = (Date.now() - t1) / 1000;
  value(await call('session:lock', {}));
  core.lock('shutdown');

  return {
    dir: t.dir,
    cleanup: t.cleanup,
    caseIds,
    rows,
    userIds: users,
    seedSeconds: { reference: referenceSeconds, intakeAndLeads },
    open,
  };
}

function writeLedgers(
  core: MingjingCore,
  db: Db,
  caseIds: string[],
  users: { bench: string; peer: string },
): BigVault['rows'] {
  const r = new Random(20260615);
  const rules = readOfficeRules(db);
  const d = rules.deadlines;
  const cal = rules.calendar;
  const office = core.context.session().office.id;
  let tick = 0;
  // Stamps in the HLC format (ms-counter-node), increasing like the app's.
  const hlc = () => `${String(BENCH_TODAY - 86_400_000 * 60 + tick++).padStart(15, '0')}-0000-${office}`;
  const persons = db
    .prepare(
      `SELECT p.id, p.name, coalesce(p.post, '') AS post, p.management_level AS level, coalesce(u.name, '') AS unit
       FROM persons p LEFT JOIN units u ON u.id = p.unit_id WHERE p.deleted_hlc IS NULL`,
    )
    .all() as { id: string; name: string; post: string; level: string | null; unit: string }[];
  const owners = [users.bench, users.peer, null, null];

  const ins = {
    intake: db.prepare(
      `INSERT INTO intake_items (id, origin_office, created_hlc, updated_hlc, case_id, year, seq, number, channel,
       received_date, real_name, summary, content, scope_decision, scope_reason, decided_date, ack_due, forward_due,
       closed_date, reply_due, owner_user_id, status)
       VALUES (@id, @office, @hlc, @hlc, @caseId, @year, @seq, @number, @channel, @received, @realName, @summary,
       @content, @scope, @reason, @decided, @ackDue, @forwardDue, @closed, @replyDue, @owner, @status)`,
    ),
    reporter: db.prepare(
      `INSERT INTO intake_reporters (id, origin_office, created_hlc, updated_hlc, intake_id, name, contact)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    intakeSubject: db.prepare(
      `INSERT INTO intake_subjects (id, origin_office, created_hlc, updated_hlc, intake_id, person_id, post,
       management_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reply: db.prepare(
      `INSERT INTO intake_replies (id, origin_office, created_hlc, updated_hlc, intake_id, kind, reply_date, way, text)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'phone', '已电话告知')`,
    ),
    lead: db.prepare(
      `INSERT INTO leads (id, origin_office, created_hlc, updated_hlc, case_id, year, seq, number, received_date,
       summary, discipline, tags, disposal, receiving_body, approver_user_id, owner_user_id, deadline, status, sealed)
       VALUES (@id, @office, @hlc, @hlc, @caseId, @year, @seq, @number, @received, @summary, @discipline, @tags,
       @disposal, @body, @approver, @owner, @deadline, @status, @sealed)`,
    ),
    sealed: db.prepare(
      `INSERT INTO lead_sealed_users (id, origin_office, created_hlc, updated_hlc, lead_id, user_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    source: db.prepare(
      `INSERT INTO lead_sources (id, origin_office, created_hlc, updated_hlc, lead_id, kind, intake_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    leadSubject: db.prepare(
      `INSERT INTO lead_subjects (id, origin_office, created_hlc, updated_hlc, lead_id, person_id, post,
       management_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    step: db.prepare(
      `INSERT INTO lead_steps (id, origin_office, created_hlc, updated_hlc, lead_id, action, from_status, to_status,
       actor_user_id, actor_name, wall_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const seqs = new Map<string, number>();
  const nextSeq = (key: string) => {
    const n = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, n);
    return n;
  };
  const counts = { intake: {} as Record<string, number>, leads: {} as Record<string, number> };
  const intakeOfCase = caseIds.map(
    () => [] as { id: string; seed: number; person: (typeof persons)[number] }[],
  );
  const batch = (n: number, each: (i: number) => void) => {
    for (let start = 0; start < n; start += 10_000) {
      db.transaction(() => {
        for (let i = start; i < Math.min(n, start + 10_000); i++) each(i);
      })();
    }
  };

  batch(BIG_COUNTS.intake, (i) => {
    const c = caseIndex(i, BIG_COUNTS.intake);
    const caseId = caseIds[c]!;
    const person = r.pick(persons);
    const seed = r.int(0, 2 ** 30);
    const text = complaint(
      new Random(seed),
      { person: person.name, unit: person.unit, post: person.post },
      2026,
    );
    const channel = r.pick(INTAKE_CHANNELS);
    const received = r.date('2026-03-02', '2026-05-31');
    const realName = r.chance(0.35);
    const seq = nextSeq(`i${c}`);
    const number = `2026-${CHANNEL_MARKS[channel]}-${String(seq).padStart(4, '0')}`;
    const decided = r.chance(0.6);
    const scope = decided ? (r.chance(0.8) ? 'accept' : r.pick(SCOPE_DECISIONS)) : null;
    const decidedDate = decided ? addCalendarDays(received, r.int(1, 10)) : null;
    const closed = decided && r.chance(0.4);
    const closedDate = closed ? addCalendarDays(decidedDate!, r.int(1, 20)) : null;
    const id = randomUUID();
    const h = hlc();
    const row = {
      id,
      office,
      hlc: h,
      caseId,
      year: 2026,
      seq,
      number,
      channel,
      received,
      realName: realName ? 1 : 0,
      summary: text.summary,
      content: text.content,
      scope,
      reason: scope === 'not_accepted' ? '不属于巡视受理范围' : null,
      decided: decidedDate,
      ackDue: realName ? addWorkingDays(received, d.intakeAcknowledgeWorkingDays, cal) : null,
      forwardDue:
        scope === 'forward_higher' ? addWorkingDays(received, d.intakeForwardWorkingDays, cal) : null,
      closed: closedDate,
      replyDue: closed && realName ? addWorkingDays(closedDate!, d.intakeReplyWorkingDays, cal) : null,
      owner: r.pick(owners),
      status: closed ? 'closed' : 'open',
    };
    ins.intake.run(row);
    if (realName) {
      ins.reporter.run(randomUUID(), office, h, h, id, r.pick(SURNAMES) + r.pick(GIVEN_NAMES), '13800001234');
      if (r.chance(0.6))
        ins.reply.run(randomUUID(), office, h, h, id, 'acknowledgement', addCalendarDays(received, 5));
      if (closed && r.chance(0.5)) ins.reply.run(randomUUID(), office, h, h, id, 'result', closedDate);
    }
    ins.intakeSubject.run(randomUUID(), office, h, h, id, person.id, person.post || null, person.level);
    indexRecord(db, {
      type: 'intake',
      id,
      caseId,
      title: `${number} ${text.summary}`,
      body: text.content,
      category: channel,
      date: received,
    });
    intakeOfCase[c]!.push({ id, seed, person });
    counts.intake[caseId] = (counts.intake[caseId] ?? 0) + 1;
  });

  batch(BIG_COUNTS.leads, (i) => {
    const c = caseIndex(i, BIG_COUNTS.leads);
    const caseId = caseIds[c]!;
    const from = r.chance(0.7) && intakeOfCase[c]!.length > 0 ? r.pick(intakeOfCase[c]!) : null;
    const person = from ? from.person : r.pick(persons);
    const text = complaint(
      new Random(from ? from.seed : r.int(0, 2 ** 30)),
      { person: person.name, unit: person.unit, post: person.post },
      2026,
    );
    const received = r.date('2026-03-02', '2026-05-31');
    const state = pickState(r);
    const disposal = r.pick(state.disposals);
    const approved = !['registered', 'proposed'].includes(state.status);
    const approvedOn = approved ? addCalendarDays(received, r.int(3, 20)) : null;
    let deadline: string | null = addCalendarDays(received, d.leadDisposalDays);
    if (approved) {
      deadline =
        disposal === 'talk_or_inquiry_letter'
          ? addWorkingDays(approvedOn!, d.inquiryReplyWorkingDays, cal)
          : disposal === 'preliminary_verification'
            ? addWorkingDays(approvedOn!, d.preliminaryVerificationWorkingDays, cal)
            : disposal?.startsWith('transfer_')
              ? addCalendarDays(approvedOn!, d.transferFeedbackDays)
              : null;
    }
    // Leads about a top leader are rare: about ten per case here.
    const sealed = r.chance(SEALED_SHARE);
    const seq = nextSeq(`l${c}`);
    const id = randomUUID();
    const h = hlc();
    ins.lead.run({
      id,
      office,
      hlc: h,
      caseId,
      year: 2026,
      seq,
      number: `2026-线-${String(seq).padStart(4, '0')}`,
      received,
      summary: text.leadSummary,
      discipline: text.discipline,
      tags: JSON.stringify(text.tags),
      disposal,
      body: state.status === 'transferred' ? '市纪委监委' : null,
      approver: approved ? users.bench : null,
      owner: r.pick(owners),
      deadline,
      status: state.status,
      sealed: sealed ? 1 : 0,
    });
    // Half the sealed leads name the bench user, the other half only the peer.
    if (sealed) {
      ins.sealed.run(randomUUID(), office, h, h, id, users.peer);
      if (r.chance(0.5)) ins.sealed.run(randomUUID(), office, h, h, id, users.bench);
    }
    ins.source.run(
      randomUUID(),
      office,
      h,
      h,
      id,
      from ? 'intake' : r.pick(['talk', 'document_review', 'visit', 'data_analysis']),
      from?.id ?? null,
    );
    ins.leadSubject.run(randomUUID(), office, h, h, id, person.id, person.post || null, person.level);
    const wall = `${received}T01:00:00.000Z`;
    ins.step.run(
      randomUUID(),
      office,
      h,
      h,
      id,
      'register',
      'registered',
      'registered',
      users.bench,
      '王组长',
      wall,
    );
    if (state.status !== 'registered') {
      ins.step.run(
        randomUUID(),
        office,
        h,
        h,
        id,
        'propose',
        'registered',
        state.status,
        users.peer,
        '李副组长',
        wall,
      );
    }
    indexRecord(db, {
      type: 'lead',
      id,
      caseId,
      title: `${'2026-线-'}${String(seq).padStart(4, '0')} ${text.leadSummary}`,
      body: [text.leadSummary, `${person.name} ${person.unit} ${person.post}`].join('\n'),
      category: text.discipline,
      date: received,
      sealed,
    });
    counts.leads[caseId] = (counts.leads[caseId] ?? 0) + 1;
  });
  return counts;
}
