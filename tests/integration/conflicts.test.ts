import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupCaseVault } from '../helpers/case-fixture';
import { here, joinImportedCase, ship, type ReplOffice } from '../helpers/replication-offices';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * conflicts:list / conflicts:get / conflicts:resolve through the router on real vaults:
 * a field edited at two offices concurrently, shown with every value, resolved by a
 * person (picked or merged), audited, and the resolution travelling back.
 */
let cleanup: () => void;
let dir: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('mj-conflicts-'));
});
afterEach(() => cleanup());

async function office(name: string): Promise<ReplOffice> {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return setupCaseVault(d);
}

async function conflictingLead() {
  const a = await office('a');
  const b = await office('b');
  await a.as('leader');
  const lead = value(
    await a.call('leads:create', {
      caseId: a.caseId,
      receivedDate: '2026-05-12',
      summary: '原始摘要',
      subjects: [{ personId: a.personIds.clerk }],
      sources: [{ kind: 'talk' }],
    }),
  );
  ship(a, b);
  await joinImportedCase(b, a.caseId);
  await a.as('leader');
  value(await a.call('leads:edit', { id: lead.id, summary: 'A 办的摘要', deadline: '2026-07-01' }));
  await b.as('leader');
  value(await b.call('leads:edit', { id: lead.id, summary: 'B 办的摘要', deadline: '2026-08-01' }));
  ship(a, b);
  return { a, b, lead };
}

describe('conflicts channels', () => {
  it('lists, shows and resolves a conflict; the resolution travels and ends it at the other office', async () => {
    const { a, b, lead } = await conflictingLead();
    await b.as('member');
    const list = value(await b.call('conflicts:list', { caseId: a.caseId }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ type: 'lead', id: lead.id, fields: ['deadline', 'summary'] });
    expect(list[0]!.label).toContain(lead.number);

    const detail = value(await b.call('conflicts:get', { type: 'lead', id: lead.id }));
    const summary = detail.fields.find((f) => f.field === 'summary')!;
    expect(summary.text).toBe(true);
    expect(summary.values.map((v) => v.value).sort()).toEqual(['A 办的摘要', 'B 办的摘要']);
    expect(summary.values.filter((v) => v.shown)).toHaveLength(1);
    const bOffice = here(b).officeId;
    expect(summary.values.find((v) => v.officeId === bOffice)!.officeName).toBe('省委第三巡视组');
    expect(summary.values.every((v) => v.at !== null)).toBe(true);

    // A non-text field takes only one of its values; a text field also a merged one.
    const bad = await b.call('conflicts:resolve', {
      type: 'lead',
      id: lead.id,
      field: 'deadline',
      value: '2026-09-09',
    });
    expect(bad.ok ? null : bad.error.code).toBe('CONFLICT_VALUE_INVALID');
    const wrongType = await b.call('conflicts:resolve', {
      type: 'lead',
      id: lead.id,
      field: 'summary',
      value: 7,
    });
    expect(wrongType.ok ? null : wrongType.error.code).toBe('CONFLICT_VALUE_INVALID');
    const afterOne = value(
      await b.call('conflicts:resolve', {
        type: 'lead',
        id: lead.id,
        field: 'deadline',
        value: '2026-07-01',
      }),
    );
    expect(afterOne!.fields.map((f) => f.field)).toEqual(['summary']);
    const done = value(
      await b.call('conflicts:resolve', {
        type: 'lead',
        id: lead.id,
        field: 'summary',
        value: 'A、B 两办合并的摘要',
      }),
    );
    expect(done).toBeNull();
    const row = here(b).db.prepare('SELECT summary, deadline FROM leads WHERE id = ?').get(lead.id);
    expect(row).toEqual({ summary: 'A、B 两办合并的摘要', deadline: '2026-07-01' });
    expect(value(await b.call('conflicts:list', {}))).toEqual([]);
    // Audited with the field name only.
    const audit = here(b)
      .db.prepare(
        `SELECT entity_type, entity_id, details FROM audit_log WHERE action = 'conflict.resolve' ORDER BY seq`,
      )
      .all() as { entity_type: string; entity_id: string; details: string }[];
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ entity_type: 'lead', entity_id: lead.id });
    expect(audit[1]!.details).not.toContain('合并');
    // Found by search under the merged text.
    const hit = here(b).db.prepare('SELECT title FROM search_docs WHERE entity_id = ?').get(lead.id) as {
      title: string;
    };
    expect(hit.title).toContain('合并的摘要');

    // The resolution dominates both values: at A the conflict ends with B's choice.
    ship(b, a);
    await a.as('leader');
    expect(value(await a.call('conflicts:list', {}))).toEqual([]);
    expect(here(a).db.prepare('SELECT summary FROM leads WHERE id = ?').get(lead.id)).toEqual({
      summary: 'A、B 两办合并的摘要',
    });
  });

  it('hides conflicts of cases the user is not in and of sealed leads not naming them', async () => {
    const { a, b, lead } = await conflictingLead();
    // A's own group never joined B's case numbering: A's member sees A's conflict after B ships back.
    ship(b, a);
    await a.as('member');
    expect(value(await a.call('conflicts:list', {})).map((c) => c.id)).toEqual([lead.id]);
    await a.as('leader');
    value(await a.call('leads:edit', { id: lead.id, sealed: true, sealedUserIds: [a.userIds.leader] }));
    await a.as('member');
    expect(value(await a.call('conflicts:list', {}))).toEqual([]);
    const hidden = await a.call('conflicts:get', { type: 'lead', id: lead.id });
    expect(hidden.ok ? null : hidden.error.code).toBe('CONFLICT_NOT_FOUND');
    await a.as('leader');
    expect(value(await a.call('conflicts:list', {})).map((c) => c.id)).toEqual([lead.id]);
    void b;
  });
});
