import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, setupVault, tempDir, value } from '../helpers/temp-vault';

const LEADER = {
  name: 'zuzhang',
  displayName: '组长',
  roles: ['group_leader' as const],
  passphrase: 'Xunshi-lingdao-88',
};

describe('vault users, passphrases and recovery', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  async function withLeader() {
    const t = tempDir();
    cleanup = t.cleanup;
    const v = await setupVault(t.dir);
    const leader = value(await v.call('users:create', LEADER));
    return { ...v, dir: t.dir, leader };
  }

  it('lets two users unlock independently and see the same data', async () => {
    const { call, dir } = await withLeader();
    value(await call('session:lock', {}));
    const fresh = makeCore(dir);
    const asLeader = value(
      await fresh.call('session:unlock', { userName: LEADER.name, passphrase: LEADER.passphrase }),
    );
    expect(asLeader.user.roles).toEqual(['group_leader']);
    expect(asLeader.office.name).toBe('省委第三巡视组');
    value(await fresh.call('session:lock', {}));
    const asAdmin = value(
      await fresh.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }),
    );
    expect(asAdmin.office.id).toBe(asLeader.office.id);
    expect(value(await fresh.call('users:list', {})).map((u) => u.name)).toEqual(['admin', 'zuzhang']);
  });

  it('changes a passphrase by rewriting one slot and keeps all data', async () => {
    const { call, dir } = await withLeader();
    const slotsBefore = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8'));
    const dbBefore = readFileSync(join(dir, 'mingjing.db'));
    const changed = await call('session:changePassphrase', {
      current: 'wrong-current-1',
      next: 'Xin-mima-2026-abc',
    });
    expect(changed.ok || changed.error.code).toBe('VAULT_BAD_CREDENTIALS');
    value(await call('session:changePassphrase', { current: ADMIN.passphrase, next: 'Xin-mima-2026-abc' }));
    const slotsAfter = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8'));
    const changedSlots = slotsAfter.slots.filter(
      (s: { id: string }) => !slotsBefore.slots.some((b: { id: string }) => b.id === s.id),
    );
    expect(changedSlots).toHaveLength(1);
    expect(changedSlots[0].userName).toBe(ADMIN.userName);
    value(await call('session:lock', {}));
    expect(dbBefore.length).toBeGreaterThan(0);
    const again = makeCore(dir);
    const old = await again.call('session:unlock', {
      userName: ADMIN.userName,
      passphrase: ADMIN.passphrase,
    });
    expect(old.ok ? 'ok' : old.error.code).toBe('VAULT_BAD_CREDENTIALS');
    value(await again.call('session:unlock', { userName: ADMIN.userName, passphrase: 'Xin-mima-2026-abc' }));
    expect(value(await again.call('users:list', {})).map((u) => u.name)).toEqual(['admin', 'zuzhang']);
  });

  it('unlocks with the recovery code, sets a new passphrase and rotates the code', async () => {
    const { call, dir, recoveryCode } = await withLeader();
    value(await call('session:lock', {}));
    const c = makeCore(dir);
    const typedByHand = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const recovered = value(
      await c.call('session:recover', {
        userName: ADMIN.userName,
        recoveryCode: typedByHand,
        newPassphrase: 'Huifu-hou-mima-77',
      }),
    );
    expect(recovered.session.user.name).toBe(ADMIN.userName);
    expect(recovered.recoveryCode).not.toBe(recoveryCode);
    expect(recovered.recoveryCode).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    value(await c.call('session:lock', {}));
    const reused = await c.call('session:recover', {
      userName: ADMIN.userName,
      recoveryCode,
      newPassphrase: 'Another-pass-9876',
    });
    expect(reused.ok ? 'ok' : reused.error.code).toBe('VAULT_BAD_CREDENTIALS');
    value(await c.call('session:unlock', { userName: ADMIN.userName, passphrase: 'Huifu-hou-mima-77' }));
    const actions = value(await c.call('audit:list', { limit: 100 })).map((e) => e.action);
    expect(actions).toContain('session.recover');
  });

  it("no longer unlocks a removed user's slot", async () => {
    const { call, dir, leader } = await withLeader();
    value(await call('users:remove', { userId: leader.id }));
    const slots = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8'));
    expect(slots.slots.some((s: { userId: string }) => s.userId === leader.id)).toBe(false);
    value(await call('session:lock', {}));
    const r = await makeCore(dir).call('session:unlock', {
      userName: LEADER.name,
      passphrase: LEADER.passphrase,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('VAULT_BAD_CREDENTIALS');
  });

  it('counts failed attempts and makes the user wait, without saying which part was wrong', async () => {
    const { call, dir } = await withLeader();
    value(await call('session:lock', {}));
    let now = Date.parse('2026-11-28T08:00:00Z');
    const c = makeCore(dir, { now: () => now });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.call('session:unlock', { userName: LEADER.name, passphrase: `wrong-guess-${i}` });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes.slice(0, 4)).toEqual([
      'VAULT_BAD_CREDENTIALS',
      'VAULT_BAD_CREDENTIALS',
      'VAULT_BAD_CREDENTIALS',
      'VAULT_THROTTLED',
    ]);
    const unknown = await c.call('session:unlock', { userName: 'nobody', passphrase: 'whatever-123' });
    expect(unknown.ok ? 'ok' : unknown.error).toMatchObject({
      code: 'VAULT_BAD_CREDENTIALS',
      messageKey: 'errors.VAULT_BAD_CREDENTIALS',
    });
    const throttled = await c.call('session:unlock', {
      userName: LEADER.name,
      passphrase: LEADER.passphrase,
    });
    expect(throttled.ok ? 'ok' : throttled.error.code).toBe('VAULT_THROTTLED');
    // The counter survives a restart: it lives in the slot file.
    now += 1_500;
    const later = makeCore(dir, { now: () => now });
    const ok = await later.call('session:unlock', { userName: LEADER.name, passphrase: LEADER.passphrase });
    expect(ok.ok).toBe(true);
    const slot = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8')).slots.find(
      (s: { userName: string }) => s.userName === LEADER.name,
    );
    expect(slot.failedAttempts).toBe(0);
  });

  it('names a damaged or foreign file and overwrites nothing', async () => {
    const { call, dir } = await withLeader();
    value(await call('session:lock', {}));
    const slotsPath = join(dir, 'keyslots.json');
    const original = readFileSync(slotsPath);
    writeFileSync(slotsPath, '{"format":"something-else"}');
    const c = makeCore(dir);
    const status = await c.call('vault:status', {});
    expect(status.ok ? 'ok' : status.error).toMatchObject({
      code: 'VAULT_FILE_DAMAGED',
      details: { file: 'keyslots.json' },
    });
    const setup = await c.call('vault:setup', {
      officeName: 'x',
      userName: 'other',
      displayName: 'y',
      passphrase: 'Some-long-pass-1',
    });
    expect(setup.ok ? 'ok' : setup.error.code).toBe('VAULT_FILE_DAMAGED');
    expect(readFileSync(slotsPath, 'utf8')).toBe('{"format":"something-else"}');
    writeFileSync(slotsPath, original);

    // A plaintext SQLite file where the vault should be.
    const dbPath = join(dir, 'mingjing.db');
    const vaultDb = readFileSync(dbPath);
    writeFileSync(dbPath, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]));
    const r = await makeCore(dir).call('session:unlock', {
      userName: LEADER.name,
      passphrase: LEADER.passphrase,
    });
    expect(r.ok ? 'ok' : r.error).toMatchObject({
      code: 'VAULT_FILE_DAMAGED',
      details: { file: 'mingjing.db' },
    });

    // Random bytes: the key slot opens but the database does not decrypt.
    writeFileSync(dbPath, Buffer.alloc(8192, 7));
    const r2 = await makeCore(dir).call('session:unlock', {
      userName: LEADER.name,
      passphrase: LEADER.passphrase,
    });
    expect(r2.ok ? 'ok' : r2.error).toMatchObject({
      code: 'VAULT_FILE_DAMAGED',
      details: { file: 'mingjing.db' },
    });
    expect(readFileSync(dbPath).equals(Buffer.alloc(8192, 7))).toBe(true);
    writeFileSync(dbPath, vaultDb);
  });

  it('refuses to set up over an existing vault', async () => {
    const { dir } = await withLeader();
    const r = await makeCore(dir).call('vault:setup', {
      officeName: 'x',
      userName: 'other',
      displayName: 'y',
      passphrase: 'Some-long-pass-1',
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('VAULT_EXISTS');
  });
});
