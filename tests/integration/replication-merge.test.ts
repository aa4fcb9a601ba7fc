import { decodeRegs } from '../../electron/core/replication/register';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, value } from '../helpers/temp-vault';
import { setupCaseVault } from '../helpers/case-fixture';
import {
  domainSnapshot,
  exportAll,
  here,
  importInto,
  joinImportedCase,
  ship,
  stateSnapshot,
  type ReplOffice,
} from '../helpers/replication-offices';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleKey, previewMerge, RECORD_TYPES } from '../../electron/core/replication';

/**
 * The replication layer between real encrypted vaults (docs/transfers.md §2): envelopes
 * exported from one office and merged into another, both ways, with concurrent edits,
 * tombstones, relays, local-only fields and sealed/protected records.
 */
let cleanup: () => void;
let dir: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('mj-repl-'));
});
afterEach(() => cleanup());

async function office(name: string): Promise<ReplOffice> {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return setupCaseVault(d);
}

const lead = (o: ReplOffice, id: string) =>
  here(o).db.prepare('SELECT * FROM leads WHERE id = ?').get(id) as Record<string, unknown>;

async function newLead(o: ReplOffice, summary: string) {
  await o.as('leader');
  return value(
    await o.call('leads:create', {
      caseId: o.caseId,
      receivedDate: '2026-05-12',
      summary,
      subjects: [{ personId: o.personIds.clerk }],
      sources: [{ kind: 'talk' }],
    }),
  );
}

describe('replication merge between two vaults', () => {
  it('carries a case to another office, keeps concurrent edits of one field as a conflict and of different fields as both', async () => {
    const a = await office('a');
    const b = await office('b');
    const l = await newLead(a, '原始摘要');

    const first = ship(a, b);
    expect(first.preview.orphans).toEqual([]);
    expect(first.preview.perType.lead).toEqual({ new: 1, updated: 0, unchanged: 0, conflicting: 0 });
    expect(first.result.conflicts).toBe(0);
    expect(lead(b, l.id).summary).toBe('原始摘要');
    // B's two fixture cases share the code: the earlier keeps it, the other shows its office prefix.
    const codes = (
      here(b).db.prepare('SELECT code FROM cases ORDER BY code').all() as { code: string }[]
    ).map((r) => r.code);
    expect(codes).toHaveLength(2);
    expect(codes).toContain('2026-1-01');

    await joinImportedCase(b, a.caseId);
    // The same field at both offices, concurrently; a different field too.
    await a.as('leader');
    value(await a.call('leads:edit', { id: l.id, summary: 'A 的摘要', deadline: '2026-07-01' }));
    await b.as('leader');
    value(await b.call('leads:edit', { id: l.id, summary: 'B 的摘要', discipline: 'integrity' }));

    const toB = ship(a, b);
    expect(toB.result.conflicts).toBeGreaterThan(0);
    const toA = ship(b, a);
    expect(toA.result.conflicts).toBeGreaterThan(0);
    const rowA = lead(a, l.id);
    const rowB = lead(b, l.id);
    // Deterministic default: the same value at both offices.
    expect(rowA.summary).toBe(rowB.summary);
    expect(['A 的摘要', 'B 的摘要']).toContain(rowA.summary);
    // Different fields: both kept.
    expect(rowA.deadline).toBe('2026-07-01');
    expect(rowB.deadline).toBe('2026-07-01');
    expect(rowA.discipline).toBe('integrity');
    expect(rowB.discipline).toBe('integrity');
    const regs = decodeRegs(
      (
        here(a)
          .db.prepare(`SELECT regs FROM replication_state WHERE record_type = 'lead' AND record_id = ?`)
          .get(l.id) as {
          regs: string;
        }
      ).regs,
    );
    expect(regs.summary!.map((x) => x.v).sort()).toEqual(['A 的摘要', 'B 的摘要']);
    expect(regs.deadline).toHaveLength(1);

    // Re-applying the same envelopes changes nothing.
    const again = importInto(a, exportAll(b));
    expect(again.result.changed).toBe(0);
    expect(Object.values(again.preview.perType).every((c) => c.new + c.updated + c.conflicting === 0)).toBe(
      true,
    );

    // One more round each way: both vaults hold the same rows (but local-only columns) and states.
    ship(a, b);
    const tables = RECORD_TYPES.map((t) => ({ table: t.table, local: t.local.map((l) => l.column) }));
    expect(domainSnapshot(here(a).db, tables)).toBe(domainSnapshot(here(b).db, tables));
    expect(stateSnapshot(here(a).db)).toBe(stateSnapshot(here(b).db));
  });

  it('carries tombstones, relays A → B → C, and leaves local-only fields alone', async () => {
    const a = await office('a');
    const b = await office('b');
    const c = await office('c');
    const keep = await newLead(a, '保留的线索');
    const gone = await newLead(a, '将被删除的线索');
    ship(a, b);
    await joinImportedCase(b, a.caseId);
    // B sets its own owner (a local account link) on the lead.
    await b.as('leader');
    value(await b.call('leads:edit', { id: keep.id, ownerUserId: b.userIds.member }));
    // A deletes one lead and edits the other.
    await a.as('leader');
    value(await a.call('leads:remove', { id: gone.id, reason: '重复登记' }));
    value(await a.call('leads:edit', { id: keep.id, summary: 'A 修改后的摘要' }));
    ship(a, b);
    expect(lead(b, gone.id).deleted_hlc).not.toBeNull();
    expect(lead(b, keep.id).summary).toBe('A 修改后的摘要');
    // The owner is B's own: A's owner link never travels and B's stays.
    expect(lead(b, keep.id).owner_user_id).toBe(b.userIds.member);
    // The tombstone left B's search index.
    const indexed = here(b).db.prepare(`SELECT 1 FROM search_docs WHERE entity_id = ?`).get(gone.id);
    expect(indexed).toBeUndefined();
    expect(here(b).db.prepare(`SELECT 1 FROM search_docs WHERE entity_id = ?`).get(keep.id)).toBeDefined();

    // Relay: C never saw A, gets A's records through B, and converges with A.
    ship(b, c);
    expect(lead(c, keep.id).summary).toBe('A 修改后的摘要');
    expect(lead(c, gone.id).deleted_hlc).not.toBeNull();
    // The lead step's signer travels as text; the account link is C's importing user.
    const step = here(c)
      .db.prepare('SELECT actor_name, actor_user_id FROM lead_steps WHERE lead_id = ?')
      .get(keep.id) as {
      actor_name: string;
      actor_user_id: string;
    };
    expect(step.actor_name).toBe('王组长');
    expect(step.actor_user_id).toBe(c.userIds.leader);
    const replay = ship(b, c);
    expect(replay.result.changed).toBe(0);
  });

  it('resolves the same ledger number at two offices the same way everywhere', async () => {
    const a = await office('a');
    const b = await office('b');
    ship(a, b);
    await joinImportedCase(b, a.caseId);
    // Both offices register a lead in A's case: both get the case's next number.
    const la = await newLead(a, 'A 登记的线索');
    await b.as('leader');
    const lb = await newLead({ ...b, caseId: a.caseId } as ReplOffice, 'B 登记的线索');
    expect(la.number).toBe(lb.number);
    ship(a, b);
    ship(b, a);
    const numbers = (o: ReplOffice) => [lead(o, la.id).number, lead(o, lb.id).number];
    expect(numbers(a)).toEqual(numbers(b));
    const [na, nb] = numbers(a);
    expect(new Set([na, nb]).size).toBe(2);
    expect([na, nb]).toContain(la.number);
    // The adjusted number is a projection, not an edit: another round changes nothing.
    expect(ship(a, b).result.changed).toBe(0);
    expect(ship(b, a).result.changed).toBe(0);
  });

  it('withholds sealed leads and reporter identities unless the query includes them', async () => {
    const a = await office('a');
    await a.as('leader');
    const item = value(
      await a.call('intake:create', {
        caseId: a.caseId,
        channel: 'letter',
        receivedDate: '2026-05-11',
        realName: true,
        reporter: { name: '李明', contact: '13800001234' },
        summary: '反映违规发放津贴',
        content: '<script>alert(1)</script> 年底违规发放津贴补贴。',
      }),
    );
    const sealed = await newLead(a, '涉及主要负责人的线索');
    value(await a.call('leads:edit', { id: sealed.id, sealed: true, sealedUserIds: [a.userIds.leader] }));
    const types = (envs: { type: string; id: string }[]) => envs.map((e) => `${e.type}:${e.id}`);

    const withheld = exportAll(a, { includeSealed: false, includeProtected: false });
    expect(types(withheld)).not.toContain(`lead:${sealed.id}`);
    expect(withheld.some((e) => e.type === 'lead-step' && e.fields.lead_id === sealed.id)).toBe(false);
    expect(withheld.some((e) => e.type === 'intake-reporter')).toBe(false);

    const full = exportAll(a, { includeSealed: true, includeProtected: true });
    expect(types(full)).toContain(`lead:${sealed.id}`);
    expect(full.some((e) => e.type === 'intake-reporter' && e.fields.intake_id === item.id)).toBe(true);
    // Script text stays text.
    expect(full.find((e) => e.id === item.id)!.fields.content).toContain('<script>');

    // A member is not named on the sealed lead and does not read reporters: nothing to include.
    await a.as('member');
    const member = exportAll(a, { includeSealed: true, includeProtected: true });
    expect(types(member)).not.toContain(`lead:${sealed.id}`);
    expect(member.some((e) => e.type === 'intake-reporter')).toBe(false);

    // A sealed lead new to B is readable by the importing user only (and the case's local leader).
    const b = await office('b');
    await b.as('leader');
    importInto(b, full);
    const readers = here(b)
      .db.prepare('SELECT user_id FROM lead_sealed_users WHERE lead_id = ?')
      .all(sealed.id);
    expect(readers).toEqual([{ user_id: b.userIds.leader }]);

    // A lead sealed later at A arrives sealed at B: B's importing user can read it, nobody else.
    await a.as('leader');
    const later = await newLead(a, '后来密封的线索');
    await b.as('leader');
    importInto(b, exportAll(a));
    await a.as('leader');
    value(await a.call('leads:edit', { id: later.id, sealed: true, sealedUserIds: [a.userIds.leader] }));
    await b.as('leader');
    importInto(b, exportAll(a));
    expect(here(b).db.prepare('SELECT sealed FROM leads WHERE id = ?').get(later.id)).toEqual({ sealed: 1 });
    expect(
      here(b).db.prepare('SELECT user_id FROM lead_sealed_users WHERE lead_id = ?').all(later.id),
    ).toEqual([{ user_id: b.userIds.leader }]);
  });

  it('reports records whose parents are neither in the bundle nor in the vault as orphans', async () => {
    const a = await office('a');
    const b = await office('b');
    await newLead(a, '孤儿测试');
    const envs = exportAll(a).filter((e) => e.type !== 'case');
    const preview = previewMerge(here(b).db, () => envs, new Set(envs.map((e) => bundleKey(e.type, e.id))));
    expect(preview.orphans.some((o) => o.parentType === 'case' && o.parentId === a.caseId)).toBe(true);
  });
});
