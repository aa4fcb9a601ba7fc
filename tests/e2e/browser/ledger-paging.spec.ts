import type { Locator, Page } from '@playwright/test';
import { createRouter } from '../../../electron/core/router';
import { seedVault } from '../../../electron/core/search/seed/seed-vault';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { IntakeItem, Lead } from '../../../shared/contracts/intake-leads';
import type { TestHost } from '../host/host';
import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode } from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

/**
 * The paged ledgers in the real UI: a case of 130 intake items and 70 leads (the
 * seed generator, through the core's channels), then filters, sorts, page sizes,
 * a virtual page of 200 rows scrolled to its end, and the totals, checked against
 * the whole ledger read from the core.
 */

const LEADER = { name: 'zuzhang', displayName: '王组长', passphrase: 'Xunshi-Ceshi-2026!' };
const INTAKE = 130;
const LEADS = 70;

/** Calls the core in this process, as whoever is signed in (the page shares the session). */
function core(host: TestHost) {
  const router = createRouter(host.core);
  return async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const env = await router(channel, input);
    if (!env.ok) throw new Error(`${channel}: ${env.error.code}`);
    return env.value as ChannelOutput<C>;
  };
}

async function setUp(page: Page, host: TestHost) {
  await page.goto(host.url);
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  await confirmRecoveryCode(page, (await readRecoveryCode(page)).split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
  const call = core(host);
  await call('users:create', {
    name: LEADER.name,
    displayName: LEADER.displayName,
    roles: ['group_leader'],
    passphrase: `${LEADER.passphrase}0`,
  });
  await call('session:unlock', { userName: LEADER.name, passphrase: `${LEADER.passphrase}0` });
  await call('session:changePassphrase', { current: `${LEADER.passphrase}0`, next: LEADER.passphrase });
  await call('session:unlock', { userName: LEADER.name, passphrase: LEADER.passphrase });
  await seedVault(host.core, { units: 12, persons: 80, cases: 1, intake: INTAKE, leads: LEADS }, 7);
  const [kase] = await call('cases:list', {});
  const intake = await call('intake:list', { caseId: kase!.id });
  const leads = await call('leads:list', { caseId: kase!.id });
  // The page follows the core's session: the group leader, signed in.
  await page.reload();
  await expect(page.getByTestId('main-layout')).toBeVisible();
  const label = `${kase!.code} ${kase!.unitName}`;
  const selector = page.getByTestId('case-selector');
  await expect(async () => {
    await chooseOption(page, selector, label);
    await expect(selector).toContainText(label, { timeout: 1000 });
  }).toPass();
  return { intake, leads };
}

const pagerText = (page: Page, table: string) =>
  page.getByTestId(`${table}-pager`).locator('.ant-pagination-total-text');
const rows = (page: Page, table: string) => page.getByTestId(table).locator('.ant-table-row');

/** Ticks options of a multiple select by their labels, then closes it. */
async function pick(page: Page, select: Locator, labels: string[]) {
  await select.click();
  for (const label of labels) {
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
  }
  await page.keyboard.press('Escape');
}

async function pageSize(page: Page, table: string, size: number) {
  await page.getByTestId(`${table}-pager`).locator('.ant-pagination-options .ant-select').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${size} 条/页"]`).click();
}

const countText = (n: number) => `共 ${n.toLocaleString()} 条`;
/** Ties keep the ledger's order: the number's sequence. */
const seq = (r: { number: string }) => Number(r.number.slice(-4));

test('ledger pages: filters, sorts, page sizes and a virtual page of 200, intake and leads', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(240_000);
  const shoot = (name: string) => screenshot(page, testInfo, `ledger-${name}`);
  const { intake, leads } = await setUp(page, host);
  expect(intake).toHaveLength(INTAKE);

  // The intake ledger: 130 items, 50 a page, newest number first.
  await page.getByTestId('nav-intake').click();
  await expect(page.getByTestId('intake-total')).toHaveText(countText(INTAKE));
  await expect(pagerText(page, 'intake-table')).toHaveText(`第 1–50 条，共 ${INTAKE} 条`);
  await expect(rows(page, 'intake-table').first()).toContainText(intake[0]!.number);
  await shoot('01-intake-first-page');

  // Page 3 of 50: items 101–130.
  await page.getByTestId('intake-table-pager').locator('.ant-pagination-item-3').click();
  await expect(pagerText(page, 'intake-table')).toHaveText(`第 101–130 条，共 ${INTAKE} 条`);
  await expect(rows(page, 'intake-table').first()).toContainText(intake[100]!.number);

  // Sort by received date, oldest first: back to page 1.
  await page.getByTestId('intake-table').locator('th', { hasText: '收件日期' }).click();
  const byReceived = [...intake].sort(
    (a, b) => a.receivedDate.localeCompare(b.receivedDate) || seq(a) - seq(b),
  );
  const oldest = byReceived[0]!;
  await expect(pagerText(page, 'intake-table')).toHaveText(`第 1–50 条，共 ${INTAKE} 条`);
  await expect(rows(page, 'intake-table').first()).toContainText(oldest.receivedDate);

  // Filter: calls and visits that are still open.
  const callsAndVisits = intake.filter(
    (i: IntakeItem) => (i.channel === 'call' || i.channel === 'visit') && i.status === 'open',
  );
  await pick(page, page.getByTestId('intake-filter-channel'), ['来电', '来访']);
  await pick(page, page.getByTestId('intake-filter-status'), ['办理中']);
  await expect(page.getByTestId('intake-total')).toHaveText(countText(callsAndVisits.length));
  for (const text of await rows(page, 'intake-table').allInnerTexts()) expect(text).toMatch(/来电|来访/);
  await shoot('02-intake-filtered');

  // A search on the summary, on top of the filters, then a reset.
  const word = '津贴';
  const withWord = callsAndVisits.filter((i) => i.summary.includes(word) || i.number.includes(word));
  await page.getByTestId('intake-filter-text').fill(word);
  await page.getByTestId('intake-filter-text').press('Enter');
  await expect(page.getByTestId('intake-total')).toHaveText(countText(withWord.length));
  await page.getByTestId('intake-reset').click();
  await expect(page.getByTestId('intake-total')).toHaveText(countText(INTAKE));
  await expect(page.getByTestId('intake-filter-text')).toHaveValue('');

  // 200 a page: one virtual page holds every item; scrolled to its end, the last row shows.
  await pageSize(page, 'intake-table', 200);
  await expect(pagerText(page, 'intake-table')).toHaveText(`第 1–${INTAKE} 条，共 ${INTAKE} 条`);
  // Only the rows in view are in the page: the table is virtual.
  expect(await rows(page, 'intake-table').count()).toBeLessThan(INTAKE);
  // Still sorted oldest first: the newest item closes the page. Scrolled again until it
  // shows: the virtual list may still be measuring its rows when the first scroll lands.
  await expect(async () => {
    await page
      .getByTestId('intake-table')
      .locator('.ant-table-tbody-virtual-holder')
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.getByTestId(`intake-open-${byReceived.at(-1)!.number}`)).toBeVisible({
      timeout: 1_000,
    });
  }).toPass();
  await expect(page.getByTestId(`intake-open-${oldest.number}`)).toBeHidden();
  await shoot('03-intake-200-scrolled');

  // Overdue only: every row carries the red mark (the seed's dates are long past).
  await page.getByTestId('intake-filter-overdue').click();
  const overdue = await core(host)('intake:page', { caseId: intake[0]!.caseId, overdueOnly: true });
  expect(overdue.total).toBeGreaterThan(0);
  await expect(page.getByTestId('intake-total')).toHaveText(countText(overdue.total));
  await expect(rows(page, 'intake-table').first().getByTestId('intake-overdue-tag')).toBeVisible();

  // The lead ledger: integrity leads still registered, deadline soonest first.
  await page.getByTestId('nav-leads').click();
  await expect(page.getByTestId('leads-total')).toHaveText(countText(leads.length));
  const registered = leads
    .filter((l: Lead) => l.discipline === 'integrity' && l.status === 'registered')
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '') || seq(a) - seq(b));
  expect(registered.length).toBeGreaterThan(1);
  await pick(page, page.getByTestId('leads-filter-category'), ['廉洁纪律']);
  await pick(page, page.getByTestId('leads-filter-status'), ['已登记']);
  await page.getByTestId('leads-table').locator('th', { hasText: '期限' }).click();
  await expect(page.getByTestId('leads-total')).toHaveText(countText(registered.length));
  await expect(rows(page, 'leads-table').first()).toContainText(registered[0]!.number);
  await expect(rows(page, 'leads-table').first()).toContainText(registered[0]!.deadline!);
  // Descending: the latest deadline first.
  await page.getByTestId('leads-table').locator('th', { hasText: '期限' }).click();
  await expect(rows(page, 'leads-table').first()).toContainText(registered.at(-1)!.deadline!);
  await shoot('04-leads-filtered');

  // 20 a page, page 2.
  await page.getByTestId('leads-reset').click();
  await pageSize(page, 'leads-table', 20);
  await page.getByTestId('leads-table-pager').locator('.ant-pagination-item-2').click();
  await expect(pagerText(page, 'leads-table')).toHaveText(`第 21–40 条，共 ${leads.length} 条`);
  // Reset clears the filters, not the sort: latest deadline first, rows without one before all.
  const byDeadline = [...leads].sort(
    (a, b) => (b.deadline ?? '9999-12-31').localeCompare(a.deadline ?? '9999-12-31') || seq(b) - seq(a),
  );
  await expect(rows(page, 'leads-table').first()).toContainText(byDeadline[20]!.number);
  await shoot('05-leads-page-2');
  expect(consoleErrors).toEqual([]);
});

test('ledger pages read in English', async ({ page, host, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
  await setUp(page, host);
  await page.getByTestId('nav-intake').click();
  await core(host)('prefs:setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('main-layout')).toBeVisible();
  const selector = page.getByTestId('case-selector');
  await expect(async () => {
    await selector.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await expect(selector).not.toBeEmpty({ timeout: 1000 });
  }).toPass();
  await page.getByTestId('nav-leads').click();
  await expect(page.getByTestId('leads-total')).toHaveText(`${LEADS} in all`);
  await page.getByTestId('leads-filter-overdue').click();
  await expect(page.getByTestId('leads-filters')).toContainText('Overdue only');
  await screenshot(page, testInfo, 'ledger-06-leads-en');
  await page.getByTestId('nav-intake').click();
  await expect(page.getByTestId('intake-total')).toHaveText(`${INTAKE} in all`);
  await screenshot(page, testInfo, 'ledger-07-intake-en');
  expect(consoleErrors).toEqual([]);
});
