import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode, unlock } from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';
import { api } from './case-steps';

const PASS = 'Xunshi-Ceshi-2026!';
const CASE_LABEL = '2026-1-01 某市交通运输局';
const USERS = [
  { name: 'zuzhang', displayName: '王组长', roles: ['group_leader'], groupRole: 'leader' },
  { name: 'zuyuan', displayName: '孙组员', roles: ['member'], groupRole: 'member' },
  { name: 'xinfang', displayName: '钱信访', roles: ['intake_officer'], groupRole: 'intake_officer' },
];

/** Calls a channel through the page's bridge (setup only: accounts and the case). */
/** Accounts, then a unit, round and case (whose group holds the three accounts) created by the group leader. */
async function prepare(page: Page): Promise<void> {
  for (const { groupRole: _role, ...u } of USERS)
    await api(page, 'users:create', { ...u, passphrase: `${PASS}0` });
  const ids: Record<string, string> = {};
  for (const u of USERS) {
    const info = await api<{ user: { id: string } }>(page, 'session:unlock', {
      userName: u.name,
      passphrase: `${PASS}0`,
    });
    ids[u.name] = info.user.id;
    await api(page, 'session:changePassphrase', { current: `${PASS}0`, next: PASS });
  }
  await api(page, 'session:unlock', { userName: 'zuzhang', passphrase: PASS });
  const unit = await api<{ id: string }>(page, 'units:save', {
    name: '某市交通运输局',
    unitType: 'party_government',
  });
  const round = await api<{ id: string }>(page, 'rounds:save', {
    name: '2026年第一轮巡察',
    year: 2026,
    sequence: 1,
  });
  const kase = await api<{ id: string }>(page, 'cases:save', {
    roundId: round.id,
    unitId: unit.id,
    code: '2026-1-01',
    groupName: '第二巡察组',
    phase: 'stationed',
  });
  // Case content is for its group: each account joins as an inspector linked to it.
  for (const u of USERS) {
    const person = await api<{ id: string }>(page, 'persons:save', { name: u.displayName });
    const inspector = await api<{ id: string }>(page, 'pool:save', {
      personId: person.id,
      backgrounds: ['discipline'],
    });
    await api(page, 'cases:addMember', {
      caseId: kase.id,
      inspectorId: inspector.id,
      groupRole: u.groupRole,
      userId: ids[u.name],
    });
  }
  await api(page, 'session:lock', {});
  await page.reload();
}

async function signIn(page: Page, userName: string): Promise<void> {
  const lock = page.getByTestId('lock-button');
  if (await lock.isVisible().catch(() => false)) {
    // Close any open drawer first: its mask covers the header.
    for (
      let i = 0;
      i < 3 && (await page.locator('.ant-drawer-open, .ant-modal-wrap:visible').count()) > 0;
      i++
    ) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
    }
    await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
    await lock.click();
  }
  await unlock(page, PASS, () => chooseOption(page, page.getByTestId('unlock-user'), userName));
  await expect(page.getByTestId('main-layout')).toBeVisible();
  // The header's case picker: the case that intake, leads and the board work on.
  const selector = page.getByTestId('case-selector');
  await expect(async () => {
    await chooseOption(page, selector, CASE_LABEL);
    await expect(selector).toContainText(CASE_LABEL, { timeout: 1000 });
  }).toPass();
}

async function registerIntake(page: Page, channel: string, summary: string, reporter?: [string, string]) {
  await page.getByTestId('intake-create').click();
  await page.getByTestId('intake-form-channel').getByText(channel, { exact: true }).click();
  if (reporter) {
    await page.getByTestId('intake-form-real-name').getByText('实名').click();
    await page.getByTestId('intake-form-reporter-name').fill(reporter[0]);
    await page.getByTestId('intake-form-reporter-contact').fill(reporter[1]);
  }
  await page.getByTestId('intake-form-summary').fill(summary);
  await page.getByTestId('intake-form-content').fill(`${summary}：公路管理处财务科年底违规发放津贴补贴。`);
  // The person reported is not in the reference records: entered by the typed name.
  await page.getByTestId('intake-form-subject-add').click();
  await page.getByTestId('intake-form-subject-0').click();
  await page.keyboard.type('陈晓梅');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="陈晓梅"]').click();
  await page.getByTestId('intake-form-submit').click();
  await expect(page.getByTestId('intake-form-submit')).toBeHidden();
}

async function step(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`lead-action-${action}`).click();
  await fill?.();
  await page.getByTestId('lead-step-submit').click();
}

test('intake and leads: register, create a lead, verify, transfer, overdue board, export', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => screenshot(page, testInfo, `intake-leads-${name}`);
  await page.goto(host.url);
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  await confirmRecoveryCode(page, (await readRecoveryCode(page)).split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
  await prepare(page);

  // The intake officer registers an anonymous letter and a real-name call.
  await signIn(page, 'xinfang');
  await page.getByTestId('nav-intake').click();
  await registerIntake(page, '来信', '反映违规发放津贴');
  await page.getByTestId('intake-create').click();
  await page.getByTestId('intake-form-real-name').getByText('实名').click();
  await shoot('01-intake-form');
  await page.getByRole('button', { name: '取 消' }).click();
  await registerIntake(page, '来电', '来电反映津贴问题', ['李明', '13800001234']);
  await expect(page.getByTestId('intake-table')).toContainText('2026-电-0002');
  await shoot('02-intake-ledger');
  await page.getByTestId('intake-open-2026-电-0002').click();
  await expect(page.getByTestId('intake-reporter')).toContainText('13800001234');
  await shoot('03-intake-detail-officer');

  // A member sees the item without the reporter, registers a lead from both, proposes verification.
  await signIn(page, 'zuyuan');
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-open-2026-电-0002').click();
  await expect(page.getByTestId('intake-reporter-hidden')).toBeVisible();
  await expect(page.getByTestId('intake-drawer')).not.toContainText('13800001234');
  await shoot('04-intake-detail-member');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('leads-create').click();
  await page.getByTestId('lead-form-kinds').getByText('信访举报').click();
  await page.getByTestId('lead-form-intake').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(0).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('lead-form-summary').fill('财务科违规发放津贴补贴');
  // The person reported in both intake items comes along once.
  await expect(page.getByTestId('lead-form-subject-0')).toContainText('陈晓梅');
  await expect(page.getByTestId('lead-form-subject-1')).toHaveCount(0);
  await chooseOption(page, page.getByTestId('lead-form-discipline'), '廉洁纪律');
  await shoot('05-lead-form');
  await page.getByTestId('lead-form-submit').click();
  await page.getByTestId('lead-open-2026-线-0001').click();
  await expect(page.getByTestId('lead-drawer')).toContainText('2026-信-0001');
  await step(page, 'propose', () => chooseOption(page, page.getByTestId('lead-step-disposal'), '初步核实'));
  await expect(page.getByTestId('lead-drawer').getByTestId('lead-status-proposed').first()).toBeVisible();
  await page.getByTestId('lead-action-approve').click();
  await page.getByTestId('lead-step-submit').click();
  await expect(page.getByTestId('lead-step-error')).toContainText('须由组长审批');
  await shoot('06-member-approval-refused');

  // The group leader approves, verification starts, then a transfer is proposed, approved and made.
  await signIn(page, 'zuzhang');
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('lead-open-2026-线-0001').click();
  await step(page, 'approve', () => page.getByTestId('lead-step-note').fill('同意初步核实'));
  await step(page, 'start');
  await step(page, 'propose', () =>
    chooseOption(page, page.getByTestId('lead-step-disposal'), '移交纪委监委'),
  );
  await step(page, 'approve');
  await step(page, 'transfer', () => page.getByTestId('lead-step-receiving-body').fill('市纪委监委'));
  await expect(page.getByTestId('lead-drawer').getByTestId('lead-status-transferred').first()).toBeVisible();
  await expect(page.getByTestId('lead-steps')).toContainText('孙组员');
  await shoot('07-lead-transferred');
  await page.keyboard.press('Escape');

  // The overdue board: the letter has no owner; the real-name call awaits its acknowledgement.
  await page.getByTestId('nav-overdue').click();
  await expect(page.getByTestId('overdue-table')).toContainText('2026-信-0001');
  await shoot('08-overdue-board');

  // Export the lead ledger and read the file back.
  await page.getByTestId('nav-leads').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('leads-export').click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((c) => String(c ?? ''))),
  );
  expect(rows).toHaveLength(2);
  expect(rows[0]!.slice(0, 3)).toEqual(['编号', '来源', '收到日期']);
  expect(rows[1]).toEqual(
    expect.arrayContaining(['2026-线-0001', '陈晓梅', '移交纪委监委', '已移交', '市纪委监委']),
  );
  await shoot('09-leads-ledger');
  expect(consoleErrors).toEqual([]);
});
