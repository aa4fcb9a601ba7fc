import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode, unlock } from '../journey-steps';
import { chooseOption, expect, test } from './fixtures';
import { api } from './case-steps';

/**
 * Editing in the real UI: typed-in ledger numbers (and a refused duplicate), the
 * reported-person picker, editing an intake item and a lead with a reason, removing
 * with a reason, sealing by the group leader; and the reference gaps: a pool entry,
 * an appraisal, a round, the recusal rule sets.
 */
const PASS = 'Xunshi-Ceshi-2026!';
const CASE_LABEL = '2026-1-01 某市交通运输局';
const USERS = [
  { name: 'zuzhang', displayName: '王组长', roles: ['group_leader'], groupRole: 'leader' },
  { name: 'zuyuan', displayName: '孙组员', roles: ['member'], groupRole: 'member' },
  { name: 'xinfang', displayName: '钱信访', roles: ['intake_officer'], groupRole: 'intake_officer' },
];
// Screenshots of this spec go to a folder of its own (SHOTS_DIR), not the shared one.
// Long journeys through several accounts: more time than the default on a busy machine.
test.slow();
const SHOTS = process.env.SHOTS_DIR ?? path.join('test-results', 'editing-shots');

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400);
  const file = path.join(SHOTS, `${name}.png`);
  // The sticky header and sider are drawn where the scroll position puts them.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Accounts; a unit with two persons; a round and a case whose group holds the three accounts. */
async function prepare(page: Page): Promise<void> {
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  await confirmRecoveryCode(page, (await readRecoveryCode(page)).split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
  for (const u of USERS) {
    await api(page, 'users:create', {
      name: u.name,
      displayName: u.displayName,
      roles: u.roles,
      passphrase: `${PASS}0`,
    });
  }
  const ids: Record<string, string> = {};
  for (const u of USERS) {
    ids[u.name] = (
      await api<{ user: { id: string } }>(page, 'session:unlock', {
        userName: u.name,
        passphrase: `${PASS}0`,
      })
    ).user.id;
    await api(page, 'session:changePassphrase', { current: `${PASS}0`, next: PASS });
  }
  await api(page, 'session:unlock', { userName: 'zuzhang', passphrase: PASS });
  const unit = await api<{ id: string }>(page, 'units:save', {
    name: '某市交通运输局',
    unitType: 'party_government',
  });
  const sub = await api<{ id: string }>(page, 'units:save', {
    name: '公路管理处',
    parentId: unit.id,
    unitType: 'party_government',
  });
  await api(page, 'persons:save', {
    name: '张建国',
    unitId: unit.id,
    post: '党组书记、局长',
    managementLevel: 'county',
    isLeadership: true,
  });
  await api(page, 'persons:save', {
    name: '陈晓梅',
    unitId: sub.id,
    post: '财务科科长',
    managementLevel: 'township',
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

async function signIn(page: Page, userName: string, withCase = true): Promise<void> {
  const lock = page.getByTestId('lock-button');
  if (await lock.isVisible().catch(() => false)) {
    for (
      let i = 0;
      i < 3 && (await page.locator('.ant-drawer-open, .ant-modal-wrap:visible').count()) > 0;
      i++
    ) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
    }
    await lock.click();
  }
  await unlock(page, PASS, () => chooseOption(page, page.getByTestId('unlock-user'), userName));
  await expect(page.getByTestId('main-layout')).toBeVisible();
  if (!withCase) return;
  const selector = page.getByTestId('case-selector');
  await expect(async () => {
    await chooseOption(page, selector, CASE_LABEL);
    await expect(selector).toContainText(CASE_LABEL, { timeout: 1000 });
  }).toPass();
}

/** Types into a subject picker and chooses the option with this exact label. */
async function pickSubject(page: Page, testId: string, typed: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

async function fillIntake(page: Page, summary: string, number?: string): Promise<void> {
  await page.getByTestId('intake-create').click();
  if (number) await page.getByTestId('intake-form-number').fill(number);
  await page.getByTestId('intake-form-summary').fill(summary);
  await page.getByTestId('intake-form-content').fill(`${summary}：公路管理处财务科年底违规发放津贴补贴。`);
}

test('intake and leads: numbers, pickers, edits, removals and sealing in the UI', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => shot(page, testInfo, `editing-${name}`);
  await page.goto(host.url);
  await prepare(page);

  // The intake officer copies an item from the paper ledger, picking the person reported.
  await signIn(page, 'xinfang');
  await page.getByTestId('nav-intake').click();
  await fillIntake(page, '反映违规发放津贴', '2026-信-0005');
  await page.getByTestId('intake-form-subject-add').click();
  await page.getByTestId('intake-form-subject-0').click();
  await page.keyboard.type('陈晓');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('财务科科长');
  await shoot('01-intake-form-picker');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="陈晓梅"]').click();
  await expect(page.getByTestId('intake-form-subject-0-post')).toHaveValue('财务科科长');
  // A second row: someone not in the records, entered by the typed name.
  await page.getByTestId('intake-form-subject-add').click();
  await pickSubject(page, 'intake-form-subject-1', '司机老王', '司机老王');
  await page.getByTestId('intake-form-submit').click();
  await expect(page.getByTestId('intake-form-submit')).toBeHidden();
  await expect(page.getByTestId('intake-table')).toContainText('2026-信-0005');

  // The same number again is refused with a translated message; a bad format in the form.
  await fillIntake(page, '重复编号', '2026 信 5');
  await page.getByTestId('intake-form-submit').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('编号只能由文字、数字');
  await page.getByTestId('intake-form-number').fill('2026-信-0005');
  await page.getByTestId('intake-form-submit').click();
  await expect(page.getByTestId('intake-form-error')).toContainText('编号“2026-信-0005”在本项目中已被使用');
  await shoot('02-duplicate-number-refused');
  await page.getByRole('button', { name: '取 消' }).click();

  // Edit the item with a reason; its history shows old → new and the reason.
  await page.getByTestId('intake-open-2026-信-0005').click();
  await expect(page.getByTestId('intake-drawer')).toContainText('陈晓梅');
  await shoot('03-intake-drawer');
  await page.getByTestId('intake-edit').click();
  await expect(page.getByTestId('intake-form-subject-0')).toContainText('陈晓梅');
  await page.getByTestId('intake-form-summary').fill('反映财务科违规发放津贴补贴');
  await page.getByTestId('intake-form-summary').fill('');
  await page.getByTestId('intake-form-submit').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('此项为必填项');
  await page.getByTestId('intake-form-summary').fill('反映财务科违规发放津贴补贴');
  await page.getByTestId('intake-form-reason').fill('核对原件后更正摘要');
  await shoot('04-intake-edit-form');
  await page.getByTestId('intake-form-submit').click();
  await expect(page.getByTestId('intake-form-submit')).toBeHidden();
  await page.getByTestId('intake-drawer').getByRole('tab', { name: '变更记录' }).click();
  const history = page.getByTestId('intake-drawer').getByTestId('record-history');
  await expect(history).toContainText('修改登记信息');
  await expect(history).toContainText('反映违规发放津贴');
  await expect(history).toContainText('反映财务科违规发放津贴补贴');
  await expect(history).toContainText('原因：核对原件后更正摘要');
  await shoot('05-intake-history');
  await page.keyboard.press('Escape');

  // A duplicate registration is removed with a reason.
  await fillIntake(page, '误登记的重复件');
  await page.getByTestId('intake-form-submit').click();
  await expect(page.getByTestId('intake-table')).toContainText('误登记的重复件');
  await page.getByTestId('intake-table').getByText('2026-信-0006').click();
  await page.getByTestId('intake-remove').click();
  await page.getByTestId('intake-remove-submit').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('请填写删除原因');
  await page.getByTestId('intake-remove-reason').fill('与2026-信-0005重复登记');
  await shoot('06-intake-remove');
  await page.getByTestId('intake-remove-submit').click();
  await expect(page.getByTestId('intake-drawer')).toBeHidden();
  await expect(page.getByTestId('intake-table')).not.toContainText('误登记的重复件');

  // A member makes a lead from the item: the persons reported come along.
  await signIn(page, 'zuyuan');
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-open-2026-信-0005').click();
  await page.getByTestId('intake-make-lead').click();
  await expect(page.getByTestId('lead-form-subject-0')).toContainText('陈晓梅');
  await expect(page.getByTestId('lead-form-subject-1')).toContainText('司机老王');
  await page.getByTestId('lead-form-summary').fill('财务科违规发放津贴补贴');
  await chooseOption(page, page.getByTestId('lead-form-discipline'), '廉洁纪律');
  await shoot('07-lead-form-prefilled');
  await page.getByTestId('lead-form-submit').click();
  await expect(page.getByTestId('lead-form-submit')).toBeHidden();
  await page.keyboard.press('Escape');

  // The member edits the lead; sealing stays with the group leader.
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('lead-open-2026-线-0001').click();
  await page.getByTestId('lead-edit').click();
  await expect(page.getByTestId('lead-form-sealed')).toBeDisabled();
  await chooseOption(page, page.getByTestId('lead-form-tags'), '违反中央八项规定精神');
  await page.keyboard.press('Escape');
  await page.getByTestId('lead-form-reason').fill('谈话后补充标签');
  await shoot('08-lead-edit-member');
  await page.getByTestId('lead-form-submit').click();
  await expect(page.getByTestId('lead-form-submit')).toBeHidden();
  await expect(page.getByTestId('lead-drawer')).toContainText('违反中央八项规定精神');
  await expect(page.getByTestId('lead-remove')).toHaveCount(0);

  // The group leader seals it (named: the member) and removes a second, mistaken lead.
  await signIn(page, 'zuzhang');
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('lead-open-2026-线-0001').click();
  await page.getByTestId('lead-edit').click();
  await page.getByTestId('lead-form-sealed').click();
  await chooseOption(page, page.getByTestId('lead-form-sealed-users'), '孙组员');
  await page.keyboard.press('Escape');
  await page.getByTestId('lead-form-submit').click();
  await expect(page.getByTestId('lead-form-submit')).toBeHidden();
  await expect(page.getByTestId('lead-sealed-users')).toContainText('孙组员');
  await expect(page.getByTestId('lead-sealed-users')).toContainText('王组长');
  await shoot('09-lead-sealed');
  await page.getByTestId('lead-drawer').getByRole('tab', { name: '变更记录' }).click();
  await expect(page.getByTestId('lead-drawer').getByTestId('record-history')).toContainText('密封或解封线索');
  await expect(page.getByTestId('lead-drawer').getByTestId('record-history')).toContainText(
    '原因：谈话后补充标签',
  );
  await shoot('10-lead-history');
  await page.keyboard.press('Escape');
  await page.getByTestId('leads-create').click();
  await page.getByTestId('lead-form-kinds').getByText('个别谈话').click();
  await page.getByTestId('lead-form-number').fill('〔2026〕3巡-2组-07号');
  await page.getByTestId('lead-form-summary').fill('误登记的线索');
  await pickSubject(page, 'lead-form-subject-0', '张建', '张建国');
  await page.getByTestId('lead-form-submit').click();
  await expect(page.getByTestId('lead-form-submit')).toBeHidden();
  await page.getByTestId('lead-open-〔2026〕3巡-2组-07号').click();
  await expect(page.getByTestId('lead-drawer')).toContainText('党组书记、局长');
  await page.getByTestId('lead-remove').click();
  await page.getByTestId('lead-remove-reason').fill('登记错误');
  await page.getByTestId('lead-remove-submit').click();
  await expect(page.getByTestId('lead-drawer')).toBeHidden();
  await expect(page.getByTestId('leads-table')).not.toContainText('误登记的线索');
  await shoot('11-leads-after-remove');
  expect(consoleErrors).toEqual([]);
});

test('reference: edit a pool entry, write an appraisal, edit a round, add and restore recusal rules', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const shoot = (name: string) => shot(page, testInfo, `editing-ref-${name}`);
  await page.goto(host.url);
  await prepare(page);
  await signIn(page, 'zuzhang', false);

  // Pool entry: backgrounds, skills, availability.
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('inspector-open-孙组员').click();
  await page.getByTestId('inspector-edit').click();
  await chooseOption(page, page.getByTestId('inspector-form-bg'), '财务');
  await page.keyboard.press('Escape');
  await page.getByLabel('专长').fill('财务审计、工程招投标');
  await chooseOption(page, page.getByTestId('inspector-form-availability'), '在岗繁忙');
  await shoot('01-pool-edit');
  await page.getByTestId('inspector-form-submit').click();
  await expect(page.getByTestId('inspector-drawer')).toContainText('财务审计、工程招投标');

  // Appraisal after the round: written, then shown; its history names the change.
  await page.getByTestId('appraisal-edit-2026-1-01').click();
  await page.getByTestId('appraisal-form-submit').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('请填写评价内容');
  await page.getByTestId('appraisal-form-text').fill('谈话记录规范，善于发现问题');
  await page.getByTestId('appraisal-form-submit').click();
  await expect(page.getByTestId('inspector-drawer')).toContainText('谈话记录规范，善于发现问题');
  await expect(page.getByTestId('inspector-drawer').getByTestId('record-history')).toContainText('评价');
  await shoot('02-appraisal');
  await page.getByTestId('appraisal-remove-2026-1-01').click();
  await page.getByRole('button', { name: '删 除' }).click();
  await expect(page.getByTestId('inspector-past-rounds')).not.toContainText('善于发现问题');
  await page.keyboard.press('Escape');

  // A round: its dates must be in order.
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('round-edit-2026年第一轮巡察').click();
  await page.getByTestId('round-form-name').fill('2026年第一轮巡察（调整）');
  for (const [id, date] of [
    ['round-form-start', '2026-07-01'],
    ['round-form-end', '2026-06-30'],
  ] as const) {
    await page.getByTestId(id).click();
    await page.getByTestId(id).fill(date);
    await page.getByTestId(id).press('Enter');
  }
  await page.getByTestId('round-form-submit').click();
  await expect(page.locator('.ant-form-item-explain-error')).toBeVisible();
  await shoot('03-round-dates-refused');
  await page.getByTestId('round-form-start').click();
  await page.getByTestId('round-form-start').fill('2026-03-01');
  await page.getByTestId('round-form-start').press('Enter');
  await page.getByTestId('round-form-submit').click();
  await expect(page.getByTestId('rounds-table')).toContainText('2026年第一轮巡察（调整）');

  // Recusal rules: add a member rule (years required), remove a leader rule; restore the defaults.
  await page.getByTestId('nav-rules').click();
  await page.getByRole('tab', { name: '回避规则' }).click();
  await page.getByTestId('recusal-members-add').click();
  await page.getByTestId('recusal-members-1-label').fill('近五年在该单位工作');
  await chooseOption(page, page.getByTestId('recusal-members-1-kind'), '近若干年在该单位工作');
  // Years are required for this kind (the input itself keeps them within 0–30).
  await page.getByTestId('rule-save-recusal').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('年限须为 0 至 30 的整数');
  await page.getByTestId('recusal-members-1-years').fill('5');
  await page.getByTestId('recusal-leaders-0-remove').click();
  await shoot('04-recusal-edit');
  await page.getByTestId('rule-save-recusal').click();
  await expect(page.getByText('规则已保存')).toBeVisible();
  const rules = await api<{
    recusal: { leaders: { code: string }[]; members: { label: string; years?: number }[] };
  }>(page, 'rules:get', {});
  expect(rules.recusal.leaders.map((r) => r.code)).not.toContain('alma_mater');
  expect(rules.recusal.members[1]).toMatchObject({ label: '近五年在该单位工作', years: 5 });
  await page.getByTestId('recusal-restore').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '恢复默认规则' }).click();
  await expect(page.getByTestId('recusal-set-members')).not.toContainText('近五年');
  await page.getByTestId('rule-save-recusal').click();
  await expect(page.getByTestId('recusal-unsaved')).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await api<{ recusal: { members: unknown[] } }>(page, 'rules:get', {})).recusal.members.length,
    )
    .toBe(1);
  await shoot('05-recusal-restored');
  expect(consoleErrors).toEqual([]);
});
