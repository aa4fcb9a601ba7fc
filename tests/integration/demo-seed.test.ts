import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { DEMO_ACCOUNTS, DEMO_COUNTS } from '../../electron/core/demo/demo-seed';
import { recordCounts } from '../../electron/core/record-counts';
import { readVaultUserNames } from '../../electron/core/vault/vault';
import { activateUser, ADMIN, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

const DEMO_PASS = 'Yanshi-Chushi-2026';
const OWN_PASS = 'Yanshi-Ziji-2026-x';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function newVault() {
  const t = tempDir();
  cleanup = t.cleanup;
  return { dir: t.dir, ...(await setupVault(t.dir)) };
}

describe('demo data (setup screen choice)', () => {
  it('opens the demo accounts and writes the sample through the core as the demo leader, audited', async () => {
    const v = await newVault();
    // Calls made meanwhile run as the administrator, never as the demo leader the seed writes as.
    let done = false;
    const seeding = v.call('demo:seed', { passphrase: DEMO_PASS }).finally(() => (done = true));
    const seen = new Set<string>();
    while (!done) {
      // Let the key derivation's callbacks in (a loop of microtasks alone would starve them).
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < 50 && !done; i++) seen.add(value(await v.call('session:current', {}))!.user.name);
    }
    const result = value(await seeding);
    expect([...seen]).toEqual([ADMIN.userName]);
    expect(result.accounts.map((a) => a.name)).toEqual(DEMO_ACCOUNTS.map((a) => a.name));
    expect(result.created).toEqual(DEMO_COUNTS);
    expect(readVaultUserNames(v.dir).sort()).toEqual(
      [ADMIN.userName, ...DEMO_ACCOUNTS.map((a) => a.name)].sort(),
    );

    const db = v.core.context.db();
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    const demoEntry = db
      .prepare(`SELECT actor_name, details FROM audit_log WHERE action = 'demo.seed'`)
      .get() as { actor_name: string; details: string };
    expect(demoEntry.actor_name).toBe(ADMIN.userName);
    expect(JSON.parse(demoEntry.details)).toMatchObject({ created: DEMO_COUNTS });
    // The content itself is the demo leader's work; the administrator reads none of it.
    const writers = db
      .prepare(`SELECT DISTINCT actor_name FROM audit_log WHERE action IN ('intake.create', 'lead.create')`)
      .all() as { actor_name: string }[];
    expect(writers.map((w) => w.actor_name)).toEqual(['yanshi_zuzhang']);
    expect(value(await v.call('session:current', {}))!.user.name).toBe(ADMIN.userName);
    expect((await v.call('intake:list', { caseId: '00000000-0000-4000-8000-000000000000' })).ok).toBe(false);
    value(await v.call('session:lock', {}));

    // Each demo account replaces the administrator's passphrase first, then works in both cases.
    const { call } = makeCore(v.dir);
    value(await call('session:unlock', { userName: 'yanshi_zuyuan', passphrase: DEMO_PASS }));
    expect(await call('cases:list', {})).toMatchObject({
      ok: false,
      error: { code: 'PASSPHRASE_CHANGE_REQUIRED' },
    });
    value(await call('session:lock', {}));
    for (const a of DEMO_ACCOUNTS) {
      await activateUser(v.dir, a.name, DEMO_PASS, OWN_PASS);
      value(await call('session:unlock', { userName: a.name, passphrase: OWN_PASS }));
      const cases = value(await call('cases:list', {}));
      expect(cases.map((c) => c.myGroupRole)).toEqual([a.groupRole, a.groupRole]);
      const items = value(await call('intake:list', { caseId: cases[0]!.id }));
      expect(items.length).toBe(DEMO_COUNTS.intake / 2);
      expect(value(await call('search:query', { query: '津贴' })).total).toBeGreaterThan(0);
      value(await call('session:lock', {}));
    }
  });

  it('is refused in a vault that is not new, or with a weak passphrase, and then writes nothing', async () => {
    const v = await newVault();
    const weak = await v.call('demo:seed', { passphrase: 'yanshi_zuzhang-2026' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WEAK' } });
    const before = recordCounts(v.core.context.db());
    expect(readVaultUserNames(v.dir)).toEqual([ADMIN.userName]);

    value(
      await v.call('users:create', {
        name: 'zuzhang',
        displayName: '王组长',
        roles: ['group_leader'],
        passphrase: 'Chushi-mima-2026-y',
      }),
    );
    const afterUser = recordCounts(v.core.context.db());
    expect(await v.call('demo:seed', { passphrase: DEMO_PASS })).toMatchObject({
      ok: false,
      error: { code: 'DEMO_VAULT_NOT_NEW' },
    });
    expect(recordCounts(v.core.context.db())).toEqual(afterUser);
    expect(afterUser.users).toBe(before.users! + 1);
    expect(readVaultUserNames(v.dir).sort()).toEqual([ADMIN.userName, 'zuzhang'].sort());
  });

  it('is refused a second time', async () => {
    const v = await newVault();
    value(await v.call('demo:seed', { passphrase: DEMO_PASS }));
    const counts = recordCounts(v.core.context.db());
    expect(await v.call('demo:seed', { passphrase: DEMO_PASS })).toMatchObject({
      ok: false,
      error: { code: 'DEMO_VAULT_NOT_NEW' },
    });
    expect(recordCounts(v.core.context.db())).toEqual(counts);
  });
});
