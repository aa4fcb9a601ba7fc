import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { makePng } from '../../helpers/png';
import { confirmRecoveryCode, FIRST_PASSPHRASE, fillSetup, readRecoveryCode, unlock } from '../journey-steps';
import { chooseOption, expect, SCREENSHOT_DIR, test } from './fixtures';
import { api } from './case-steps';

/**
 * Work records and attachments in the real renderer against the real core: a member
 * records a talk with two inspectors (a refused same-person pair first), links it to
 * a lead, uploads a PNG and a text file generated here, previews both, saves a copy,
 * sees it all in the history and finds the talk by a two-character word; the liaison
 * sees the talk's schedule but neither its notes, its files nor it in search.
 */
const PASS = 'Xunshi-Ceshi-2026!';
const CASE_LABEL = '2026-1-01 某市交通运输局';
const USERS = [
  { name: 'zuzhang', displayName: '王组长', roles: ['group_leader'], groupRole: 'leader' },
  { name: 'zuyuan', displayName: '孙组员', roles: ['member'], groupRole: 'member' },
  { name: 'lianluo', displayName: '周联络', roles: ['liaison'], groupRole: 'liaison' },
  { name: 'xinfang', displayName: '钱信访', roles: ['intake_officer'], groupRole: 'intake_officer' },
];
const SHOTS = SCREENSHOT_DIR;
const NOTES = '谈话对象反映：公路管理处财务科年底以加班名义违规发放津贴补贴，金额约十二万元。';

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400);
  const file = path.join(SHOTS, `work-records-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Accounts, a unit with its director, a case whose group holds the accounts, and one lead: setup through the contract. */
async function prepare(page: Page): Promise<{ leadNumber: string; intakeNumber: string }> {
  for (const u of USERS)
    await api(page, 'users:create', { ...u, groupRole: undefined, passphrase: `${PASS}0` });
  for (const u of USERS) {
    await api(page, 'session:unlock', { userName: u.name, passphrase: `${PASS}0` });
    await api(page, 'session:changePassphrase', { current: `${PASS}0`, next: PASS });
  }
  await api(page, 'session:unlock', { userName: 'zuzhang', passphrase: PASS });
  const unit = await api<{ id: string }>(page, 'units:save', {
    name: '某市交通运输局',
    unitType: 'party_government',
  });
  await api(page, 'persons:save', {
    name: '张建国',
    unitId: unit.id,
    post: '党组书记、局长',
    managementLevel: 'county',
    isLeadership: true,
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
  const users = await api<{ id: string; name: string }[]>(page, 'cases:accounts', {});
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
      userId: users.find((a) => a.name === u.name)!.id,
    });
  }
  const lead = await api<{ number: string }>(page, 'leads:create', {
    caseId: kase.id,
    receivedDate: '2026-05-11',
    summary: '财务科违规发放津贴补贴',
    subjects: [{ freeText: '陈晓梅' }],
    sources: [{ kind: 'talk' }],
  });
  const intake = await api<{ number: string }>(page, 'intake:create', {
    caseId: kase.id,
    channel: 'letter',
    receivedDate: '2026-05-11',
    realName: true,
    reporter: { name: '李明', contact: '13800001234' },
    summary: '反映违规发放津贴',
    content: '公路管理处财务科年底违规发放津贴补贴。',
  });
  await api(page, 'session:lock', {});
  await page.reload();
  return { leadNumber: lead.number, intakeNumber: intake.number };
}

async function start(page: Page, host: { url: string }) {
  await page.goto(host.url);
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  await confirmRecoveryCode(page, (await readRecoveryCode(page)).split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
  return prepare(page);
}

/** Types a date into an antd date picker and confirms it. */
async function fillDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function signIn(page: Page, userName: string): Promise<void> {
  const lock = page.getByTestId('lock-button');
  if (await lock.isVisible().catch(() => false)) {
    for (
      let i = 0;
      i < 4 && (await page.locator('.ant-drawer-open, .ant-modal-wrap:visible').count()) > 0;
      i++
    ) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
    }
    await lock.click();
  }
  await unlock(page, PASS, () => chooseOption(page, page.getByTestId('unlock-user'), userName));
  await expect(page.getByTestId('main-layout')).toBeVisible();
  await pickCase(page);
}

/** The header's case picker: the case the pages work on. */
async function pickCase(page: Page): Promise<void> {
  const selector = page.getByTestId('case-selector');
  await expect(async () => {
    await chooseOption(page, selector, CASE_LABEL);
    await expect(selector).toContainText(CASE_LABEL, { timeout: 1000 });
  }).toPass();
}

test('work records: a talk with two inspectors, a linked lead, attachments, preview, history, search, roles', async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  test.slow();
  const { leadNumber } = await start(page, host);

  // A member records a talk.
  await signIn(page, 'zuyuan');
  await page.getByTestId('nav-workRecords').click();
  await expect(page.getByTestId('work-records-page')).toBeVisible();
  await page.getByTestId('wr-create-talk').click();
  await page.getByTestId('wr-form-place').fill('第二谈话室');
  await page.getByTestId('wr-form-interviewee').locator('input').fill('张建');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '张建国' }).click();
  await expect(page.getByTestId('wr-form-post')).toHaveValue('党组书记、局长');
  await chooseOption(page, page.getByTestId('wr-form-asker'), '王组长');
  await chooseOption(page, page.getByTestId('wr-form-recorder'), '王组长');
  await page.getByTestId('wr-form-notes').fill(NOTES);
  await page.getByTestId('wr-form-submit').click();
  await expect(page.getByText('主谈人和记录人须为两名不同人员')).toBeVisible();
  await shoot(page, testInfo, '01-talk-form-same-inspector');
  await chooseOption(page, page.getByTestId('wr-form-recorder'), '孙组员');
  await page.getByTestId('wr-form-submit').click();
  await expect(page.getByTestId('wr-form-submit')).toBeHidden();
  const number = (await page
    .getByTestId('wr-table')
    .locator('[data-testid^="wr-open-"]')
    .first()
    .textContent())!;
  expect(number).toMatch(/^\d{4}-谈-0001$/);
  await shoot(page, testInfo, '02-talks');

  // Open it and link the lead.
  await page.getByTestId(`wr-open-${number}`).click();
  const drawer = page.getByTestId('wr-drawer');
  await expect(drawer.getByTestId('wr-notes')).toContainText('加班名义');
  await chooseOption(page, drawer.getByTestId('wr-link-select'), `${leadNumber} 财务科违规发放津贴补贴`);
  await drawer.getByTestId('wr-link-submit').click();
  await expect(drawer.getByTestId('wr-linked-lead')).toContainText(leadNumber);
  await shoot(page, testInfo, '03-talk-detail-linked');

  // Attachments: a PNG and a text file made here.
  const png = makePng(240, 160);
  const text = Buffer.from(
    '谈话笔录（摘要）\n一、财务科年底发放“加班补贴”；\n二、发放名单由科长审定。\n',
    'utf8',
  );
  await drawer.getByRole('tab', { name: '附件' }).click();
  const files = drawer.getByTestId('attachments');
  await files.locator('input[type=file]').setInputFiles([
    { name: '谈话现场.png', mimeType: 'image/png', buffer: png },
    { name: '笔录摘要.txt', mimeType: 'text/plain', buffer: text },
  ]);
  await expect(files.getByTestId('attachments-table').locator('tbody tr')).toHaveCount(2);
  await expect(files.getByTestId('attachments-progress')).toHaveCount(0);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  await expect(files.getByText(sha(png).slice(0, 10))).toBeVisible();
  await expect(files.getByText(sha(text).slice(0, 10))).toBeVisible();
  await expect(files.getByText('image/png')).toBeVisible();
  await shoot(page, testInfo, '04-attachments');

  // Preview the image and the text inside the app.
  await files.getByTestId('attachment-preview-谈话现场.png').click();
  const image = page.getByTestId('attachment-preview-image');
  await expect(image).toBeVisible();
  const natural = await image.evaluate((img) => {
    const loaded = img as unknown as { naturalWidth: number; naturalHeight: number };
    return [loaded.naturalWidth, loaded.naturalHeight];
  });
  expect(natural).toEqual([240, 160]);
  expect(await image.getAttribute('src')).toMatch(/^blob:/);
  await shoot(page, testInfo, '05-preview-image');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('attachment-preview')).toBeHidden();
  await files.getByTestId('attachment-preview-笔录摘要.txt').click();
  await expect(page.getByTestId('attachment-preview-text')).toContainText('发放名单由科长审定');
  await shoot(page, testInfo, '06-preview-text');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('attachment-preview')).toBeHidden();

  // Save a copy out: the same bytes.
  const download = page.waitForEvent('download');
  await files.getByTestId('attachment-save-谈话现场.png').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('谈话现场.png');
  expect(readFileSync(await saved.path()).equals(png)).toBe(true);

  // The history has it all.
  await drawer.getByRole('tab', { name: '变更记录' }).click();
  const history = drawer.getByTestId('record-history');
  for (const action of ['登记工作记录', '关联线索', '上传附件', '预览附件', '另存附件副本']) {
    await expect(history.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(history).toContainText('谈话现场.png');
  await expect(history).not.toContainText('加班名义');
  await shoot(page, testInfo, '07-history');
  await page.keyboard.press('Escape');

  // A document request received before it was requested is refused in the form.
  await page.getByTestId('wr-tab-document_request').click();
  await page.getByTestId('wr-create-document_request').click();
  await page.getByTestId('wr-form-subject').fill('2025年度津贴补贴发放明细及审批单');
  await chooseOption(page, page.getByTestId('wr-form-unit'), '某市交通运输局');
  await chooseOption(page, page.getByTestId('wr-form-status'), '已收到');
  await fillDate(page, 'wr-form-date', '2026-05-12');
  await fillDate(page, 'wr-form-received', '2026-05-10');
  await page.getByTestId('wr-form-submit').click();
  await expect(page.getByText('收到日期不能早于调阅日期')).toBeVisible();
  await shoot(page, testInfo, '08-request-dates-refused');
  await fillDate(page, 'wr-form-received', '2026-05-14');
  await page.getByTestId('wr-form-submit').click();
  await expect(page.getByTestId('wr-form-submit')).toBeHidden();
  await expect(page.getByTestId('wr-table')).toContainText('2026-调-0001');
  await shoot(page, testInfo, '09-requests');

  // An unannounced visit.
  await page.getByTestId('wr-tab-visit').click();
  await page.getByTestId('wr-create-visit').click();
  await page.getByTestId('wr-form-mode').getByText('暗访').click();
  await page.getByTestId('wr-form-place').fill('公路管理处机关食堂');
  await chooseOption(page, page.getByTestId('wr-form-participants'), '孙组员');
  await page.getByTestId('wr-form-notes').click();
  await page.getByTestId('wr-form-notes').fill('工作日中午两辆公务用车停放在食堂外。');
  await shoot(page, testInfo, '10-visit-form');
  await page.getByTestId('wr-form-submit').click();
  await expect(page.getByTestId('wr-form-submit')).toBeHidden();
  await expect(page.getByTestId('wr-table')).toContainText('公路管理处机关食堂');
  await shoot(page, testInfo, '11-visits');

  // Found by a two-character word of the notes.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-query').fill('津贴');
  await page.getByTestId('search-submit').click();
  const talkHit = page.locator('[data-testid="search-hit"][data-hit-type="talk"]');
  await expect(talkHit).toHaveCount(1);
  await expect(talkHit).toContainText(number);
  await expect(talkHit.locator('mark').first()).toHaveText('津贴');
  await shoot(page, testInfo, '12-search');
  // The hit opens the talk on the work-records page.
  await talkHit.getByTestId('search-hit-open').click();
  await expect(page.getByTestId('wr-drawer')).toBeVisible();
  await expect(page.getByTestId('wr-notes')).toContainText('津贴补贴');
  await shoot(page, testInfo, '12a-search-opens-talk');
  await page.keyboard.press('Escape');

  // The lead shows the talk it is linked to.
  await page.getByTestId('nav-leads').click();
  await page.getByTestId(`lead-open-${leadNumber}`).click();
  const leadDrawer = page.getByTestId('lead-drawer');
  await leadDrawer.getByRole('tab', { name: '谈话·调阅·走访' }).click();
  await expect(leadDrawer.getByTestId('lead-work-records')).toContainText(number);
  await shoot(page, testInfo, '13-lead-work-records');

  // The liaison sees the schedule, not the notes, the files, or the talk in search.
  await signIn(page, 'lianluo');
  await page.getByTestId('nav-workRecords').click();
  await page.getByTestId(`wr-open-${number}`).click();
  await expect(page.getByTestId('wr-notes-hidden')).toBeVisible();
  await expect(page.getByTestId('wr-drawer')).not.toContainText('加班名义');
  await shoot(page, testInfo, '14-liaison-talk');
  await page.getByTestId('wr-drawer').getByRole('tab', { name: '附件' }).click();
  await expect(page.getByTestId('attachments-hidden')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-query').fill('津贴');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toBeVisible();
  await expect(page.locator('[data-testid="search-hit"][data-hit-type="talk"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="search-hit"][data-hit-type="document_request"]')).toHaveCount(1);
  await shoot(page, testInfo, '15-liaison-search');

  expect(consoleErrors).toEqual([]);
});

test("attachments: the office size limit, intake originals for the reporter's readers only, a lead from a visit", async ({
  page,
  host,
  consoleErrors,
}, testInfo) => {
  const { intakeNumber } = await start(page, host);

  // The group leader lowers the limit on the rules page.
  await signIn(page, 'zuzhang');
  await page.getByTestId('nav-rules').click();
  await page.getByRole('tab', { name: '附件' }).click();
  await page.getByTestId('rule-attachments-max').fill('1');
  await page.getByTestId('rule-save-attachments').click();
  await expect(page.getByText('规则已保存')).toBeVisible();
  await shoot(page, testInfo, '20-rules-attachments');

  // Persons carry attachments too.
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('person-open-张建国').click();
  const person = page.getByTestId('person-drawer').getByTestId('attachments');
  await person
    .locator('input[type=file]')
    .setInputFiles([
      { name: '任职文件.txt', mimeType: 'text/plain', buffer: Buffer.from('任命张建国同志为局长。', 'utf8') },
    ]);
  await expect(person.getByTestId('attachments-table')).toContainText('任职文件.txt');
  await person.getByTestId('attachments-table').scrollIntoViewIfNeeded();
  await shoot(page, testInfo, '25-person-attachments');
  await page.keyboard.press('Escape');

  // The intake officer attaches the original letter; a file over the limit is refused before any byte moves.
  await signIn(page, 'xinfang');
  await page.getByTestId('nav-intake').click();
  await page.getByTestId(`intake-open-${intakeNumber}`).click();
  const drawer = page.getByTestId('intake-drawer');
  await drawer.getByRole('tab', { name: '附件' }).click();
  const files = drawer.getByTestId('attachments');
  await expect(files).toContainText('单个不超过 1 MB');
  await files.locator('input[type=file]').setInputFiles([
    { name: '来信扫描件.png', mimeType: 'image/png', buffer: makePng(300, 420) },
    { name: '录音.amr', mimeType: 'audio/amr', buffer: Buffer.alloc(1024 * 1024 + 1, 7) },
  ]);
  await expect(page.getByText('“录音.amr”超过本单位规定的上限（1 MB），未上传')).toBeVisible();
  await expect(files.getByTestId('attachments-table').locator('tbody tr')).toHaveCount(1);
  await expect(files).toContainText('来信扫描件.png');
  await shoot(page, testInfo, '21-intake-attachments');

  // A member reads the intake item but not its originals.
  await signIn(page, 'zuyuan');
  await page.getByTestId('nav-intake').click();
  await page.getByTestId(`intake-open-${intakeNumber}`).click();
  await page.getByTestId('intake-drawer').getByRole('tab', { name: '附件' }).click();
  await expect(page.getByTestId('attachments-hidden')).toContainText('仅信访工作人员和组长可以查看');
  await shoot(page, testInfo, '22-intake-attachments-member');
  await page.keyboard.press('Escape');

  // A visit, and the lead form opened from it with the visit as its source.
  await page.getByTestId('nav-workRecords').click();
  await page.getByTestId('wr-tab-visit').click();
  await page.getByTestId('wr-create-visit').click();
  await page.getByTestId('wr-form-place').fill('第三收费站');
  await chooseOption(page, page.getByTestId('wr-form-participants'), '孙组员');
  await page.getByTestId('wr-form-notes').fill('收费站值班记录缺失三天。');
  await page.getByTestId('wr-form-submit').click();
  await expect(page.getByTestId('wr-form-submit')).toBeHidden();
  const visit = (await page
    .getByTestId('wr-table')
    .locator('[data-testid^="wr-open-"]')
    .first()
    .textContent())!;
  await page.getByTestId(`wr-open-${visit}`).click();
  await page.getByTestId('wr-create-lead').click();
  await expect(page.getByTestId('lead-form-kinds').getByRole('checkbox', { name: '走访' })).toBeChecked();
  await shoot(page, testInfo, '23-lead-from-visit');
  await page.getByRole('button', { name: '取 消' }).click();

  // The same page in English (a reload keeps the core's session).
  await page.keyboard.press('Escape');
  await api(page, 'prefs:setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('main-layout')).toBeVisible();
  await pickCase(page);
  await page.getByTestId('nav-workRecords').click();
  await page.getByTestId('wr-create-talk').click();
  await expect(page.getByText('Record an individual talk')).toBeVisible();
  await shoot(page, testInfo, '24-talk-form-en');

  expect(consoleErrors).toEqual([]);
});
