import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACCOUNTS, PASS, setupCaseVault } from '../../helpers/case-fixture';
import { joinImportedCase, ship } from '../../helpers/replication-offices';
import { value } from '../../helpers/temp-vault';
import { unlock } from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

/**
 * 数据冲突 in the browser: office B (the host's vault) received a lead from office A,
 * both edited its summary and deadline concurrently, and A's edits arrived at B. The
 * group leader sees the conflict, compares the values side by side, picks one value
 * for the deadline and types a merged summary; the conflict is gone and the lead shows
 * the merged text. Data is set up through the core before the browser opens the vault.
 */
const MARKUP = '<b>加粗</b><script>window.__pwned=1</script>';

async function conflictInVault(dataDir: string, elsewhere: string): Promise<string> {
  const a = await setupCaseVault(elsewhere);
  const b = await setupCaseVault(dataDir);
  await a.as('leader');
  const lead = value(
    await a.call('leads:create', {
      caseId: a.caseId,
      receivedDate: '2026-05-12',
      summary: '公路管理处违规发放津贴补贴',
      subjects: [{ personId: a.personIds.clerk }],
      sources: [{ kind: 'talk' }],
    }),
  );
  ship(a, b);
  await joinImportedCase(b, a.caseId);
  await a.as('leader');
  value(
    await a.call('leads:edit', {
      id: lead.id,
      summary: `公路管理处财务科违规发放津贴补贴 ${MARKUP}`,
      deadline: '2026-07-01',
    }),
  );
  await b.as('leader');
  value(
    await b.call('leads:edit', {
      id: lead.id,
      summary: '公路管理处年底违规发放津贴',
      deadline: '2026-08-15',
    }),
  );
  ship(a, b);
  a.core.lock('manual');
  b.core.lock('manual');
  return lead.id;
}

test('the group leader compares concurrent values and resolves them by pick and by merge', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'mingjing-e2e-a-'));
  try {
    const leadId = await conflictInVault(host.dataDir, elsewhere);
    await page.goto(host.url);
    await unlock(page, PASS, () => chooseOption(page, page.getByTestId('unlock-user'), ACCOUNTS.leader.name));
    // The lead's own drawer says it holds a conflict.
    const selector = page.getByTestId('case-selector');
    await expect(async () => {
      await chooseOption(page, selector, '2026-1-01 某市交通运输局');
      await expect(selector).toContainText('2026-1-01 某市交通运输局', { timeout: 1000 });
    }).toPass();
    await page.getByTestId('nav-leads').click();
    await page.getByTestId('lead-open-2026-线-0001').click();
    await expect(page.getByTestId('record-conflict-notice')).toContainText('摘要');
    await screenshot(page, testInfo, 'conflicts-00-lead-notice');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-conflicts').click();
    await expect(page.getByTestId('conflicts-page')).toBeVisible();
    const table = page.getByTestId('conflicts-table');
    await expect(table.getByText('问题线索')).toBeVisible();
    await expect(table.getByText('摘要')).toBeVisible();
    await expect(table.getByText('办理期限')).toBeVisible();
    await screenshot(page, testInfo, 'conflicts-01-list');

    await page.getByTestId(`conflict-open-${leadId}`).click();
    const drawer = page.getByTestId('conflict-drawer');
    await expect(drawer.getByTestId('conflict-field-summary')).toBeVisible();
    // Markup in a value is shown as characters.
    await expect(drawer.getByText(MARKUP, { exact: false }).first()).toBeVisible();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await expect(drawer.getByText('当前显示')).toHaveCount(2);
    await screenshot(page, testInfo, 'conflicts-02-drawer');

    // Merged text is required.
    await drawer.getByTestId('conflict-merged-summary').fill('  ');
    await drawer.getByTestId('conflict-save-merged-summary').click();
    await expect(drawer.getByText('请输入合并后的内容')).toBeVisible();
    await screenshot(page, testInfo, 'conflicts-03-merged-required');

    // Pick B's deadline, then merge the summary.
    const deadline = drawer.getByTestId('conflict-field-deadline');
    await deadline
      .getByText('2026-08-15')
      .locator('xpath=ancestor::div[contains(@class,"ant-card")][1]')
      .getByRole('button')
      .click();
    await expect(drawer.getByTestId('conflict-field-deadline')).toHaveCount(0);
    await drawer.getByTestId('conflict-merged-summary').fill('公路管理处财务科年底违规发放津贴补贴');
    await drawer.getByTestId('conflict-save-merged-summary').click();
    await expect(drawer.getByTestId('conflict-all-resolved')).toBeVisible();
    await screenshot(page, testInfo, 'conflicts-04-resolved');

    await page.keyboard.press('Escape');
    await expect(page.getByText('没有待处理的数据冲突')).toBeVisible();
    await screenshot(page, testInfo, 'conflicts-05-empty');
    expect(consoleErrors).toEqual([]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
