import type { Inspector, InspectorSummary, Relation } from '../../../shared/contracts/reference';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { newId, office, parseList, requireLive, tombstone } from './common';

interface InspectorRow {
  id: string;
  person_id: string;
  name: string;
  unit_name: string | null;
  post: string | null;
  backgrounds: string;
  skills: string | null;
  availability: InspectorSummary['availability'];
  notes: string | null;
  rounds: number;
}

const INSPECTOR_SELECT = `
  SELECT i.*, p.name, p.post, u.name AS unit_name,
    (SELECT count(*) FROM case_members m WHERE m.inspector_id = i.id AND m.deleted_hlc IS NULL) AS rounds
  FROM inspectors i JOIN persons p ON p.id = i.person_id LEFT JOIN units u ON u.id = p.unit_id`;

function toSummary(r: InspectorRow): InspectorSummary {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    unitName: r.unit_name,
    post: r.post,
    backgrounds: parseList(r.backgrounds) as InspectorSummary['backgrounds'],
    skills: r.skills,
    availability: r.availability,
    notes: r.notes,
    rounds: r.rounds,
  };
}

export function listInspectors(db: Db): InspectorSummary[] {
  return (
    db.prepare(`${INSPECTOR_SELECT} WHERE i.deleted_hlc IS NULL ORDER BY p.name`).all() as InspectorRow[]
  ).map(toSummary);
}

export function getInspector(db: Db, id: string): Inspector {
  const row = db.prepare(`${INSPECTOR_SELECT} WHERE i.id = ? AND i.deleted_hlc IS NULL`).get(id) as
    InspectorRow | undefined;
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  const relations = (
    db
      .prepare(
        `SELECT r.*, p.name AS person_name, u.name AS unit_name FROM inspector_relations r
         LEFT JOIN persons p ON p.id = r.related_person_id LEFT JOIN units u ON u.id = r.related_unit_id
         WHERE r.inspector_id = ? AND r.deleted_hlc IS NULL ORDER BY r.created_hlc`,
      )
      .all(id) as {
      id: string;
      relation_type: Relation['relationType'];
      related_person_id: string | null;
      person_name: string | null;
      related_unit_id: string | null;
      unit_name: string | null;
      from_date: string | null;
      to_date: string | null;
      notes: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    relationType: r.relation_type,
    relatedPersonId: r.related_person_id,
    relatedPersonName: r.person_name,
    relatedUnitId: r.related_unit_id,
    relatedUnitName: r.unit_name,
    fromDate: r.from_date,
    toDate: r.to_date,
    notes: r.notes,
  }));
  const pastRounds = (
    db
      .prepare(
        `SELECT m.id AS member_id, c.id AS case_id, c.code, r.name AS round_name, u.name AS unit_name,
                m.group_role, m.appraisal
         FROM case_members m JOIN cases c ON c.id = m.case_id JOIN rounds r ON r.id = c.round_id
         JOIN units u ON u.id = c.unit_id
         WHERE m.inspector_id = ? AND m.deleted_hlc IS NULL AND c.deleted_hlc IS NULL
         ORDER BY r.year DESC, r.sequence DESC`,
      )
      .all(id) as {
      member_id: string;
      case_id: string;
      code: string;
      round_name: string;
      unit_name: string;
      group_role: Inspector['pastRounds'][number]['groupRole'];
      appraisal: string | null;
    }[]
  ).map((r) => ({
    memberId: r.member_id,
    caseId: r.case_id,
    caseCode: r.code,
    roundName: r.round_name,
    unitName: r.unit_name,
    groupRole: r.group_role,
    appraisal: r.appraisal,
  }));
  return { ...toSummary(row), relations, pastRounds };
}

export function createPoolHandlers(
  ctx: ServiceContext,
): HandlersFor<
  'pool:list' | 'pool:get' | 'pool:save' | 'pool:remove' | 'pool:addRelation' | 'pool:removeRelation'
> {
  return {
    'pool:list': () => listInspectors(ctx.db()),
    'pool:get': ({ id }) => getInspector(ctx.db(), id),

    'pool:save': (input) => {
      const db = ctx.db();
      requireLive(db, 'persons', input.personId);
      const before = input.id ? getInspector(db, input.id) : null;
      if (before && before.personId !== input.personId) throw new AppError('RECORD_NOT_FOUND');
      if (!before) {
        const taken = db
          .prepare('SELECT 1 FROM inspectors WHERE person_id = ? AND deleted_hlc IS NULL')
          .get(input.personId);
        if (taken) throw new AppError('INSPECTOR_EXISTS');
      }
      const id = input.id ?? newId();
      const next = {
        backgrounds: input.backgrounds,
        skills: input.skills,
        availability: input.availability,
        notes: input.notes,
      };
      const prev = before
        ? {
            backgrounds: before.backgrounds,
            skills: before.skills,
            availability: before.availability,
            notes: before.notes,
          }
        : null;
      const changes = diffFields(prev, next);
      if (before && Object.keys(changes).length === 0) return before;
      ctx.write(
        {
          action: before ? 'inspector.update' : 'inspector.create',
          entityType: 'inspector',
          entityId: id,
          details: { changes },
        },
        (db, hlc) => {
          const values = {
            id,
            office: office(ctx),
            hlc,
            person: input.personId,
            bg: JSON.stringify(next.backgrounds),
            skills: next.skills,
            avail: next.availability,
            notes: next.notes,
          };
          if (before) {
            db.prepare(
              'UPDATE inspectors SET backgrounds=@bg, skills=@skills, availability=@avail, notes=@notes, updated_hlc=@hlc WHERE id=@id',
            ).run(values);
          } else {
            db.prepare(
              `INSERT INTO inspectors (id, origin_office, created_hlc, updated_hlc, person_id, backgrounds, skills,
               availability, notes) VALUES (@id, @office, @hlc, @hlc, @person, @bg, @skills, @avail, @notes)`,
            ).run(values);
          }
        },
      );
      return getInspector(db, id);
    },

    'pool:remove': ({ id }) => {
      const inspector = getInspector(ctx.db(), id);
      ctx.write(
        {
          action: 'inspector.remove',
          entityType: 'inspector',
          entityId: id,
          details: { name: inspector.name },
        },
        (db, hlc) => tombstone(db, 'inspectors', id, hlc),
      );
      return null;
    },

    'pool:addRelation': (input) => {
      const db = ctx.db();
      getInspector(db, input.inspectorId);
      const person = input.relatedPersonId
        ? requireLive<{ name: string }>(db, 'persons', input.relatedPersonId)
        : null;
      const unit = input.relatedUnitId
        ? requireLive<{ name: string }>(db, 'units', input.relatedUnitId)
        : null;
      const label = [person?.name, unit?.name].filter(Boolean).join(' / ');
      ctx.write(
        {
          action: 'inspector.relation_add',
          entityType: 'inspector',
          entityId: input.inspectorId,
          details: { relationType: input.relationType, changes: { relations: [null, label] } },
        },
        (db, hlc) =>
          db
            .prepare(
              `INSERT INTO inspector_relations (id, origin_office, created_hlc, updated_hlc, inspector_id,
               relation_type, related_person_id, related_unit_id, from_date, to_date, notes)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              newId(),
              office(ctx),
              hlc,
              hlc,
              input.inspectorId,
              input.relationType,
              input.relatedPersonId,
              input.relatedUnitId,
              input.fromDate,
              input.toDate,
              input.notes,
            ),
      );
      return getInspector(db, input.inspectorId);
    },

    'pool:removeRelation': ({ id }) => {
      const db = ctx.db();
      const rel = requireLive<{ inspector_id: string; relation_type: string }>(db, 'inspector_relations', id);
      ctx.write(
        {
          action: 'inspector.relation_remove',
          entityType: 'inspector',
          entityId: rel.inspector_id,
          details: { relationType: rel.relation_type },
        },
        (db, hlc) => tombstone(db, 'inspector_relations', id, hlc),
      );
      return getInspector(db, rel.inspector_id);
    },
  };
}
