import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../../../shared/contract';
import type { GroupRole } from '../../../../shared/contracts/reference';
import { AppError } from '../../errors';
import type { MingjingCore } from '../../mingjing-core';
import { complaint, type Subject } from './complaints';
import { Random } from './random';
import {
  BODIES,
  CITIES,
  COUNTY_NAMES,
  GIVEN_NAMES,
  LEADER_POSTS,
  STAFF_POSTS,
  SURNAMES,
  type UnitKind,
} from './sample-words';

export const SEED_KINDS = ['units', 'persons', 'cases', 'intake', 'leads'] as const;
export type SeedCounts = Record<(typeof SEED_KINDS)[number], number>;

export interface SeedReport {
  created: Record<string, number>;
  /** Kinds asked for that this build cannot write yet (their channels do not exist). */
  skipped: string[];
  ms: number;
}

/** Records per transaction: large enough to be fast, small enough to keep the WAL modest. */
const BATCH = 500;
const INTAKE_CHANNELS = ['letter', 'letter', 'call', 'visit', 'online', 'referral'] as const;
const LEAD_SOURCES = ['talk', 'document_review', 'visit', 'data_analysis'] as const;

type Level = 'department' | 'county' | 'township' | 'below_section';
interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
  level: Level;
}
interface PersonRef extends Subject {
  id: string;
}

/** An account to put in the group of every new case, besides the seeding user. */
export interface SeedGroupMember {
  userId: string;
  groupRole: GroupRole;
}

/**
 * Writes Chinese demo data through the core's own channels (the same validation,
 * audit entries and search indexing as the app), as the signed-in user, in
 * batches: each batch of records commits as one transaction (a savepoint, so a
 * caller may hold the whole seed in one outer transaction). Case content is for the
 * case's group only, so the seeding user leads every new case, with `group` in it.
 */
export async function seedVault(
  core: MingjingCore,
  counts: SeedCounts,
  seed = 20260301,
  group: readonly SeedGroupMember[] = [],
): Promise<SeedReport> {
  const started = Date.now();
  const db = core.context.db();
  const userId = core.context.user().id;
  const r = new Random(seed);
  const year = new Date(core.context.now()).getUTCFullYear();
  const report: SeedReport = { created: {}, skipped: [], ms: 0 };

  const has = (channel: Channel) => typeof core.handlers[channel] === 'function';
  async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const spec = contract[channel];
    core.authorize(spec.access, channel);
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      throw new AppError('INPUT_INVALID', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
    }
    const handler = core.handlers[channel] as (input: unknown) => unknown;
    return (await handler(parsed.data)) as ChannelOutput<C>;
  }
  async function inTransaction(work: () => Promise<void>): Promise<void> {
    db.exec('SAVEPOINT seed_batch');
    try {
      await work();
      db.exec('RELEASE seed_batch');
    } catch (err) {
      db.exec('ROLLBACK TO seed_batch');
      db.exec('RELEASE seed_batch');
      throw err;
    }
  }
  async function inBatches(kind: string, n: number, make: (i: number) => Promise<void>): Promise<void> {
    for (let start = 0; start < n; start += BATCH) {
      await inTransaction(async () => {
        for (let i = start; i < Math.min(n, start + BATCH); i++) await make(i);
      });
      report.created[kind] = Math.min(n, start + BATCH);
    }
  }
  const wanted = (kind: keyof SeedCounts, channel: Channel) => {
    if (counts[kind] <= 0) return false;
    if (has(channel)) return true;
    report.skipped.push(kind);
    return false;
  };

  // Units: a city government, its bodies, then each county's government and bodies.
  if (wanted('units', 'units:save')) {
    const plan = unitPlan(counts.units);
    const ids: string[] = [];
    await inBatches('units', plan.length, async (i) => {
      const u = plan[i]!;
      const saved = await invoke('units:save', {
        name: u.name,
        shortName: u.shortName,
        unitType: u.kind,
        managementLevel: u.level,
        parentId: u.parent === null ? null : ids[u.parent]!,
      });
      ids.push(saved.id);
    });
  }
  const units = db
    .prepare(
      'SELECT id, name, unit_type AS kind, management_level AS level FROM units WHERE deleted_hlc IS NULL',
    )
    .all() as UnitRef[];

  // Persons: each unit gets its leaders first, then staff.
  if (wanted('persons', 'persons:save')) {
    await inBatches('persons', counts.persons, async (i) => {
      const unit = units.length > 0 ? units[i % units.length]! : null;
      const rank = units.length > 0 ? Math.floor(i / units.length) : 99;
      const leaders = unit ? (LEADER_POSTS[unit.kind] ?? LEADER_POSTS.party_government) : [];
      const leader = rank < leaders.length;
      await invoke('persons:save', {
        name: personName(r),
        gender: r.chance(0.6) ? 'male' : 'female',
        birthDate: r.date('1965-01-01', '1995-12-31'),
        unitId: unit?.id ?? null,
        post: leader ? leaders[rank]! : r.pick(STAFF_POSTS),
        managementLevel: leader ? (unit?.level ?? null) : 'below_section',
        isLeadership: leader,
      });
    });
  }
  const persons = db
    .prepare(
      `SELECT p.id, p.name AS person, coalesce(u.name, '') AS unit, coalesce(p.post, '') AS post, p.unit_id
       FROM persons p LEFT JOIN units u ON u.id = p.unit_id WHERE p.deleted_hlc IS NULL`,
    )
    .all() as (PersonRef & { unit_id: string | null })[];
  const byUnit = new Map<string, PersonRef[]>();
  for (const p of persons) if (p.unit_id) byUnit.set(p.unit_id, [...(byUnit.get(p.unit_id) ?? []), p]);

  // One new round holding the new cases; each case inspects a government or body.
  const newCases: string[] = [];
  if (wanted('cases', 'cases:save') && has('rounds:save')) {
    const { n } = db.prepare('SELECT count(*) AS n FROM rounds WHERE year = ?').get(year) as { n: number };
    const round = await invoke('rounds:save', {
      name: `${year}年第${n + 1}轮巡察`,
      year,
      sequence: n + 1,
      startDate: `${year}-03-01`,
      endDate: `${year}-06-30`,
    });
    const targets = units.filter((u) => u.level === 'department' || u.level === 'county');
    const pool = targets.length > 0 ? targets : units;
    if (pool.length === 0) throw new AppError('RECORD_NOT_FOUND');
    await inBatches('cases', counts.cases, async (i) => {
      const unit = pool[i % pool.length]!;
      const made = await invoke('cases:save', {
        roundId: round.id,
        unitId: unit.id,
        code: `${year}-${n + 1}-${String(i + 1).padStart(3, '0')}`,
        groupName: `第${i + 1}巡察组`,
        phase: 'stationed',
        plannedStart: `${year}-03-01`,
        plannedEnd: `${year}-05-31`,
        actualStart: `${year}-03-02`,
      });
      newCases.push(made.id);
    });
  }
  // The group of each new case: the seeding user as its leader, then `group`.
  if (newCases.length > 0 && has('cases:addMember')) {
    const members = [{ userId, groupRole: 'leader' as const }, ...group.filter((g) => g.userId !== userId)];
    await inTransaction(async () => {
      const inspectors = new Map<string, string>();
      for (const m of members) inspectors.set(m.userId, await inspectorFor(m.userId));
      for (const caseId of newCases) {
        for (const m of members) {
          await invoke('cases:addMember', {
            caseId,
            inspectorId: inspectors.get(m.userId)!,
            groupRole: m.groupRole,
            userId: m.userId,
          });
        }
      }
    });
  }
  /** The account's inspector: the one already linked to it in a group, or a new one. */
  async function inspectorFor(accountId: string): Promise<string> {
    const linked = db
      .prepare('SELECT inspector_id FROM case_members WHERE user_id = ? AND deleted_hlc IS NULL LIMIT 1')
      .get(accountId) as { inspector_id: string } | undefined;
    if (linked) return linked.inspector_id;
    const { display_name } = db.prepare('SELECT display_name FROM users WHERE id = ?').get(accountId) as {
      display_name: string;
    };
    const person = await invoke('persons:save', { name: display_name.slice(0, 40) });
    return (await invoke('pool:save', { personId: person.id, backgrounds: ['discipline'] })).id;
  }
  // Intake and leads go to the cases the seeding user is in (the new ones, and any joined before).
  const cases = db
    .prepare(
      `SELECT c.id, c.unit_id FROM cases c WHERE c.deleted_hlc IS NULL AND EXISTS (
         SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = ? AND m.deleted_hlc IS NULL)
       ORDER BY c.code`,
    )
    .all(userId) as { id: string; unit_id: string }[];
  const subjectFor = (caseIndex: number): PersonRef | null => {
    const local = byUnit.get(cases[caseIndex]!.unit_id);
    if (local && local.length > 0 && r.chance(0.7)) return r.pick(local);
    return persons.length > 0 ? r.pick(persons) : null;
  };
  const subjectInput = (p: PersonRef | null) =>
    p ? { personId: p.id, post: p.post.slice(0, 60) || undefined } : { freeText: '有关负责同志' };

  // Intake items spread over the cases; about a third under the reporter's real name.
  const intakeByCase = new Map<number, { id: string; subject: PersonRef | null; seedText: number }[]>();
  if (wanted('intake', 'intake:create') && cases.length > 0) {
    await inBatches('intake', counts.intake, async (i) => {
      const c = i % cases.length;
      const subject = subjectFor(c);
      const seedText = r.int(0, 2 ** 30);
      const text = complaint(
        new Random(seedText),
        subject ?? { person: '有关负责同志', unit: '该单位', post: '' },
        year,
      );
      const realName = r.chance(0.35);
      const item = await invoke('intake:create', {
        caseId: cases[c]!.id,
        channel: r.pick(INTAKE_CHANNELS),
        receivedDate: r.date(`${year}-03-02`, `${year}-05-31`),
        realName,
        ...(realName ? { reporter: { name: personName(r), contact: phone(r) } } : {}),
        summary: text.summary,
        content: text.content,
        subjects: [subjectInput(subject)],
      });
      intakeByCase.set(c, [...(intakeByCase.get(c) ?? []), { id: item.id, subject, seedText }]);
    });
  } else if (counts.intake > 0 && cases.length === 0 && !report.skipped.includes('intake')) {
    report.skipped.push('intake');
  }

  // Leads: most come from an intake item of their case (same person, same story).
  if (wanted('leads', 'leads:create') && cases.length > 0) {
    await inBatches('leads', counts.leads, async (i) => {
      const c = i % cases.length;
      const items = intakeByCase.get(c) ?? [];
      const from = items.length > 0 && r.chance(0.7) ? r.pick(items) : null;
      const subject = from ? from.subject : subjectFor(c);
      const text = complaint(
        new Random(from ? from.seedText : r.int(0, 2 ** 30)),
        subject ?? { person: '有关负责同志', unit: '该单位', post: '' },
        year,
      );
      const sealed = r.chance(0.01);
      await invoke('leads:create', {
        caseId: cases[c]!.id,
        receivedDate: r.date(`${year}-03-02`, `${year}-05-31`),
        summary: text.leadSummary,
        discipline: text.discipline,
        tags: text.tags,
        subjects: [subjectInput(subject)],
        sources: [from ? { kind: 'intake', intakeId: from.id } : { kind: r.pick(LEAD_SOURCES) }],
        sealed,
        sealedUserIds: sealed ? [userId] : [],
      });
    });
  } else if (counts.leads > 0 && cases.length === 0 && !report.skipped.includes('leads')) {
    report.skipped.push('leads');
  }

  report.ms = Date.now() - started;
  return report;
}

function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
}

function phone(r: Random): string {
  return `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
}

interface PlannedUnit {
  name: string;
  shortName: string;
  kind: UnitKind;
  level: Level;
  /** Index of the parent in the plan. */
  parent: number | null;
}

/** The first `n` units of: city government, its bodies, each county's government and bodies, next city… */
export function unitPlan(n: number): PlannedUnit[] {
  const plan: PlannedUnit[] = [];
  const add = (u: PlannedUnit) => plan.length < n && plan.push(u);
  for (let round = 0; plan.length < n; round++) {
    for (const city of CITIES) {
      if (plan.length >= n) break;
      const prefix = round === 0 ? `${city}市` : `${city}${round + 1}市`;
      const cityGov = plan.length;
      add({
        name: `${prefix}人民政府`,
        shortName: `${prefix}政府`,
        kind: 'party_government',
        level: 'department',
        parent: null,
      });
      for (const b of BODIES)
        add({
          name: `${prefix}${b.name}`,
          shortName: b.name,
          kind: b.kind,
          level: 'county',
          parent: cityGov,
        });
      for (const [k, county] of COUNTY_NAMES.entries()) {
        const suffix = k % 4 === 3 ? '区' : '县';
        const countyName = `${prefix}${county}${suffix}`;
        const countyGov = plan.length;
        add({
          name: `${countyName}人民政府`,
          shortName: `${county}${suffix}政府`,
          kind: 'party_government',
          level: 'county',
          parent: cityGov,
        });
        for (const b of BODIES) {
          add({
            name: `${countyName}${b.name}`,
            shortName: `${county}${suffix}${b.name}`.slice(0, 40),
            kind: b.kind,
            level: 'township',
            parent: countyGov,
          });
        }
      }
    }
  }
  return plan;
}
