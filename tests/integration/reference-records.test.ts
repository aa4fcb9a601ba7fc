import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { activateUser, makeCore, setupVault, tempDir, value, type TypedCall } from '../helpers/temp-vault';

const PASS = 'Ceshi-mima-2026-ref';
const INITIAL = 'Chushi-mima-2026-ref';

/** Signs in as a fresh account holding one role; returns its typed call. */
async function signInAs(dir: string, admin: TypedCall, role: Role): Promise<TypedCall> {
  const name = `ref_${role}`;
  const existing = value(await admin('users:list', {})).some((u) => u.name === name);
  if (!existing) {
    value(await admin('users:create', { name, displayName: role, roles: [role], passphrase: INITIAL }));
    await activateUser(dir, name, INITIAL, PASS);
  }
  const { call } = makeCore(dir);
  value(await call('session:unlock', { userName: name, passphrase: PASS }));
  return call;
}

describe('units and persons', () => {
  const t = tempDir();
  let admin: TypedCall;
  let adminCore: Awaited<ReturnType<typeof setupVault>>['core'];
  let leader: TypedCall;
  let member: TypedCall;
  let liaison: TypedCall;

  beforeAll(async () => {
    const setup = await setupVault(t.dir);
    admin = setup.call;
    adminCore = setup.core;
    leader = await signInAs(t.dir, admin, 'group_leader');
    member = await signInAs(t.dir, admin, 'member');
    liaison = await signInAs(t.dir, admin, 'liaison');
  });
  afterAll(() => t.cleanup());

  it('creates a unit hierarchy, refuses a cycle, and records old → new in history', async () => {
    const parent = value(await member('units:save', { name: '某市人民政府', unitType: 'party_government' }));
    const child = value(
      await member('units:save', {
        name: '某市财政局',
        unitType: 'party_government',
        parentId: parent.id,
        managementLevel: 'county',
      }),
    );
    const cycle = await member('units:save', {
      id: parent.id,
      name: parent.name,
      unitType: 'party_government',
      parentId: child.id,
    });
    expect(cycle.ok ? null : cycle.error.code).toBe('UNIT_PARENT_CYCLE');

    value(
      await member('units:save', {
        id: child.id,
        name: '某市财政局（国资委）',
        unitType: 'party_government',
        parentId: parent.id,
        managementLevel: 'department',
      }),
    );
    const history = value(await leader('records:history', { entityType: 'unit', entityId: child.id }));
    const update = history.find((e) => e.action === 'unit.update')!;
    expect(update.details.changes).toEqual({
      name: ['某市财政局', '某市财政局（国资委）'],
      managementLevel: ['county', 'department'],
    });
    expect(history.some((e) => e.action === 'unit.create')).toBe(true);

    // A unit with sub-units cannot be tombstoned; a liaison only reads.
    const inUse = await member('units:remove', { id: parent.id });
    expect(inUse.ok ? null : inUse.error.code).toBe('UNIT_IN_USE');
    const forbidden = await liaison('units:save', { name: '某单位', unitType: 'other' });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('ROLE_FORBIDDEN');
    expect(value(await liaison('units:list', {})).map((u) => u.name)).toContain('某市人民政府');
  });

  it('masks the ID number in the core for roles that may not read it, and keeps it out of search and history', async () => {
    const unit = value(await member('units:save', { name: '某县教育局', unitType: 'party_government' }));
    const person = value(
      await member('persons:save', {
        name: '李建国',
        unitId: unit.id,
        post: '局长',
        isLeadership: true,
        idNumber: '11010519491231002x',
        aliases: ['李局'],
      }),
    );
    // The member who entered it sees it masked in the answer too.
    expect(person.idNumber).toBe('110***********002X');
    expect(person.idNumberMasked).toBe(true);
    const full = value(await leader('persons:get', { id: person.id }));
    expect(full.idNumber).toBe('11010519491231002X');
    expect(full.idNumberMasked).toBe(false);
    expect(value(await liaison('persons:get', { id: person.id })).idNumber).toBe('110***********002X');

    // Changing it needs a reading role; saving other fields leaves it untouched.
    const refused = await member('persons:save', {
      id: person.id,
      name: '李建国',
      unitId: unit.id,
      idNumber: '110105194912310038',
    });
    expect(refused.ok ? null : refused.error.code).toBe('ID_NUMBER_PROTECTED');
    value(
      await member('persons:save', {
        id: person.id,
        name: '李建国',
        unitId: unit.id,
        post: '党组书记、局长',
        isLeadership: true,
      }),
    );
    expect(value(await leader('persons:get', { id: person.id })).idNumber).toBe('11010519491231002X');

    const history = value(await leader('records:history', { entityType: 'person', entityId: person.id }));
    expect(JSON.stringify(history)).not.toContain('002X');
    expect(history.find((e) => e.action === 'person.update')!.details.changes).toEqual({
      post: ['局长', '党组书记、局长'],
      aliases: [['李局'], []],
    });

    // The unit shows him among its leaders.
    const detail = value(await member('units:get', { id: unit.id }));
    expect(detail.leaders.map((l) => l.name)).toEqual(['李建国']);
  });

  it('keeps post history with dates in order and refuses bad input with nothing saved', async () => {
    const unit = value(await member('units:save', { name: '某区审计局', unitType: 'party_government' }));
    const person = value(await member('persons:save', { name: '赵敏', unitId: unit.id }));
    const added = value(
      await member('persons:addPost', {
        personId: person.id,
        unitId: unit.id,
        post: '副局长',
        fromDate: '2019-03-01',
        toDate: '2023-06-30',
      }),
    );
    expect(added.posts).toHaveLength(1);

    const outOfOrder = await member('persons:addPost', {
      personId: person.id,
      unitId: unit.id,
      post: '局长',
      fromDate: '2024-01-01',
      toDate: '2023-01-01',
    });
    expect(outOfOrder.ok ? null : outOfOrder.error).toMatchObject({
      code: 'INPUT_INVALID',
      details: { field: 'toDate' },
    });
    const unknownEnum = await member('units:save', { name: '某单位', unitType: 'ministry' as never });
    expect(unknownEnum.ok ? null : unknownEnum.error.code).toBe('INPUT_INVALID');
    const oversize = await member('persons:save', { name: '张'.repeat(41) });
    expect(oversize.ok ? null : oversize.error.code).toBe('INPUT_INVALID');
    const badId = await member('persons:save', { name: '张三', idNumber: '12345' });
    expect(badId.ok ? null : badId.error.code).toBe('INPUT_INVALID');

    expect(value(await member('persons:get', { id: person.id })).posts).toHaveLength(1);
    const names = value(await member('persons:list', {})).map((p) => p.name);
    expect(names).not.toContain('张三');
    expect(value(await member('units:list', {})).map((u) => u.name)).not.toContain('某单位');

    value(await member('persons:removePost', { id: added.posts[0]!.id }));
    expect(value(await member('persons:get', { id: person.id })).posts).toHaveLength(0);
  });

  it('indexes units and persons for search by name, alias, post and unit, never the ID number', () => {
    const db = adminCore.context.db();
    const docs = db
      .prepare("SELECT entity_type, title, body FROM search_docs WHERE title IN ('李建国', '某县教育局')")
      .all() as { entity_type: string; title: string; body: string }[];
    const person = docs.find((d) => d.entity_type === 'person')!;
    // The alias was dropped by the last edit, so it is no longer found.
    expect(person.body).not.toContain('李局');
    expect(person.body).toContain('某县教育局 党组书记、局长');
    expect(person.body).not.toMatch(/1101|002X/);
    expect(docs.find((d) => d.entity_type === 'unit')!.body).toContain('李建国');
  });
});
