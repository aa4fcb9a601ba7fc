import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathRequest } from '../../shared/contracts/transfer';
import { ACCOUNTS, PASS, setupCaseVault } from '../helpers/case-fixture';
import { makeCore, tempDir, value } from '../helpers/temp-vault';

/**
 * The file dialog behind "浏览…" on the transfer screens: the core asks the host's
 * chooser (the desktop shell's dialog) and passes its answer on; a host without one
 * (the test host in a browser) says so, and the renderer shows only the path field.
 */
const t = tempDir();
beforeAll(async () => {
  (await setupCaseVault(t.dir)).core.lock('shutdown');
});
afterAll(() => t.cleanup());

describe('transfer path chooser', () => {
  it('passes the request to the host dialog and its answer back; cancelling gives null', async () => {
    const asked: PathRequest[] = [];
    let answer: string | null = '/media/U盘/交换';
    const { call } = makeCore(t.dir, {
      choosePath: (request) => {
        asked.push(request);
        return Promise.resolve(answer);
      },
    });
    value(await call('session:unlock', { userName: ACCOUNTS.leader.name, passphrase: PASS }));
    expect(value(await call('transfer:pathChooser', {}))).toEqual({ available: true });
    const request = { purpose: 'exportFolder', title: '选择导出文件夹', filterName: '明镜数据包' } as const;
    expect(value(await call('transfer:choosePath', request))).toEqual({ path: '/media/U盘/交换' });
    answer = null;
    expect(value(await call('transfer:choosePath', { ...request, purpose: 'importBundle' }))).toEqual({
      path: null,
    });
    expect(asked).toEqual([request, { ...request, purpose: 'importBundle' }]);
    const bad = await call('transfer:choosePath', { ...request, purpose: 'anywhere' as 'exportFolder' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INPUT_INVALID');
    expect(asked).toHaveLength(2);
  });

  it('says when the host has no dialog, and refuses to open one', async () => {
    const { call } = makeCore(t.dir);
    value(await call('session:unlock', { userName: ACCOUNTS.leader.name, passphrase: PASS }));
    expect(value(await call('transfer:pathChooser', {}))).toEqual({ available: false });
    const env = await call('transfer:choosePath', {
      purpose: 'exportFolder',
      title: '选择',
      filterName: '包',
    });
    expect(env.ok ? 'ok' : env.error.code).toBe('TRANSFER_CHOOSER_UNAVAILABLE');
  });
});
