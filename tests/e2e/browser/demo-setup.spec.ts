import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode, unlock } from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

const DEMO_LEADER = 'yanshi_zuzhang';
const OWN_PASSPHRASE = 'Yanshi zuzhang 2026 ziji';

test('setup offers demo data only when asked, with a warning, and the demo leader works in it', async ({
  page,
  consoleErrors,
  host,
}, testInfo) => {
  test.setTimeout(240_000);
  const shoot = (name: string) => screenshot(page, testInfo, `demo-${name}`);
  await page.goto(host.url);
  await fillSetup(page, FIRST_PASSPHRASE);
  const demo = page.getByTestId('setup-demo');
  await expect(demo).not.toBeChecked();
  await expect(page.getByTestId('setup-demo-warning')).toHaveCount(0);
  await demo.check();
  await expect(page.getByTestId('setup-demo-warning')).toContainText('不是真实数据');
  await shoot('01-setup-chosen');
  await page.getByTestId('setup-submit').click();

  // With the recovery code: the demo accounts, marked as demo data.
  await expect(page.getByTestId('setup-demo-done')).toContainText('非真实数据');
  await expect(page.getByTestId('setup-demo-accounts')).toContainText(`演示组长（${DEMO_LEADER}）`);
  const code = await readRecoveryCode(page);
  await shoot('02-recovery-with-demo');
  await confirmRecoveryCode(page, code.split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();

  // The demo leader signs in with the administrator's passphrase and must replace it first.
  await page.getByTestId('lock-button').click();
  await unlock(page, FIRST_PASSPHRASE, () =>
    chooseOption(page, page.getByTestId('unlock-user'), DEMO_LEADER),
  );
  await page.getByTestId('change-required-current').fill(FIRST_PASSPHRASE);
  await page.getByTestId('change-required-new-passphrase').fill(OWN_PASSPHRASE);
  await page.getByTestId('change-required-new-passphrase-confirm').fill(OWN_PASSPHRASE);
  await page.getByTestId('change-required-submit').click();
  await expect(page.getByTestId('main-layout')).toBeVisible();

  // Two demo cases, both the leader's; one of them has its intake ledger filled.
  const selector = page.getByTestId('case-selector');
  await selector.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveCount(2);
  await options.first().click();
  await page.getByTestId('nav-intake').click();
  await expect(page.getByTestId('intake-total')).toContainText('30');
  await shoot('03-demo-intake');
  await page.getByTestId('nav-search').click();
  // Every generated complaint 反映s something; a hit opens its intake item.
  await page.getByTestId('search-query').fill('反映');
  await page.getByTestId('search-submit').click();
  const intakeHit = page.locator('[data-testid="search-hit"][data-hit-type="intake"]').first();
  await expect(intakeHit).toBeVisible();
  const number = (await intakeHit.getByTestId('search-hit-open').innerText()).split(' ')[0]!;
  await intakeHit.getByTestId('search-hit-open').click();
  await expect(page.getByTestId('intake-page')).toBeVisible();
  await expect(page.getByTestId('intake-drawer')).toContainText(number);
  await shoot('04-search-opens-intake');
  expect(consoleErrors).toEqual([]);
});
