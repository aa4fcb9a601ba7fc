import { MingjingCore } from '../../../electron/core/mingjing-core';
import { seedVault } from '../../../electron/core/search/seed/seed-vault';
import { activateUser, FAST_KDF, setupVault, value } from '../../helpers/temp-vault';
import { unlock } from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

const LEADER = {
  name: 'zhaoqiang',
  displayName: '赵强',
  initial: 'Chushi-mima-2026-y',
  own: 'Zuzhang-mima-2026-z',
};

/** A vault with a group leader and seeded demo data, written through the core before the browser opens it. */
async function seededVault(dataDir: string): Promise<void> {
  const admin = await setupVault(dataDir);
  value(
    await admin.call('users:create', {
      name: LEADER.name,
      displayName: LEADER.displayName,
      roles: ['group_leader'],
      passphrase: LEADER.initial,
    }),
  );
  value(await admin.call('session:lock', {}));
  await activateUser(dataDir, LEADER.name, LEADER.initial, LEADER.own);
  const core = new MingjingCore({ dataDir, osLocale: 'zh-CN', kdfCost: FAST_KDF });
  await core.handlers['session:unlock']({ userName: LEADER.name, passphrase: LEADER.own });
  await seedVault(core, { units: 60, persons: 300, cases: 2, intake: 120, leads: 60 });
  core.lock('manual');
}

test('search finds seeded records by a two-character query, highlights and filters them', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  await seededVault(host.dataDir);
  await page.goto(host.url);
  await unlock(page, LEADER.own, () => chooseOption(page, page.getByTestId('unlock-user'), LEADER.name));
  await page.getByTestId('nav-search').click();
  await expect(page.getByTestId('search-idle')).toBeVisible();
  await screenshot(page, testInfo, 'search-01-idle');

  // Checked in the form before the core is asked.
  await page.getByTestId('search-query').fill('津');
  await page.getByTestId('search-submit').click();
  await expect(page.getByText('检索词至少 2 个字')).toBeVisible();
  await screenshot(page, testInfo, 'search-02-too-short');

  await page.getByTestId('search-query').fill('津贴');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toContainText('条结果');
  const hits = page.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toHaveText('津贴');
  await screenshot(page, testInfo, 'search-03-results');

  await chooseOption(page, page.getByTestId('search-types'), '问题线索');
  await page.getByTestId('search-query').click();
  await page.getByTestId('search-submit').click();
  await expect(page.locator('[data-testid="search-hit"][data-hit-type="intake"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="search-hit"][data-hit-type="lead"]').first()).toBeVisible();
  await screenshot(page, testInfo, 'search-04-leads-only');

  await page.getByTestId('search-query').fill('火星基地');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await screenshot(page, testInfo, 'search-05-empty');

  expect(consoleErrors).toEqual([]);
});
