import type { Page } from '@playwright/test';
import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode, unlock } from '../journey-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

const LEADER = {
  name: 'zhangwei',
  displayName: '张伟',
  initial: 'Chushi kouling 2026 zuzhang',
  own: 'Qiuyue chunhua 8812 zhang',
};

/** Picks a date in an antd DatePicker by typing it. */
async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Set up the vault, open a group leader's account and sign in as that leader. */
async function signInAsLeader(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-office')).toBeVisible();
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  const code = await readRecoveryCode(page);
  await confirmRecoveryCode(page, code);
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-name').fill(LEADER.name);
  await page.getByTestId('user-form-display-name').fill(LEADER.displayName);
  await chooseOption(page, page.getByTestId('user-form-roles'), '组长');
  await page.keyboard.press('Escape');
  await page.getByTestId('user-form-passphrase').fill(LEADER.initial);
  await page.getByTestId('user-form-passphrase-confirm').fill(LEADER.initial);
  await page.getByTestId('user-form-submit').click();
  await expect(page.locator('tr', { hasText: LEADER.name })).toBeVisible();
  await page.getByTestId('lock-button').click();
  await unlock(page, LEADER.initial, () => chooseOption(page, page.getByTestId('unlock-user'), LEADER.name));
  await page.getByTestId('change-required-current').fill(LEADER.initial);
  await page.getByTestId('change-required-new-passphrase').fill(LEADER.own);
  await page.getByTestId('change-required-new-passphrase-confirm').fill(LEADER.own);
  await page.getByTestId('change-required-submit').click();
  await expect(page.getByTestId('main-layout')).toBeVisible();
}

async function createPerson(page: Page, name: string, unit: string, post: string, leader: boolean) {
  await page.getByTestId('person-create').click();
  await page.getByTestId('person-form-name').fill(name);
  await chooseOption(page, page.getByTestId('person-form-unit'), unit);
  await page.getByTestId('person-form-post').fill(post);
  if (leader) await page.getByTestId('person-form-leadership').check();
  await page.getByTestId('person-form-submit').click();
  await expect(page.getByTestId('persons-table')).toContainText(name);
}

async function addInspector(page: Page, label: string, background: string) {
  await page.getByTestId('inspector-create').click();
  await chooseOption(page, page.getByTestId('inspector-form-person'), label);
  await chooseOption(page, page.getByTestId('inspector-form-bg'), background);
  await page.keyboard.press('Escape');
  await page.getByTestId('inspector-form-submit').click();
}

test('units, persons, pool, a case and its group with a recusal conflict overridden with a reason', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => screenshot(page, testInfo, `reference-${name}`);
  await page.goto(host.url);
  await signInAsLeader(page);

  // Units: a parent body and the inspected unit under it.
  await page.getByTestId('nav-units').click();
  for (const [name, parent] of [
    ['某市人民政府', null],
    ['某市住房和城乡建设局', '某市人民政府'],
    ['某市审计局', '某市人民政府'],
  ] as const) {
    await page.getByTestId('unit-create').click();
    await page.getByTestId('unit-form-name').fill(name);
    if (parent) {
      await page.locator('.ant-modal .ant-select-tree-select, .ant-modal .ant-tree-select').first().click();
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: parent }).first().click();
    }
    await shoot('unit-form');
    await page.getByTestId('unit-form-submit').click();
    await expect(page.getByTestId('units-table')).toContainText(name);
  }
  await expect(page.getByTestId('unit-tree')).toContainText('某市住房和城乡建设局');
  await shoot('units');

  // Persons: the bureau's director (leadership), two future inspectors.
  await page.getByTestId('nav-persons').click();
  await createPerson(page, '周国强', '某市住房和城乡建设局', '局长', true);
  await createPerson(page, '陈丽', '某市审计局', '副局长', false);
  await createPerson(page, '刘洋', '某市审计局', '科长', false);
  await page.getByTestId('person-open-陈丽').click();
  await expect(page.getByTestId('person-drawer')).toBeVisible();
  await expect(page.getByTestId('record-history')).toContainText('新建人员');
  await shoot('persons-detail');
  await page.keyboard.press('Escape');
  await shoot('persons');

  // The unit's detail shows its leadership and history.
  await page.getByTestId('nav-units').click();
  await page.getByTestId('unit-open-某市住房和城乡建设局').click();
  await expect(page.getByTestId('unit-leaders')).toContainText('周国强');
  await expect(page.getByTestId('record-history')).toContainText('新建单位');
  await shoot('unit-detail');
  await page.keyboard.press('Escape');

  // Inspector pool: two inspectors, one declaring a spouse relation with the director.
  await page.getByTestId('nav-pool').click();
  await addInspector(page, '陈丽 (某市审计局)', '审计');
  await expect(page.getByTestId('pool-table')).toContainText('陈丽');
  await addInspector(page, '刘洋 (某市审计局)', '财务');
  await expect(page.getByTestId('pool-table')).toContainText('刘洋');
  await page.getByTestId('inspector-open-陈丽').click();
  await chooseOption(page, page.getByTestId('relation-form-type'), '夫妻');
  await chooseOption(page, page.getByTestId('relation-form-person'), '周国强 (某市住房和城乡建设局)');
  await page.getByTestId('relation-form-submit').click();
  await expect(page.getByTestId('inspector-relations')).toContainText('周国强');
  await shoot('pool-detail');
  await page.keyboard.press('Escape');
  await shoot('pool');

  // A round and a case for the bureau.
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('round-create').click();
  await page.getByTestId('round-form-name').fill('2026年第一轮巡察');
  await page.getByTestId('round-form-submit').click();
  await expect(page.getByTestId('rounds-table')).toContainText('2026年第一轮巡察');
  await page.getByTestId('case-create').click();
  await chooseOption(page, page.getByTestId('case-form-round'), '2026年第一轮巡察');
  await chooseOption(page, page.getByTestId('case-form-unit'), '某市住房和城乡建设局');
  await page.getByTestId('case-form-code').fill('2026-1-03');
  await page.getByTestId('case-form-group').fill('第三巡察组');
  await pickDate(page, 'case-form-plannedStart', '2026-03-10');
  await pickDate(page, 'case-form-plannedEnd', '2026-03-01');
  await page.getByTestId('case-form-submit').click();
  await expect(page.getByText('结束日期不能早于开始日期')).toBeVisible();
  await pickDate(page, 'case-form-plannedEnd', '2026-05-10');
  await shoot('case-form');
  await page.getByTestId('case-form-submit').click();
  await expect(page.getByTestId('cases-table')).toContainText('2026-1-03');
  // Not in its group: the case is listed, but its content (and choosing it to work on) is not for them.
  await expect(page.getByTestId('cases-table')).toContainText('未加入');
  await expect(page.getByTestId('case-select-2026-1-03')).toHaveCount(0);
  await shoot('cases');

  // The spouse as deputy: the conflict with its rule and evidence; refused without a reason.
  await page.getByTestId('case-open-2026-1-03').click();
  await chooseOption(page, page.getByTestId('member-form-inspector'), '陈丽');
  await chooseOption(page, page.getByTestId('member-form-role'), '副组长');
  const conflict = page.getByTestId('recusal-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('与该单位领导有亲属、师生、同学、上下级或长期同事关系');
  await expect(conflict).toContainText('与该单位领导 周国强 为夫妻关系');
  await page.getByTestId('member-form-submit').click();
  await expect(page.getByText('存在回避情形，必须填写理由')).toBeVisible();
  await shoot('recusal-conflict');
  await page
    .getByTestId('member-form-reason')
    .fill('经组务会研究，该同志仅负责审计资料调阅，不参与涉及周国强的谈话。');
  await page.getByTestId('member-form-submit').click();
  const members = page.getByTestId('case-members');
  await expect(members).toContainText('陈丽');
  await expect(members).toContainText('副组长');
  await expect(page.getByTestId('member-override')).toBeVisible();
  await expect(page.getByTestId('record-history')).toContainText('说明理由后配备组员');
  await expect(page.getByTestId('record-history')).toContainText('仅负责审计资料调阅');

  // The conflict-free inspector is suggested and added without a reason.
  await page.getByTestId('member-suggest').click();
  await expect(page.getByTestId('member-suggestions')).toContainText('刘洋');
  await chooseOption(page, page.getByTestId('member-form-inspector'), '刘洋');
  await expect(page.getByTestId('recusal-clear')).toBeVisible();
  await page.getByTestId('member-form-submit').click();
  await expect(members).toContainText('刘洋');
  await shoot('case-detail');

  // Office rules: the group leader edits a warning threshold; the recusal rules are data.
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-rules').click();
  await expect(page.getByTestId('rules-page')).toBeVisible();
  await shoot('rules-deadlines');
  await page.getByRole('tab', { name: '预警阈值' }).click();
  await page.getByTestId('rule-greenDays').fill('30');
  await page.getByTestId('rule-save-warnings').click();
  await expect(page.getByText('规则已保存')).toBeVisible();
  await page.getByRole('tab', { name: '回避规则' }).click();
  await expect(page.locator('input[value="与该单位领导有夫妻或直系血亲关系"]')).toBeVisible();
  await shoot('rules-recusal');

  expect(consoleErrors).toEqual([]);
});
