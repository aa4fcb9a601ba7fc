import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode } from '../journey-steps';
import {
  addInspector,
  chooseMember,
  closeOverlays,
  createPerson,
  createUnit,
  leadStep,
  openAccounts,
  pickSubject,
  signIn,
} from './case-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

/**
 * Issue 3's journey: a new case from nothing, by a group leader, a member and an
 * intake officer signing in and out, on the real renderer and core. The core's clock
 * is moved forward in the host (host.clock) to see a deadline pass.
 */
const PASS = 'Xunshi-Lvcheng-2026!';
const LEADER = { name: 'zhangwei', displayName: '张伟', roles: ['group_leader'] };
const MEMBER = { name: 'sunli', displayName: '孙丽', roles: ['member'] };
const OFFICER = { name: 'qianfang', displayName: '钱芳', roles: ['intake_officer'] };
const YEAR = new Date().getFullYear();
const CASE_CODE = `${YEAR}-1-01`;
const CASE_LABEL = `${CASE_CODE} 某市交通运输局`;
const LEAD = `${YEAR}-线-0001`;

test('a new case from nothing: reference data, group with a recusal override, intake, a lead to transfer, search, overdue board, export', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(420_000);
  const shoot = (name: string) => screenshot(page, testInfo, `journey-${name}`);
  await page.goto(host.url);
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  await confirmRecoveryCode(page, (await readRecoveryCode(page)).split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
  await openAccounts(page, [LEADER, MEMBER, OFFICER], PASS);

  // The group leader records the units and persons: the inspected bureau, its director, and the inspectors.
  await signIn(page, LEADER.name, PASS);
  await page.getByTestId('nav-units').click();
  await createUnit(page, '某市人民政府', null);
  await createUnit(page, '某市交通运输局', '某市人民政府');
  await createUnit(page, '某市审计局', '某市人民政府');
  await shoot('01-units');
  await page.getByTestId('nav-persons').click();
  await createPerson(page, { name: '张建国', unit: '某市交通运输局', post: '党组书记、局长', leader: true });
  await createPerson(page, { name: '陈晓梅', unit: '某市交通运输局', post: '财务科科长' });
  for (const p of [LEADER, MEMBER, OFFICER]) {
    await createPerson(page, { name: p.displayName, unit: '某市审计局', post: '干部' });
  }
  await shoot('02-persons');

  // The inspector pool: 孙丽 declares that the bureau's director is her husband.
  await page.getByTestId('nav-pool').click();
  await addInspector(page, '张伟 (某市审计局)', '审计');
  await addInspector(page, '孙丽 (某市审计局)', '财务');
  await addInspector(page, '钱芳 (某市审计局)', '纪检监察');
  await page.getByTestId('inspector-open-孙丽').click();
  await chooseOption(page, page.getByTestId('relation-form-type'), '夫妻');
  await chooseOption(page, page.getByTestId('relation-form-person'), '张建国 (某市交通运输局)');
  await page.getByTestId('relation-form-submit').click();
  await expect(page.getByTestId('inspector-relations')).toContainText('张建国');
  await shoot('03-pool-relation');
  await closeOverlays(page);

  // The round and the case; the group, each member linked to the account they sign in with.
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('round-create').click();
  await page.getByTestId('round-form-name').fill(`${YEAR}年第一轮巡察`);
  await page.getByTestId('round-form-submit').click();
  await expect(page.getByTestId('rounds-table')).toContainText(`${YEAR}年第一轮巡察`);
  await page.getByTestId('case-create').click();
  await chooseOption(page, page.getByTestId('case-form-round'), `${YEAR}年第一轮巡察`);
  await chooseOption(page, page.getByTestId('case-form-unit'), '某市交通运输局');
  await page.getByTestId('case-form-code').fill(CASE_CODE);
  await page.getByTestId('case-form-group').fill('第二巡察组');
  await page.getByTestId('case-form-submit').click();
  await expect(page.getByTestId('cases-table')).toContainText(CASE_CODE);
  await page.getByTestId(`case-open-${CASE_CODE}`).click();
  const members = page.getByTestId('case-members');
  await chooseMember(page, '张伟', '组长', '张伟 (zhangwei)');
  await expect(page.getByTestId('recusal-clear')).toBeVisible();
  await page.getByTestId('member-form-submit').click();
  await expect(members).toContainText('张伟');

  // The recusal conflict: seen with its rule and evidence, refused without a reason, accepted with one.
  await chooseMember(page, '孙丽', '组员', '孙丽 (sunli)');
  const conflict = page.getByTestId('recusal-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('与该单位领导 张建国 为夫妻关系');
  await page.getByTestId('member-form-submit').click();
  await expect(page.getByText('存在回避情形，必须填写理由')).toBeVisible();
  await shoot('04-recusal-conflict');
  await page
    .getByTestId('member-form-reason')
    .fill('经组务会研究，该同志只负责审计资料调阅，不参与涉及张建国的谈话和核查。');
  await page.getByTestId('member-form-submit').click();
  await expect(members).toContainText('孙丽');
  await expect(page.getByTestId('member-override')).toBeVisible();
  await chooseMember(page, '钱芳', '信访联络员', '钱芳 (qianfang)');
  await page.getByTestId('member-form-submit').click();
  await expect(members).toContainText('钱芳');
  await expect(page.getByTestId('record-history')).toContainText('只负责审计资料调阅');
  await shoot('05-case-group');
  await closeOverlays(page);
  await expect(page.getByTestId('cases-table')).toContainText('组长');
  await page.getByTestId(`case-select-${CASE_CODE}`).click();
  await expect(page.getByTestId('case-selector')).toContainText(CASE_LABEL);
  await shoot('05a-cases');

  // The intake officer: their one case is chosen; an anonymous letter and a real-name call.
  await signIn(page, OFFICER.name, PASS);
  await expect(page.getByTestId('case-selector')).toContainText(CASE_LABEL);
  await page.getByTestId('nav-intake').click();
  const register = async (channel: string, summary: string, reporter?: [string, string]) => {
    await page.getByTestId('intake-create').click();
    await page.getByTestId('intake-form-channel').getByText(channel, { exact: true }).click();
    if (reporter) {
      await page.getByTestId('intake-form-real-name').getByText('实名').click();
      await page.getByTestId('intake-form-reporter-name').fill(reporter[0]);
      await page.getByTestId('intake-form-reporter-contact').fill(reporter[1]);
    }
    await page.getByTestId('intake-form-summary').fill(summary);
    await page.getByTestId('intake-form-content').fill(`${summary}：交通运输局财务科年底违规发放津贴补贴。`);
    await page.getByTestId('intake-form-subject-add').click();
    await pickSubject(page, 'intake-form-subject-0', '陈晓梅');
    if (reporter) await shoot('06-intake-form');
    await page.getByTestId('intake-form-submit').click();
    await expect(page.getByTestId('intake-form-submit')).toBeHidden();
  };
  await register('来信', '匿名来信反映违规发放津贴');
  await register('来电', '实名来电反映津贴发放问题', ['李明', '13800001234']);
  await expect(page.getByTestId('intake-table')).toContainText(`${YEAR}-电-0002`);
  await shoot('07-intake-ledger');

  // The member: a lead from both items, preliminary verification proposed; approving it is refused.
  await signIn(page, MEMBER.name, PASS);
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('leads-create').click();
  await page.getByTestId('lead-form-kinds').getByText('信访举报').click();
  await page.getByTestId('lead-form-intake').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(0).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('lead-form-summary').fill('交通运输局财务科违规发放津贴补贴');
  await expect(page.getByTestId('lead-form-subject-0')).toContainText('陈晓梅');
  await chooseOption(page, page.getByTestId('lead-form-discipline'), '廉洁纪律');
  await shoot('08-lead-form');
  await page.getByTestId('lead-form-submit').click();
  await page.getByTestId(`lead-open-${LEAD}`).click();
  const drawer = page.getByTestId('lead-drawer');
  await expect(drawer).toContainText(`${YEAR}-信-0001`);
  await expect(drawer).toContainText(`${YEAR}-电-0002`);
  await leadStep(page, 'propose', () =>
    chooseOption(page, page.getByTestId('lead-step-disposal'), '初步核实'),
  );
  await expect(drawer.getByTestId('lead-status-proposed').first()).toBeVisible();
  await leadStep(page, 'approve');
  await expect(page.getByTestId('lead-step-error')).toContainText('须由组长审批');
  await shoot('09-member-refused');

  // The group leader approves the verification and starts it: on the board, its light not red yet.
  await signIn(page, LEADER.name, PASS);
  await page.getByTestId('nav-leads').click();
  await page.getByTestId(`lead-open-${LEAD}`).click();
  await leadStep(page, 'approve', () => page.getByTestId('lead-step-note').fill('同意初步核实'));
  await leadStep(page, 'start');
  await expect(drawer.getByTestId('lead-status-in_progress').first()).toBeVisible();
  await closeOverlays(page);
  await page.getByTestId('nav-overdue').click();
  const leadRows = page.locator('[data-testid="overdue-table"] tr', { hasText: LEAD });
  await expect(leadRows.first()).toBeVisible();
  await expect(leadRows.getByTestId('overdue-level-red')).toHaveCount(0);

  // Five weeks later (the host moves the core's clock): the verification is overdue.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-submit')).toBeVisible();
  host.clock.advanceDays(35);
  await signIn(page, LEADER.name, PASS);
  await page.getByTestId('nav-overdue').click();
  await expect(leadRows.getByTestId('overdue-level-red').first()).toBeVisible();
  await expect(leadRows.getByTestId('overdue-level-green')).toHaveCount(0);
  await shoot('10-overdue-board');

  // Verification found enough: transfer to the discipline commission, proposed, approved and made.
  await page.getByTestId('nav-leads').click();
  await page.getByTestId(`lead-open-${LEAD}`).click();
  await leadStep(page, 'propose', () =>
    chooseOption(page, page.getByTestId('lead-step-disposal'), '移交纪委监委'),
  );
  await leadStep(page, 'approve');
  await leadStep(page, 'transfer', () => page.getByTestId('lead-step-receiving-body').fill('市纪委监委'));
  await expect(drawer.getByTestId('lead-status-transferred').first()).toBeVisible();
  await expect(page.getByTestId('lead-steps')).toContainText('孙丽');
  await shoot('11-lead-transferred');
  await closeOverlays(page);
  // With an outcome, the lead leaves the board; the letter without an owner stays.
  await page.getByTestId('nav-overdue').click();
  await expect(page.getByTestId('overdue-table')).toContainText(`${YEAR}-信-0001`);
  await expect(page.getByTestId('overdue-table')).not.toContainText(LEAD);

  // Found by a two-character search; the hit opens the lead in its ledger.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-query').fill('津贴');
  await page.getByTestId('search-submit').click();
  const leadHit = page.locator('[data-testid="search-hit"][data-hit-type="lead"]');
  await expect(leadHit).toHaveCount(1);
  await expect(leadHit.locator('mark').first()).toHaveText('津贴');
  await expect(page.locator('[data-testid="search-hit"][data-hit-type="intake"]')).toHaveCount(2);
  await shoot('12-search');
  await leadHit.getByTestId('search-hit-open').click();
  await expect(page.getByTestId('leads-page')).toBeVisible();
  await expect(drawer).toContainText(LEAD);
  await expect(drawer.getByTestId('lead-status-transferred').first()).toBeVisible();
  await shoot('13-search-opens-lead');
  await closeOverlays(page);
  // A person (of no case: all records, not the current case's only) found by name opens in the persons page.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-current-case').uncheck();
  await page.getByTestId('search-query').fill('陈晓梅');
  await page.getByTestId('search-submit').click();
  await page
    .locator('[data-testid="search-hit"][data-hit-type="person"]')
    .getByTestId('search-hit-open')
    .click();
  await expect(page.getByTestId('persons-page')).toBeVisible();
  await expect(page.getByTestId('person-drawer')).toContainText('财务科科长');
  await closeOverlays(page);
  await page.getByTestId('nav-leads').click();

  // The lead ledger as .xlsx, read back.
  const download = page.waitForEvent('download');
  await page.getByTestId('leads-export').click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await (await download).path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((c) => String(c ?? ''))),
  );
  expect(rows).toHaveLength(2);
  expect(rows[0]!.slice(0, 3)).toEqual(['编号', '来源', '收到日期']);
  expect(rows[1]).toEqual(
    expect.arrayContaining([LEAD, '陈晓梅', '廉洁纪律', '移交纪委监委', '已移交', '市纪委监委']),
  );
  expect(rows[1]!.join(' ')).toContain(`${YEAR}-信-0001`);
  expect(consoleErrors).toEqual([]);
});
