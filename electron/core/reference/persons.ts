import {
  ID_NUMBER_READERS,
  type Person,
  type PersonPost,
  type PersonSummary,
} from '../../../shared/contracts/reference';
import { diffFields } from '../audit/diff';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { indexRecord, unindexRecord } from '../search/search-index';
import type { HandlersFor, ServiceContext } from '../service-context';
import { newId, office, parseList, requireLive, tombstone } from './common';
import { indexUnit } from './units';

export interface PersonRow {
  id: string;
  name: string;
  gender: Person['gender'];
  birth_date: string | null;
  unit_id: string | null;
  unit_name: string | null;
  post: string | null;
  management_level: Person['managementLevel'];
  is_leadership: number;
  id_number: string | null;
  aliases: string;
  notes: string | null;
  in_pool: number;
}

export const PERSON_SELECT = `
  SELECT p.*, u.name AS unit_name,
    EXISTS (SELECT 1 FROM inspectors i WHERE i.person_id = p.id AND i.deleted_hlc IS NULL) AS in_pool
  FROM persons p LEFT JOIN units u ON u.id = p.unit_id`;

export function toSummary(r: PersonRow): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    post: r.post,
    managementLevel: r.management_level,
    isLeadership: r.is_leadership === 1,
    aliases: parseList(r.aliases),
    inPool: r.in_pool === 1,
  };
}

export function listPersons(db: Db, filter: { unitId?: string }): PersonSummary[] {
  const where = filter.unitId ? 'AND p.unit_id = @unitId' : '';
  return (
    db
      .prepare(`${PERSON_SELECT} WHERE p.deleted_hlc IS NULL ${where} ORDER BY p.name`)
      .all(filter) as PersonRow[]
  ).map(toSummary);
}

/** An ID number with all but the first three and last four characters hidden. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
}

export function listPosts(db: Db, personId: string): PersonPost[] {
  const rows = db
    .prepare(
      `SELECT pp.*, u.name AS unit_name FROM person_posts pp JOIN units u ON u.id = pp.unit_id
       WHERE pp.person_id = ? AND pp.deleted_hlc IS NULL ORDER BY coalesce(pp.from_date, '') DESC`,
    )
    .all(personId) as {
    id: string;
    unit_id: string;
    unit_name: string;
    post: string;
    management_level: PersonPost['managementLevel'];
    is_leadership: number;
    from_date: string | null;
    to_date: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    post: r.post,
    managementLevel: r.management_level,
    isLeadership: r.is_leadership === 1,
    fromDate: r.from_date,
    toDate: r.to_date,
  }));
}

/** Names, aliases, posts and unit names; never the ID number. */
export function indexPerson(db: Db, id: string): void {
  const row = db.prepare(`${PERSON_SELECT} WHERE p.id = ?`).get(id) as PersonRow;
  const posts = listPosts(db, id);
  const body = [
    ...parseList(row.aliases),
    [row.unit_name, row.post].filter(Boolean).join(' '),
    ...posts.map((p) => `${p.unitName} ${p.post}`),
  ]
    .filter(Boolean)
    .join('\n');
  indexRecord(db, { type: 'person', id, caseId: null, title: row.name, body });
}

export function createPersonHandlers(
  ctx: ServiceContext,
): HandlersFor<
  | 'persons:list'
  | 'persons:get'
  | 'persons:save'
  | 'persons:remove'
  | 'persons:addPost'
  | 'persons:removePost'
> {
  const mayReadId = () => ctx.user().roles.some((r) => (ID_NUMBER_READERS as readonly string[]).includes(r));

  /** The person as this user may see it: the ID number is masked here, in the core. */
  const get = (id: string): Person => {
    const db = ctx.db();
    const row = db.prepare(`${PERSON_SELECT} WHERE p.id = ? AND p.deleted_hlc IS NULL`).get(id) as
      PersonRow | undefined;
    if (!row) throw new AppError('RECORD_NOT_FOUND');
    const full = mayReadId();
    return {
      ...toSummary(row),
      gender: row.gender,
      birthDate: row.birth_date,
      idNumber: row.id_number === null ? null : full ? row.id_number : maskIdNumber(row.id_number),
      idNumberMasked: row.id_number !== null && !full,
      notes: row.notes,
      posts: listPosts(db, id),
    };
  };

  const reindexUnits = (db: Db, ...ids: (string | null)[]) => {
    for (const id of new Set(ids)) if (id) indexUnit(db, id);
  };

  return {
    'persons:list': ({ unitId }) => listPersons(ctx.db(), unitId ? { unitId } : {}),
    'persons:get': ({ id }) => get(id),

    'persons:save': (input) => {
      const db = ctx.db();
      if (input.unitId) requireLive(db, 'units', input.unitId);
      const id = input.id ?? newId();
      const before = input.id ? requireLive<PersonRow>(db, 'persons', input.id) : null;
      // Setting or clearing an ID number already on file needs a role that may read it.
      if (
        before?.id_number &&
        input.idNumber !== undefined &&
        input.idNumber !== before.id_number &&
        !mayReadId()
      ) {
        throw new AppError('ID_NUMBER_PROTECTED');
      }
      const idNumber = input.idNumber === undefined ? (before?.id_number ?? null) : input.idNumber;
      const shape = (r: {
        name: string;
        gender: Person['gender'];
        birthDate: string | null;
        unitId: string | null;
        post: string | null;
        managementLevel: Person['managementLevel'];
        isLeadership: boolean;
        idNumber: string | null;
        aliases: string[];
        notes: string | null;
      }) => r;
      const prev = before
        ? shape({
            name: before.name,
            gender: before.gender,
            birthDate: before.birth_date,
            unitId: before.unit_id,
            post: before.post,
            managementLevel: before.management_level,
            isLeadership: before.is_leadership === 1,
            idNumber: before.id_number,
            aliases: parseList(before.aliases),
            notes: before.notes,
          })
        : null;
      const next = shape({
        name: input.name,
        gender: input.gender,
        birthDate: input.birthDate,
        unitId: input.unitId,
        post: input.post,
        managementLevel: input.managementLevel,
        isLeadership: input.isLeadership,
        idNumber,
        aliases: input.aliases,
        notes: input.notes,
      });
      const changes = diffFields(prev, next, ['idNumber']);
      if (before && Object.keys(changes).length === 0) return get(id);
      ctx.write(
        {
          action: before ? 'person.update' : 'person.create',
          entityType: 'person',
          entityId: id,
          details: { changes },
        },
        (db, hlc) => {
          const values = {
            id,
            office: office(ctx),
            hlc,
            name: next.name,
            gender: next.gender,
            birth: next.birthDate,
            unit: next.unitId,
            post: next.post,
            level: next.managementLevel,
            lead: next.isLeadership ? 1 : 0,
            idn: next.idNumber,
            aliases: JSON.stringify(next.aliases),
            notes: next.notes,
          };
          if (before) {
            db.prepare(
              `UPDATE persons SET name=@name, gender=@gender, birth_date=@birth, unit_id=@unit, post=@post,
               management_level=@level, is_leadership=@lead, id_number=@idn, aliases=@aliases, notes=@notes,
               updated_hlc=@hlc WHERE id=@id`,
            ).run(values);
          } else {
            db.prepare(
              `INSERT INTO persons (id, origin_office, created_hlc, updated_hlc, name, gender, birth_date, unit_id,
               post, management_level, is_leadership, id_number, aliases, notes)
               VALUES (@id, @office, @hlc, @hlc, @name, @gender, @birth, @unit, @post, @level, @lead, @idn,
               @aliases, @notes)`,
            ).run(values);
          }
          indexPerson(db, id);
          reindexUnits(db, before?.unit_id ?? null, next.unitId);
        },
      );
      return get(id);
    },

    'persons:remove': ({ id }) => {
      const db = ctx.db();
      const person = requireLive<PersonRow>(db, 'persons', id);
      const inPool = db
        .prepare('SELECT 1 FROM inspectors WHERE person_id = ? AND deleted_hlc IS NULL')
        .get(id);
      if (inPool) throw new AppError('INSPECTOR_EXISTS');
      ctx.write(
        { action: 'person.remove', entityType: 'person', entityId: id, details: { name: person.name } },
        (db, hlc) => {
          tombstone(db, 'persons', id, hlc);
          db.prepare(
            'UPDATE person_posts SET deleted_hlc = ?, updated_hlc = ? WHERE person_id = ? AND deleted_hlc IS NULL',
          ).run(hlc, hlc, id);
          unindexRecord(db, 'person', id);
          reindexUnits(db, person.unit_id);
        },
      );
      return null;
    },

    'persons:addPost': (input) => {
      const db = ctx.db();
      requireLive(db, 'persons', input.personId);
      const unit = requireLive<{ name: string }>(db, 'units', input.unitId);
      const id = newId();
      ctx.write(
        {
          action: 'person.post_add',
          entityType: 'person',
          entityId: input.personId,
          details: {
            changes: {
              posts: [null, `${unit.name} ${input.post} ${input.fromDate ?? ''}–${input.toDate ?? ''}`],
            },
          },
        },
        (db, hlc) => {
          db.prepare(
            `INSERT INTO person_posts (id, origin_office, created_hlc, updated_hlc, person_id, unit_id, post,
             management_level, is_leadership, from_date, to_date)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            id,
            office(ctx),
            hlc,
            hlc,
            input.personId,
            input.unitId,
            input.post,
            input.managementLevel,
            input.isLeadership ? 1 : 0,
            input.fromDate,
            input.toDate,
          );
          indexPerson(db, input.personId);
        },
      );
      return get(input.personId);
    },

    'persons:removePost': ({ id }) => {
      const db = ctx.db();
      const post = requireLive<{
        person_id: string;
        post: string;
        from_date: string | null;
        to_date: string | null;
      }>(db, 'person_posts', id);
      ctx.write(
        {
          action: 'person.post_remove',
          entityType: 'person',
          entityId: post.person_id,
          details: {
            changes: { posts: [`${post.post} ${post.from_date ?? ''}–${post.to_date ?? ''}`, null] },
          },
        },
        (db, hlc) => {
          tombstone(db, 'person_posts', id, hlc);
          indexPerson(db, post.person_id);
        },
      );
      return get(post.person_id);
    },
  };
}
