import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/roles';
import { FOUNDATION_EXPECTED } from './role-matrix/foundation';
import { INTAKE_LEADS_EXPECTED } from './role-matrix/intake-leads';
import { REFERENCE_EXPECTED } from './role-matrix/reference';
import { SEARCH_EXPECTED } from './role-matrix/search';
import { WORK_RECORDS_EXPECTED } from './role-matrix/work-records';
import { DEMO_EXPECTED } from './role-matrix/demo';
import { TRANSFER_EXPECTED } from './role-matrix/transfer';
import { OFFICES_EXPECTED } from './role-matrix/offices';
import { CONFLICTS_EXPECTED } from './role-matrix/conflicts';
import type { Expected } from './role-matrix/expected';
import { activateUser, ADMIN, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

/**
 * The role matrix, written out by hand per domain (tests/integration/role-matrix/)
 * so it is checked against the contract rather than derived from it. A channel
 * added to the contract without a row there fails the first test.
 */
const EXPECTED: Record<Channel, Expected> = {
  ...FOUNDATION_EXPECTED,
  ...REFERENCE_EXPECTED,
  ...INTAKE_LEADS_EXPECTED,
  ...SEARCH_EXPECTED,
  ...WORK_RECORDS_EXPECTED,
  ...DEMO_EXPECTED,
  ...TRANSFER_EXPECTED,
  ...OFFICES_EXPECTED,
  ...CONFLICTS_EXPECTED,
} as Record<Channel, Expected>;
const EVERYONE = [...ROLES];

const PASS = 'Ceshi-mima-2026-x';
const INITIAL = 'Chushi-mima-2026-y';
const userFor = (role: Role) => `u_${role}`;
// Input that no schema accepts: an allowed caller gets INPUT_INVALID, a forbidden one ROLE_FORBIDDEN.
const PROBE = { __probe: true };

describe('contract role matrix (enforced in the core, not only the UI)', () => {
  const t = tempDir();
  let harness: Awaited<ReturnType<typeof setupVault>>;

  beforeAll(async () => {
    harness = await setupVault(t.dir);
    for (const role of ROLES) {
      if (role === 'security_admin') continue;
      value(
        await harness.call('users:create', {
          name: userFor(role),
          displayName: role,
          roles: [role],
          passphrase: INITIAL,
        }),
      );
      await activateUser(t.dir, userFor(role), INITIAL, PASS);
    }
    value(await harness.call('session:lock', {}));
  });
  afterAll(() => t.cleanup());

  it('has a hand-written row for every channel, matching the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNELS].sort());
    for (const ch of CHANNELS) {
      const access = contract[ch].access;
      const normalized = access === 'unlocked' ? EVERYONE : access;
      expect(normalized === 'public' ? 'public' : [...normalized].sort(), ch).toEqual(
        EXPECTED[ch] === 'public' ? 'public' : [...EXPECTED[ch]].sort(),
      );
    }
  });

  it('refuses every non-public channel while locked', async () => {
    const { call } = makeCore(t.dir);
    for (const ch of CHANNELS.filter((c) => EXPECTED[c] !== 'public')) {
      const r = await (call as (c: string, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
        ch,
        PROBE,
      );
      expect(r.error?.code, ch).toBe('SESSION_LOCKED');
    }
  });

  for (const role of ROLES) {
    it(`lets ${role} call exactly its channels`, async () => {
      const { raw } = makeCore(t.dir);
      const name = role === 'security_admin' ? ADMIN.userName : userFor(role);
      const pass = role === 'security_admin' ? ADMIN.passphrase : PASS;
      expect((await raw('session:unlock', { userName: name, passphrase: pass })).ok).toBe(true);
      for (const ch of CHANNELS.filter((c) => EXPECTED[c] !== 'public')) {
        const allowed = (EXPECTED[ch] as readonly Role[]).includes(role);
        const r = await raw(ch, PROBE);
        expect(r.ok, ch).toBe(false);
        expect(!r.ok && r.error.code, `${role} → ${ch}`).toBe(allowed ? 'INPUT_INVALID' : 'ROLE_FORBIDDEN');
      }
      await raw('session:lock', {});
    });
  }

  it('answers unknown channels and bad input with codes and i18n keys, never a stack', async () => {
    const { raw } = makeCore(t.dir);
    const unknown = await raw('vault:dropEverything', {});
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'CHANNEL_UNKNOWN', messageKey: 'errors.CHANNEL_UNKNOWN' },
    });
    const bad = await raw('session:unlock', { userName: 'a', passphrase: 'x' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', details: { field: 'userName' } },
    });
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts|stack/i);
  });

  it('turns an unexpected failure into INTERNAL without details', async () => {
    const { core } = makeCore(t.dir);
    const { createRouter } = await import('../../electron/core/router');
    const seen: unknown[] = [];
    const call = createRouter(core, (e) => seen.push(e));
    core.handlers['prefs:get'] = () => {
      throw new Error('secret detail /home/x/y.ts:12');
    };
    const r = await call('prefs:get', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } });
    expect(seen).toHaveLength(1);
  });
});

describe('account rules', () => {
  it('keeps system and inspection roles apart, keeps a security admin, and refuses self-removal', async () => {
    const t = tempDir();
    try {
      const { call, adminId } = await setupVault(t.dir);
      const mixed = await call('users:create', {
        name: 'mixed',
        displayName: 'x',
        roles: ['auditor', 'member'],
        passphrase: PASS,
      });
      expect(mixed.ok ? 'ok' : mixed.error.code).toBe('USER_ROLES_MIXED');
      expect(value(await call('users:list', {})).map((u) => u.name)).toEqual(['admin']);
      const self = await call('users:remove', { userId: adminId });
      expect(self.ok ? 'ok' : self.error.code).toBe('USER_SELF_REMOVE');
      const demote = await call('users:setRoles', { userId: adminId, roles: ['auditor'] });
      expect(demote.ok ? 'ok' : demote.error.code).toBe('USER_LAST_SECURITY_ADMIN');
      const dup = await call('users:create', {
        name: 'admin',
        displayName: 'x',
        roles: ['member'],
        passphrase: PASS,
      });
      expect(dup.ok ? 'ok' : dup.error.code).toBe('USER_EXISTS');
    } finally {
      t.cleanup();
    }
  });

  it('lets the system administrator open inspection accounts but not grant system roles', async () => {
    const t = tempDir();
    try {
      const { call } = await setupVault(t.dir);
      value(
        await call('users:create', {
          name: 'xitong',
          displayName: '系统管理员',
          roles: ['system_admin'],
          passphrase: INITIAL,
        }),
      );
      await activateUser(t.dir, 'xitong', INITIAL, PASS);
      value(await call('session:lock', {}));
      value(await call('session:unlock', { userName: 'xitong', passphrase: PASS }));
      const grant = await call('users:create', {
        name: 'second',
        displayName: 'x',
        roles: ['security_admin'],
        passphrase: PASS,
      });
      expect(grant.ok ? 'ok' : grant.error.code).toBe('ROLE_FORBIDDEN');
      const member = value(
        await call('users:create', {
          name: 'zuyuan',
          displayName: '组员',
          roles: ['member'],
          passphrase: PASS,
        }),
      );
      expect(member.roles).toEqual(['member']);
      const names = value(await call('users:list', {})).map((u) => u.name);
      expect(names).toEqual(['admin', 'xitong', 'zuyuan']);
    } finally {
      t.cleanup();
    }
  });

  it('makes a new account replace its initial passphrase before anything else', async () => {
    const t = tempDir();
    try {
      const { call } = await setupVault(t.dir);
      const created = value(
        await call('users:create', {
          name: 'zuyuan',
          displayName: '组员',
          roles: ['member'],
          passphrase: INITIAL,
        }),
      );
      expect(created.mustChangePassphrase).toBe(true);
      value(await call('session:lock', {}));
      const session = value(await call('session:unlock', { userName: 'zuyuan', passphrase: INITIAL }));
      expect(session.user.mustChangePassphrase).toBe(true);
      const blocked = await call('settings:setAutoLock', { minutes: 5 });
      expect(blocked.ok ? 'ok' : blocked.error.code).toBe('PASSPHRASE_CHANGE_REQUIRED');
      value(await call('session:changePassphrase', { current: INITIAL, next: PASS }));
      expect(value(await call('session:current', {}))?.user.mustChangePassphrase).toBe(false);
      expect((await call('settings:setAutoLock', { minutes: 5 })).ok).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it('locks an idle session in the core too', async () => {
    const t = tempDir();
    try {
      let now = Date.parse('2026-11-28T08:00:00Z');
      const { call } = await setupVault(t.dir, { now: () => now });
      value(await call('settings:setAutoLock', { minutes: 5 }));
      now += 4 * 60_000;
      expect((await call('users:list', {})).ok).toBe(true);
      now += 5 * 60_000 + 1;
      const r = await call('users:list', {});
      expect(r.ok ? 'ok' : r.error.code).toBe('SESSION_IDLE_LOCKED');
      expect(value(await call('session:current', {}))).toBeNull();
      const actions = [];
      value(await call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
      for (const e of value(await call('audit:list', { limit: 10 })))
        actions.push(`${e.action}:${String(e.details.reason ?? '')}`);
      expect(actions).toContain('session.lock:idle');
    } finally {
      t.cleanup();
    }
  });
});
