import type { Unit } from '../../../shared/contracts/reference';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { indexRecord, unindexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { hlcToIso, newId, office, requireLive, tombstone } from './common';
import { listPersons } from './persons';

export interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  unit_type: Unit['unitType'];
  management_level: Unit['managementLevel'];
  notes: string | null;
  updated_hlc: string;
}

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    unitType: r.unit_type,
    managementLevel: r.management_level,
    notes: r.notes,
    updatedAt: hlcToIso(r.updated_hlc),
  };
}

function editable(u: Unit) {
  const { id: _id, updatedAt: _at, ...rest } = u;
  return rest;
}

/** Title and searchable text of a unit: its names and the names of its people. */
export function indexUnit(db: Db, id: string): void {
  const u = requireLive<UnitRow>(db, 'units', id);
  const people = db
    .prepare('SELECT name, post FROM persons WHERE unit_id = ? AND deleted_hlc IS NULL')
    .all(id) as { name: string; post: string | null }[];
  const body = [u.short_name, u.notes, ...people.map((p) => [p.name, p.post].filter(Boolean).join(' '))]
    .filter(Boolean)
    .join('\n');
  indexRecord(db, { type: 'unit', id, caseId: null, title: u.name, body, category: u.unit_type });
}

function assertNoCycle(db: Db, id: string, parentId: string | null): void {
  let cursor = parentId;
  for (let depth = 0; cursor; depth++) {
    if (cursor === id || depth > 64) throw new AppError('UNIT_PARENT_CYCLE');
    const row = db.prepare('SELECT parent_id FROM units WHERE id = ?').get(cursor) as
      { parent_id: string | null } | undefined;
    cursor = row?.parent_id ?? null;
  }
}

export function createUnitHandlers(
  ctx: ServiceContext,
): HandlersFor<'units:list' | 'units:get' | 'units:save' | 'units:remove'> {
  const get = (id: string) => toUnit(requireLive<UnitRow>(ctx.db(), 'units', id));
  return {
    'units:list': () =>
      (
        ctx.db().prepare('SELECT * FROM units WHERE deleted_hlc IS NULL ORDER BY name').all() as UnitRow[]
      ).map(toUnit),

    'units:get': ({ id }) => {
      const unit = get(id);
      const parentName = unit.parentId ? get(unit.parentId).name : null;
      const leaders = listPersons(ctx.db(), { unitId: id }).filter((p) => p.isLeadership);
      return { ...unit, parentName, leaders };
    },

    'units:save': (input) => {
      const db = ctx.db();
      if (input.parentId) requireLive(db, 'units', input.parentId);
      const id = input.id ?? newId();
      const before = input.id ? get(input.id) : null;
      if (input.id) assertNoCycle(db, input.id, input.parentId);
      const after = {
        parentId: input.parentId,
        name: input.name,
        shortName: input.shortName,
        unitType: input.unitType,
        managementLevel: input.managementLevel,
        notes: input.notes,
      };
      const changes = diffFields(before ? editable(before) : null, after);
      if (before && Object.keys(changes).length === 0) return before;
      ctx.write(
        {
          action: before ? 'unit.update' : 'unit.create',
          entityType: 'unit',
          entityId: id,
          details: { changes },
        },
        (db, hlc) => {
          const values = {
            id,
            office: office(ctx),
            hlc,
            parent: after.parentId,
            name: after.name,
            short: after.shortName,
            type: after.unitType,
            level: after.managementLevel,
            notes: after.notes,
          };
          if (before) {
            db.prepare(
              `UPDATE units SET parent_id=@parent, name=@name, short_name=@short, unit_type=@type,
               management_level=@level, notes=@notes, updated_hlc=@hlc WHERE id=@id`,
            ).run(values);
          } else {
            db.prepare(
              `INSERT INTO units (id, origin_office, created_hlc, updated_hlc, parent_id, name, short_name,
               unit_type, management_level, notes)
               VALUES (@id, @office, @hlc, @hlc, @parent, @name, @short, @type, @level, @notes)`,
            ).run(values);
          }
          indexUnit(db, id);
        },
      );
      return get(id);
    },

    'units:remove': ({ id }) => {
      const db = ctx.db();
      const unit = get(id);
      const inUse = db
        .prepare(
          `SELECT (SELECT count(*) FROM units WHERE parent_id = @id AND deleted_hlc IS NULL)
                + (SELECT count(*) FROM persons WHERE unit_id = @id AND deleted_hlc IS NULL)
                + (SELECT count(*) FROM cases WHERE unit_id = @id AND deleted_hlc IS NULL) AS n`,
        )
        .get({ id }) as { n: number };
      if (inUse.n > 0) throw new AppError('UNIT_IN_USE');
      ctx.write(
        { action: 'unit.remove', entityType: 'unit', entityId: id, details: { name: unit.name } },
        (db, hlc) => {
          tombstone(db, 'units', id, hlc);
          unindexRecord(db, 'unit', id);
        },
      );
      return null;
    },
  };
}
