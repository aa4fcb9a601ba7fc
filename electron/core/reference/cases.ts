import type { CaseDetail, CaseSummary, GroupRole, Round } from '../../../shared/contracts/reference';
import { isSystemRole } from '../../../shared/roles';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { listLiveUsers } from '../users/user-repo';
import { groupRoleIn, mayManageCase, maySeeCase, readsAuditLog } from './case-access';
import { newId, office, requireLive, today } from './common';
import { listInspectors } from './pool';
import { checkRecusal } from './recusal';

interface RoundRow {
  id: string;
  name: string;
  year: number;
  sequence: number;
  start_date: string | null;
  end_date: string | null;
}
const toRound = (r: RoundRow): Round => ({
  id: r.id,
  name: r.name,
  year: r.year,
  sequence: r.sequence,
  startDate: r.start_date,
  endDate: r.end_date,
});

interface CaseRow {
  id: string;
  round_id: string;
  round_name: string;
  unit_id: string;
  unit_name: string;
  code: string;
  group_name: string;
  phase: CaseSummary['phase'];
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  member_count: number;
}

const CASE_SELECT = `
  SELECT c.*, r.name AS round_name, u.name AS unit_name,
    (SELECT count(*) FROM case_members m WHERE m.case_id = c.id AND m.deleted_hlc IS NULL) AS member_count
  FROM cases c JOIN rounds r ON r.id = c.round_id JOIN units u ON u.id = c.unit_id`;

const toCase = (r: CaseRow, myGroupRole: GroupRole | null): CaseSummary => ({
  id: r.id,
  roundId: r.round_id,
  roundName: r.round_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  code: r.code,
  groupName: r.group_name,
  phase: r.phase,
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  memberCount: r.member_count,
  myGroupRole,
});

/** One case with its group; `viewerId` fills in the viewer's own group role. */
export function getCase(db: Db, id: string, viewerId?: string): CaseDetail {
  const row = db.prepare(`${CASE_SELECT} WHERE c.id = ? AND c.deleted_hlc IS NULL`).get(id) as
    CaseRow | undefined;
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  const members = (
    db
      .prepare(
        `SELECT m.*, i.person_id, p.name, us.name AS user_name FROM case_members m
         JOIN inspectors i ON i.id = m.inspector_id JOIN persons p ON p.id = i.person_id
         LEFT JOIN users us ON us.id = m.user_id AND us.deleted_hlc IS NULL
         WHERE m.case_id = ? AND m.deleted_hlc IS NULL
         ORDER BY CASE m.group_role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 WHEN 'member' THEN 2
                  WHEN 'intake_officer' THEN 3 ELSE 4 END, p.name`,
      )
      .all(id) as {
      id: string;
      inspector_id: string;
      person_id: string;
      name: string;
      group_role: CaseDetail['members'][number]['groupRole'];
      user_id: string | null;
      user_name: string | null;
      appraisal: string | null;
      override_reason: string | null;
    }[]
  ).map((m) => ({
    id: m.id,
    inspectorId: m.inspector_id,
    personId: m.person_id,
    name: m.name,
    groupRole: m.group_role,
    userId: m.user_id,
    userName: m.user_name,
    appraisal: m.appraisal,
    overrideReason: m.override_reason,
  }));
  // Members come leader first, so a user linked twice gets their highest role.
  const mine = members.find((m) => viewerId !== undefined && m.userId === viewerId)?.groupRole ?? null;
  return { ...toCase(row, mine), members };
}

type CaseChannels =
  | 'rounds:list'
  | 'rounds:save'
  | 'cases:list'
  | 'cases:get'
  | 'cases:save'
  | 'cases:accounts'
  | 'cases:checkRecusal'
  | 'cases:addMember'
  | 'cases:removeMember'
  | 'cases:linkAccount'
  | 'cases:suggest';

export function createCaseHandlers(ctx: ServiceContext): HandlersFor<CaseChannels> {
  const caseAccounts = () =>
    listLiveUsers(ctx.db())
      .filter((u) => u.roles.length > 0 && !u.roles.some(isSystemRole))
      .map((u) => ({ id: u.id, name: u.name, displayName: u.displayName }));

  const me = () => ctx.user();
  /** Cases a case manager may change (see case-access.ts); others get a clear refusal. */
  const managed = (caseId: string): CaseDetail => {
    const kase = getCase(ctx.db(), caseId, me().id);
    if (!mayManageCase(ctx.db(), caseId, me())) throw new AppError('CASE_MANAGE_FORBIDDEN');
    return kase;
  };
  ctx.registerVisibility('case', (id) => readsAuditLog(me()) || maySeeCase(ctx.db(), id, me()));

  return {
    'rounds:list': () =>
      (
        ctx
          .db()
          .prepare('SELECT * FROM rounds WHERE deleted_hlc IS NULL ORDER BY year DESC, sequence DESC')
          .all() as RoundRow[]
      ).map(toRound),

    'rounds:save': (input) => {
      const db = ctx.db();
      const before = input.id ? toRound(requireLive<RoundRow>(db, 'rounds', input.id)) : null;
      const id = input.id ?? newId();
      const { id: _ignored, ...next } = input;
      const changes = diffFields(before ? { ...before, id: undefined } : null, next);
      if (before && Object.keys(changes).length === 0) return before;
      ctx.write(
        {
          action: before ? 'round.update' : 'round.create',
          entityType: 'round',
          entityId: id,
          details: { changes },
        },
        (db, hlc) => {
          const v = { id, office: office(ctx), hlc, ...next };
          if (before) {
            db.prepare(
              'UPDATE rounds SET name=@name, year=@year, sequence=@sequence, start_date=@startDate, end_date=@endDate, updated_hlc=@hlc WHERE id=@id',
            ).run(v);
          } else {
            db.prepare(
              `INSERT INTO rounds (id, origin_office, created_hlc, updated_hlc, name, year, sequence, start_date, end_date)
               VALUES (@id, @office, @hlc, @hlc, @name, @year, @sequence, @startDate, @endDate)`,
            ).run(v);
          }
        },
      );
      return toRound(requireLive<RoundRow>(db, 'rounds', id));
    },

    // Members see their cases; case managers see every case (not its content).
    'cases:list': () => {
      const db = ctx.db();
      const user = me();
      return (
        db
          .prepare(`${CASE_SELECT} WHERE c.deleted_hlc IS NULL ORDER BY r.year DESC, c.code`)
          .all() as CaseRow[]
      )
        .filter((r) => maySeeCase(db, r.id, user))
        .map((r) => toCase(r, groupRoleIn(db, r.id, user.id)));
    },

    'cases:get': ({ id }) => {
      if (!maySeeCase(ctx.db(), id, me())) throw new AppError('RECORD_NOT_FOUND');
      return getCase(ctx.db(), id, me().id);
    },

    'cases:save': (input) => {
      const db = ctx.db();
      requireLive(db, 'rounds', input.roundId);
      requireLive(db, 'units', input.unitId);
      const before = input.id ? managed(input.id) : null;
      const id = input.id ?? newId();
      const taken = db
        .prepare('SELECT id FROM cases WHERE code = ? AND deleted_hlc IS NULL AND id <> ?')
        .get(input.code, id);
      if (taken) throw new AppError('CASE_CODE_EXISTS');
      const { id: _ignored, ...next } = input;
      const prev = before
        ? {
            roundId: before.roundId,
            unitId: before.unitId,
            code: before.code,
            groupName: before.groupName,
            phase: before.phase,
            plannedStart: before.plannedStart,
            plannedEnd: before.plannedEnd,
            actualStart: before.actualStart,
            actualEnd: before.actualEnd,
          }
        : null;
      const changes = diffFields(prev, next);
      if (before && Object.keys(changes).length === 0) return before;
      ctx.write(
        {
          action: before ? 'case.update' : 'case.create',
          entityType: 'case',
          entityId: id,
          details: { changes },
        },
        (db, hlc) => {
          const v = { id, office: office(ctx), hlc, ...next };
          if (before) {
            db.prepare(
              `UPDATE cases SET round_id=@roundId, unit_id=@unitId, code=@code, group_name=@groupName, phase=@phase,
               planned_start=@plannedStart, planned_end=@plannedEnd, actual_start=@actualStart, actual_end=@actualEnd,
               updated_hlc=@hlc WHERE id=@id`,
            ).run(v);
          } else {
            db.prepare(
              `INSERT INTO cases (id, origin_office, created_hlc, updated_hlc, round_id, unit_id, code, group_name,
               phase, planned_start, planned_end, actual_start, actual_end)
               VALUES (@id, @office, @hlc, @hlc, @roundId, @unitId, @code, @groupName, @phase, @plannedStart,
               @plannedEnd, @actualStart, @actualEnd)`,
            ).run(v);
          }
        },
      );
      return getCase(db, id, me().id);
    },

    'cases:accounts': caseAccounts,

    'cases:checkRecusal': ({ caseId, inspectorId, groupRole }) => {
      const db = ctx.db();
      managed(caseId);
      requireLive(db, 'inspectors', inspectorId);
      return checkRecusal(db, { caseId, inspectorId, groupRole, today: today(ctx) });
    },

    'cases:addMember': (input) => {
      const db = ctx.db();
      const kase = managed(input.caseId);
      requireLive(db, 'inspectors', input.inspectorId);
      if (kase.members.some((m) => m.inspectorId === input.inspectorId)) throw new AppError('MEMBER_EXISTS');
      // One account, one place in a group: its membership is what opens the case's content.
      if (input.userId && kase.members.some((m) => m.userId === input.userId))
        throw new AppError('MEMBER_EXISTS');
      if (input.userId && !caseAccounts().some((a) => a.id === input.userId))
        throw new AppError('USER_NOT_FOUND');
      const conflicts = checkRecusal(db, { ...input, today: today(ctx) });
      if (conflicts.length > 0 && !input.overrideReason) {
        throw new AppError('RECUSAL_CONFLICT', { count: conflicts.length });
      }
      const overrideReason = conflicts.length > 0 ? (input.overrideReason ?? null) : null;
      const name = (
        db
          .prepare('SELECT p.name FROM inspectors i JOIN persons p ON p.id = i.person_id WHERE i.id = ?')
          .get(input.inspectorId) as { name: string }
      ).name;
      ctx.write(
        {
          action: overrideReason ? 'case.member_override' : 'case.member_add',
          entityType: 'case',
          entityId: input.caseId,
          details: {
            inspector: name,
            groupRole: input.groupRole,
            ...(overrideReason
              ? { overrideReason, conflicts: conflicts.map((c) => ({ rule: c.ruleLabel, ...c })) }
              : {}),
            changes: { members: [null, name] },
          },
        },
        (db, hlc) =>
          db
            .prepare(
              `INSERT INTO case_members (id, origin_office, created_hlc, updated_hlc, case_id, inspector_id,
               group_role, user_id, override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              newId(),
              office(ctx),
              hlc,
              hlc,
              input.caseId,
              input.inspectorId,
              input.groupRole,
              input.userId,
              overrideReason,
            ),
      );
      return getCase(db, input.caseId, me().id);
    },

    'cases:removeMember': ({ id }) => {
      const db = ctx.db();
      const m = requireLive<{ case_id: string; inspector_id: string }>(db, 'case_members', id);
      const member = managed(m.case_id).members.find((x) => x.id === id);
      ctx.write(
        {
          action: 'case.member_remove',
          entityType: 'case',
          entityId: m.case_id,
          details: { changes: { members: [member?.name ?? null, null] } },
        },
        (db, hlc) =>
          db
            .prepare('UPDATE case_members SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?')
            .run(hlc, hlc, id),
      );
      return getCase(db, m.case_id, me().id);
    },

    // An imported case arrives with its group but without links to this office's accounts
    // (they are local and never travel): a case manager links the members here.
    'cases:linkAccount': ({ id, userId }) => {
      const db = ctx.db();
      const m = requireLive<{ case_id: string }>(db, 'case_members', id);
      const kase = managed(m.case_id);
      const member = kase.members.find((x) => x.id === id)!;
      if (userId && kase.members.some((x) => x.id !== id && x.userId === userId))
        throw new AppError('MEMBER_EXISTS');
      const account = userId ? caseAccounts().find((a) => a.id === userId) : null;
      if (userId && !account) throw new AppError('USER_NOT_FOUND');
      ctx.write(
        {
          action: 'case.member_link',
          entityType: 'case',
          entityId: m.case_id,
          details: {
            inspector: member.name,
            changes: {
              userId: [
                member.userName ? `${member.name}：${member.userName}` : null,
                account ? `${member.name}：${account.displayName}` : null,
              ],
            },
          },
        },
        (db, hlc) =>
          db
            .prepare('UPDATE case_members SET user_id = ?, updated_hlc = ? WHERE id = ?')
            .run(userId, hlc, id),
      );
      return getCase(db, m.case_id, me().id);
    },

    'cases:suggest': ({ caseId, groupRole, background }) => {
      const db = ctx.db();
      const kase = managed(caseId);
      const taken = new Set(kase.members.map((m) => m.inspectorId));
      const day = today(ctx);
      return listInspectors(db)
        .filter((i) => i.availability === 'available' && !taken.has(i.id))
        .filter((i) => !background || i.backgrounds.includes(background))
        .filter((i) => checkRecusal(db, { caseId, inspectorId: i.id, groupRole, today: day }).length === 0)
        .sort((a, b) => a.rounds - b.rounds || a.name.localeCompare(b.name, 'zh-CN'));
    },
  };
}
