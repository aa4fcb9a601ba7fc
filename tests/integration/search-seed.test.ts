import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { seedVault, type SeedReport } from '../../electron/core/search/seed/seed-vault';
import { activateUser, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

const INITIAL = 'Chushi-mima-2026-y';
const LEADER = { name: 'zuzhang', pass: 'Qianfeng-mima-2026-z' };
const MEMBER = { name: 'zuyuan', pass: 'Houlai-mima-2026-w' };

describe('seeded vault and search visibility', () => {
  const t = tempDir();
  let report: SeedReport;
  let sealedIds: string[];
  /** Sealed leads whose summary holds the query word. */
  let sealedMatching: number;

  beforeAll(async () => {
    const admin = await setupVault(t.dir);
    const ids: Record<string, string> = {};
    for (const [u, role] of [
      [LEADER, 'group_leader'],
      [MEMBER, 'member'],
    ] as const) {
      ids[u.name] = value(
        await admin.call('users:create', {
          name: u.name,
          displayName: u.name,
          roles: [role],
          passphrase: INITIAL,
        }),
      ).id;
    }
    value(await admin.call('session:lock', {}));
    await activateUser(t.dir, LEADER.name, INITIAL, LEADER.pass);
    await activateUser(t.dir, MEMBER.name, INITIAL, MEMBER.pass);
    const { core, call } = makeCore(t.dir);
    value(await call('session:unlock', { userName: LEADER.name, passphrase: LEADER.pass }));
    // The member is in both seeded cases' groups (case content is for the group only).
    report = await seedVault(core, { units: 30, persons: 120, cases: 2, intake: 80, leads: 400 }, undefined, [
      { userId: ids[MEMBER.name]!, groupRole: 'member' },
    ]);
    sealedIds = (
      core.context.db().prepare('SELECT id FROM leads WHERE sealed = 1').all() as { id: string }[]
    ).map((r) => r.id);
    sealedMatching = (
      core.context
        .db()
        .prepare(`SELECT count(*) AS n FROM leads WHERE sealed = 1 AND summary LIKE '%涉嫌%'`)
        .get() as {
        n: number;
      }
    ).n;
    expect(verifyAuditChain(core.context.db())).toMatchObject({ ok: true });
    value(await call('session:lock', {}));
  });
  afterAll(() => t.cleanup());

  it('writes every kind through the core, audited and indexed', () => {
    expect(report.created).toEqual({ units: 30, persons: 120, cases: 2, intake: 80, leads: 400 });
    expect(report.skipped).toEqual([]);
    expect(sealedIds.length).toBeGreaterThan(0);
  });

  it('shows sealed leads to the person named on them and hides them, counts included, from others', async () => {
    const asLeader = makeCore(t.dir);
    value(await asLeader.call('session:unlock', { userName: LEADER.name, passphrase: LEADER.pass }));
    const leader = value(
      await asLeader.call('search:query', { query: '涉嫌', types: ['lead'], pageSize: 50 }),
    );
    value(await asLeader.call('session:lock', {}));

    const asMember = makeCore(t.dir);
    value(await asMember.call('session:unlock', { userName: MEMBER.name, passphrase: MEMBER.pass }));
    const pages: string[] = [];
    let total = 0;
    for (let page = 1; page <= 20; page++) {
      const r = value(
        await asMember.call('search:query', { query: '涉嫌', types: ['lead'], page, pageSize: 50 }),
      );
      total = r.total;
      pages.push(...r.hits.map((h) => h.id));
      if (r.hits.length < 50) break;
    }
    value(await asMember.call('session:lock', {}));

    const sealedSeen = sealedIds.filter((id) => pages.includes(id));
    expect(sealedSeen).toEqual([]);
    expect(pages).toHaveLength(total);
    expect(sealedMatching).toBeGreaterThan(0);
    expect(leader.total - total).toBe(sealedMatching);
  });
});
