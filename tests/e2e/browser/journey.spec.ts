import type { Page } from '@playwright/test';
import {
  ADMIN,
  confirmRecoveryCode,
  FIRST_PASSPHRASE,
  fillRecovery,
  fillSetup,
  NEW_PASSPHRASE,
  OFFICE,
  readRecoveryCode,
  unlock as unlockWith,
} from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

/** Fills the first-run form and submits it; returns the recovery code shown next. */
async function completeSetup(
  page: Page,
  passphrase: string,
  shoot?: (name: string) => Promise<void>,
): Promise<string> {
  await expect(page.getByTestId('setup-office')).toBeVisible();
  await shoot?.('01-setup');
  await fillSetup(page, passphrase);
  await expect(page.getByTestId('passphrase-strength')).toBeVisible();
  await shoot?.('02-setup-filled');
  await page.getByTestId('setup-submit').click();
  return readRecoveryCode(page);
}

/** Unlocks, first choosing the account when `userName` is given. */
async function unlock(page: Page, passphrase: string, userName?: string): Promise<void> {
  await unlockWith(
    page,
    passphrase,
    userName ? () => chooseOption(page, page.getByTestId('unlock-user'), userName) : undefined,
  );
}

test('first run → recovery code → lock → wrong passphrase → unlock → languages → idle lock → recovery', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => screenshot(page, testInfo, name);
  await page.clock.install();
  await page.goto(host.url);

  // First run, then the recovery code, shown once, confirmed by its last group.
  const code = await completeSetup(page, FIRST_PASSPHRASE, shoot);
  await shoot('03-recovery-code');
  await page.getByTestId('recovery-confirm-input').fill('ZZZZZ');
  await page.getByTestId('recovery-confirm-check').check();
  await page.getByTestId('recovery-confirm-submit').click();
  await expect(page.getByText('与恢复码不符')).toBeVisible();
  await confirmRecoveryCode(page, code.split('-').at(-1)!);

  // The main layout: office, user, role, and only the screens this role can use.
  const main = page.getByTestId('main-layout');
  await expect(main).toBeVisible();
  await expect(page.getByTestId('header-office')).toHaveText(OFFICE);
  await expect(page.getByTestId('header-user')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('header-roles')).toHaveText('安全保密管理员');
  await expect(page.getByTestId('nav-users')).toBeVisible();
  await expect(page.getByTestId('nav-audit')).toBeVisible();
  await shoot('04-home');

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-table')).toContainText('初始化数据库');
  await expect(page.getByTestId('audit-table')).toContainText('创建账户');
  await shoot('05-audit');

  // Lock, a wrong passphrase (error shown), then the right one.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-submit')).toBeVisible();
  await expect(main).toHaveCount(0);
  await shoot('06-unlock');
  await unlock(page, 'not the passphrase at all');
  await expect(page.getByTestId('unlock-error')).toContainText('登录名、口令或恢复码不正确');
  await shoot('07-unlock-error');
  await unlock(page, FIRST_PASSPHRASE);
  await expect(main).toBeVisible();

  // Language: English, Traditional Chinese, back to Simplified Chinese.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await shoot('08-settings');
  await chooseOption(page, page.getByTestId('language-select'), 'English');
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await expect(page.getByTestId('lock-button')).toHaveText(/Lock/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const englishText = await main.innerText();
  for (const chinese of ['设置', '锁定', '概览', '用户管理', '审计日志', '自动锁定', '保存']) {
    expect(englishText, `"${chinese}" left untranslated`).not.toContain(chinese);
  }
  await shoot('09-settings-en');
  await page.getByTestId('nav-home').click();
  await shoot('10-home-en');
  await page.getByTestId('nav-settings').click();
  await chooseOption(page, page.getByTestId('language-select'), '繁體中文');
  await expect(page.getByTestId('nav-settings')).toHaveText('設定');
  await shoot('11-settings-zh-tw');
  await chooseOption(page, page.getByTestId('language-select'), '简体中文');
  await expect(page.getByTestId('nav-settings')).toHaveText('设置');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // Auto-lock after one idle minute.
  await page.getByTestId('settings-autolock').fill('1');
  await page.getByTestId('settings-autolock-save').click();
  await expect(page.getByText('已保存：无操作 1 分钟后自动锁定')).toBeVisible();
  await page.clock.fastForward('00:50');
  await expect(main).toBeVisible();
  await page.clock.fastForward('00:40');
  await expect(page.getByTestId('unlock-submit')).toBeVisible();
  await expect(page.getByTestId('unlock-notice')).toContainText('因长时间无操作');
  await shoot('12-idle-locked');

  // Forgot the passphrase: recovery code (typed sloppily) and a new passphrase.
  await fillRecovery(page, code.toLowerCase().replace(/-/g, ' '), NEW_PASSPHRASE);
  await shoot('13-recover');
  await page.getByTestId('recover-submit').click();

  // A new code, shown once and confirmed; the old one is gone.
  const newCode = await readRecoveryCode(page);
  expect(newCode).not.toEqual(code);
  await shoot('14-new-recovery-code');
  await confirmRecoveryCode(page, newCode);
  await expect(main).toBeVisible();

  // The old passphrase no longer opens the vault; the new one does.
  await page.getByTestId('lock-button').click();
  await unlock(page, FIRST_PASSPHRASE);
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  await unlock(page, NEW_PASSPHRASE);
  await expect(main).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveText(ADMIN.displayName);

  expect(consoleErrors).toEqual([]);
});

test('a user created in 用户管理 replaces the initial passphrase, signs in and sees their role', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => screenshot(page, testInfo, name);
  const member = {
    name: 'lijun',
    displayName: '李军',
    initial: 'Chushi kouling 8421 xunshi',
    own: 'Hongqi manjuan xifeng 7305',
  };
  await page.goto(host.url);
  const code = await completeSetup(page, FIRST_PASSPHRASE);
  await confirmRecoveryCode(page, code);
  await expect(page.getByTestId('main-layout')).toBeVisible();

  // The security administrator opens an account for a group leader.
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('users-table')).toContainText(ADMIN.name);
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-name').fill(member.name);
  await page.getByTestId('user-form-display-name').fill(member.displayName);
  await chooseOption(page, page.getByTestId('user-form-roles'), '组长');
  await page.keyboard.press('Escape');
  await page.getByTestId('user-form-passphrase').fill(member.initial);
  await page.getByTestId('user-form-passphrase-confirm').fill(member.initial);
  await shoot('15-create-user');
  await page.getByTestId('user-form-submit').click();
  const row = page.locator('tr', { hasText: member.name });
  await expect(row).toContainText('组长');
  await expect(row).toContainText(member.displayName);
  await shoot('16-users');

  // The new user signs in and must first replace the passphrase the admin chose.
  await page.getByTestId('lock-button').click();
  await unlock(page, member.initial, member.name);
  await expect(page.getByTestId('change-required-current')).toBeVisible();
  await shoot('17-change-required');
  await page.getByTestId('change-required-current').fill(member.initial);
  await page.getByTestId('change-required-new-passphrase').fill(member.own);
  await page.getByTestId('change-required-new-passphrase-confirm').fill(member.own);
  await page.getByTestId('change-required-submit').click();

  const main = page.getByTestId('main-layout');
  await expect(main).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveText(member.displayName);
  await expect(page.getByTestId('header-roles')).toHaveText('组长');
  await expect(page.getByTestId('home-roles')).toHaveText('组长');
  await expect(page.getByTestId('nav-users')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  await shoot('18-member-home');

  // Next time, the user's own passphrase is what opens it.
  await page.getByTestId('lock-button').click();
  await unlock(page, member.own, member.name);
  await expect(main).toBeVisible();
  await expect(page.getByTestId('header-roles')).toHaveText('组长');

  expect(consoleErrors).toEqual([]);
});

test('account administration: roles kept apart, roles edited, removal, audit paging, throttling', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => screenshot(page, testInfo, name);
  await page.goto(host.url);
  const code = await completeSetup(page, FIRST_PASSPHRASE);
  await confirmRecoveryCode(page, code);
  await expect(page.getByTestId('main-layout')).toBeVisible();

  // Create a liaison; once an inspection role is chosen, system roles are disabled.
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-name').fill('zhaomin');
  await page.getByTestId('user-form-display-name').fill('赵敏');
  await chooseOption(page, page.getByTestId('user-form-roles'), '联络员');
  const systemOption = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '安全审计员' });
  await expect(systemOption).toHaveClass(/ant-select-item-option-disabled/);
  await shoot('19-roles-kept-apart');
  await page.keyboard.press('Escape');
  await page.getByTestId('user-form-passphrase').fill('Baiyun cangshan 5521 yuan');
  await page.getByTestId('user-form-passphrase-confirm').fill('Baiyun cangshan 5521 yuan');
  await page.getByTestId('user-form-submit').click();
  const row = page.locator('tr', { hasText: 'zhaomin' });
  await expect(row).toContainText('联络员');
  await expect(page.getByTestId('user-must-change-zhaomin')).toBeVisible();

  // The security administrator edits the roles.
  await page.getByTestId('user-edit-roles-zhaomin').click();
  await chooseOption(page, page.getByTestId('roles-form-roles'), '组员');
  await page.keyboard.press('Escape');
  await shoot('20-edit-roles');
  await page.getByTestId('roles-form-submit').click();
  await expect(row).toContainText('组员');
  await expect(row).toContainText('联络员');

  // Removal asks first, then the account is gone.
  await page.getByTestId('user-remove-zhaomin').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '删 除' }).click();
  await expect(row).toHaveCount(0);

  // Enough audit entries for a second page: load more.
  for (let i = 0; i < 55; i += 1) {
    await page.evaluate(`window.mingjing['settings:setAutoLock']({ minutes: ${(i % 30) + 5} })`);
  }
  await page.getByTestId('nav-audit').click();
  const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('audit-table')).toContainText('设置自动锁定');
  await shoot('21-audit-page-one');
  await page.getByTestId('audit-load-more').click();
  // 2 at setup, create + roles + remove, 55 auto-lock changes.
  await expect(rows).toHaveCount(60);
  await expect(page.getByTestId('audit-load-more')).toHaveCount(0);
  await expect(page.getByTestId('audit-table')).toContainText('删除账户');
  await expect(page.getByTestId('audit-table')).toContainText('联络员 → 联络员、组员');

  // Repeated failures are throttled, and the wait is shown in seconds. Three attempts are
  // free; from then on each failure doubles the wait. An attempt that arrives after the
  // wait has run out (a slow machine) is one more failure with a longer wait, so try until
  // one falls inside it, waiting for each answer (never for a fixed time).
  await page.getByTestId('lock-button').click();
  const unlockError = page.getByTestId('unlock-error');
  const THROTTLED = /请在 \d+ 秒后重试/;
  let failures = 0;
  for (;;) {
    await unlock(page, `wrong passphrase ${failures}`);
    // The alert is cleared while an attempt runs: this is the answer to this attempt.
    await expect(unlockError).toContainText(new RegExp(`${THROTTLED.source}|已连续失败 ${failures + 1} 次`));
    if (THROTTLED.test(await unlockError.innerText())) break;
    failures += 1;
    expect(failures).toBeLessThan(10);
  }
  expect(failures, 'three attempts are free').toBeGreaterThanOrEqual(3);
  await shoot('22-throttled');

  expect(consoleErrors).toEqual([]);
});
