import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupCaseVault } from '../helpers/case-fixture';
import { here, ship, type ReplOffice } from '../helpers/replication-offices';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * A case imported from another office arrives with its group but without links to
 * this office's accounts (they are local, docs/transfers.md §2): a case manager links
 * a member to a local account with cases:linkAccount, which opens the case's content
 * to that account, is audited, and never travels back.
 */
let cleanup: () => void;
let dir: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('mj-link-'));
});
afterEach(() => cleanup());

async function office(name: string): Promise<ReplOffice> {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return setupCaseVault(d);
}

const memberLinks = (o: ReplOffice, caseId: string) =>
  here(o)
    .db.prepare('SELECT id, user_id FROM case_members WHERE case_id = ? AND deleted_hlc IS NULL ORDER BY id')
    .all(caseId) as { id: string; user_id: string | null }[];

describe('cases:linkAccount', () => {
  it('opens an imported case to the linked account, is audited, and stays at this office', async () => {
    const a = await office('a');
    const b = await office('b');
    await a.as('leader');
    value(
      await a.call('leads:create', {
        caseId: a.caseId,
        receivedDate: '2026-05-12',
        summary: '公路管理处违规发放津贴',
        subjects: [{ personId: a.personIds.clerk }],
        sources: [{ kind: 'talk' }],
      }),
    );
    const linksAtA = memberLinks(a, a.caseId);
    ship(a, b);

    // At B the imported case's group is there, linked to nobody: its content is closed.
    await b.as('leader');
    const imported = value(await b.call('cases:get', { id: a.caseId }));
    expect(imported.members.length).toBeGreaterThan(0);
    expect(imported.members.every((m) => m.userId === null)).toBe(true);
    const closed = await b.call('leads:page', { caseId: a.caseId });
    expect(closed.ok).toBe(false);

    // A member may not link; the leader links the imported group leader to their own account.
    const leaderMember = imported.members.find((m) => m.groupRole === 'leader')!;
    await b.as('member');
    const refused = await b.call('cases:linkAccount', { id: leaderMember.id, userId: b.userIds.member });
    expect(refused.ok).toBe(false);
    await b.as('leader');
    const unknown = await b.call('cases:linkAccount', { id: leaderMember.id, userId: crypto.randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'USER_NOT_FOUND' } });
    const linked = value(
      await b.call('cases:linkAccount', { id: leaderMember.id, userId: b.userIds.leader }),
    );
    expect(linked.members.find((m) => m.id === leaderMember.id)?.userId).toBe(b.userIds.leader);
    const page = value(await b.call('leads:page', { caseId: a.caseId }));
    expect(page.rows.map((r) => r.summary)).toEqual(['公路管理处违规发放津贴']);

    // One account, one place in a group.
    const other = imported.members.find((m) => m.id !== leaderMember.id)!;
    const twice = await b.call('cases:linkAccount', { id: other.id, userId: b.userIds.leader });
    expect(twice).toMatchObject({ ok: false, error: { code: 'MEMBER_EXISTS' } });

    // Audited as a change of the case.
    const history = value(await b.call('records:history', { entityType: 'case', entityId: a.caseId }));
    expect(history.some((h) => h.action === 'case.member_link')).toBe(true);

    // Sent back to A, the link does not travel: A's accounts stay linked as they were.
    ship(b, a);
    expect(memberLinks(a, a.caseId)).toEqual(linksAtA);
  });
});
