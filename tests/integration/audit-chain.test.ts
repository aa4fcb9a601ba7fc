import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { activateUser, ADMIN, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';
import { unlockVault } from '../../electron/core/vault/vault';
import { FAST_KDF } from '../helpers/temp-vault';

describe('audit log', () => {
  it('records every change in a hash chain that detects an edited entry', async () => {
    const t = tempDir();
    try {
      const { call } = await setupVault(t.dir);
      const u = value(
        await call('users:create', {
          name: 'zy01',
          displayName: '组员',
          roles: ['member'],
          passphrase: 'Ceshi-mima-2026-x',
        }),
      );
      value(await call('users:setRoles', { userId: u.id, roles: ['deputy_leader'] }));
      value(await call('session:lock', {}));

      const { vault } = await unlockVault(t.dir, ADMIN.userName, ADMIN.passphrase, { kdfCost: FAST_KDF });
      const check = verifyAuditChain(vault.db);
      expect(check).toMatchObject({ ok: true });
      expect(check.entries).toBeGreaterThanOrEqual(5);
      const actions = (
        vault.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]
      ).map((r) => r.action);
      expect(actions).toEqual(['vault.create', 'user.create', 'user.create', 'user.roles', 'session.lock']);

      // The log refuses updates and deletes through SQL…
      expect(() => vault.db.prepare(`UPDATE audit_log SET action = 'x' WHERE seq = 3`).run()).toThrow(
        /append-only/,
      );
      expect(() => vault.db.prepare(`DELETE FROM audit_log WHERE seq = 3`).run()).toThrow(/append-only/);
      // …and an edit made around the triggers is caught by the chain.
      vault.db.exec('DROP TRIGGER audit_log_no_update');
      vault.db.prepare(`UPDATE audit_log SET details = '{"roles":["group_leader"]}' WHERE seq = 4`).run();
      expect(verifyAuditChain(vault.db)).toEqual({ ok: false, brokenAt: 4, entries: 3 });
      vault.close();
    } finally {
      t.cleanup();
    }
  });

  it('lets the auditor read it', async () => {
    const t = tempDir();
    try {
      const { call } = await setupVault(t.dir);
      value(
        await call('users:create', {
          name: 'shenji',
          displayName: '审计员',
          roles: ['auditor'],
          passphrase: 'Chushi-mima-2026-y',
        }),
      );
      value(await call('session:lock', {}));
      await activateUser(t.dir, 'shenji', 'Chushi-mima-2026-y', 'Jiancha-mima-2026');
      const c = makeCore(t.dir);
      value(await c.call('session:unlock', { userName: 'shenji', passphrase: 'Jiancha-mima-2026' }));
      const entries = value(await c.call('audit:list', { limit: 2 }));
      expect(entries.map((e) => e.action)).toEqual(['session.unlock', 'session.lock']);
      const older = value(await c.call('audit:list', { limit: 10, beforeSeq: entries[1]!.seq }));
      expect(older.map((e) => e.action)).toEqual([
        'user.passphrase_change',
        'session.unlock',
        'session.lock',
        'user.create',
        'user.create',
        'vault.create',
      ]);
      expect(older[3]!.details).toEqual({ name: 'shenji', roles: ['auditor'] });
      expect(older.every((e) => e.seq < entries[1]!.seq)).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

describe('audit browsing', () => {
  it('filters by actor, action, record and time, and shows one record its history', async () => {
    const t = tempDir();
    try {
      const { call } = await setupVault(t.dir);
      const u = value(
        await call('users:create', {
          name: 'zy02',
          displayName: '组员',
          roles: ['member'],
          passphrase: 'Chushi-mima-2026-y',
        }),
      );
      value(await call('users:setRoles', { userId: u.id, roles: ['deputy_leader'] }));
      const byAction = value(await call('audit:list', { limit: 50, actionPrefix: 'user.' }));
      expect(byAction.map((e) => e.action)).toEqual(['user.roles', 'user.create', 'user.create']);
      const forRecord = value(await call('audit:list', { limit: 50, entityId: u.id }));
      expect(forRecord.map((e) => e.action)).toEqual(['user.roles', 'user.create']);
      expect(forRecord[0]!.details).toEqual({ from: ['member'], to: ['deputy_leader'] });
      expect(value(await call('audit:list', { limit: 50, actorName: 'nobody' }))).toEqual([]);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect(value(await call('audit:list', { limit: 50, from: future }))).toEqual([]);
      expect(value(await call('audit:list', { limit: 50, to: future })).length).toBeGreaterThan(3);
      // records:history belongs to case roles and the auditor; the security admin is refused.
      const refused = await call('records:history', { entityType: 'user', entityId: u.id });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('ROLE_FORBIDDEN');
    } finally {
      t.cleanup();
    }
  });
});
