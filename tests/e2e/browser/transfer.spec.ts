import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { startHost, type TestHost } from '../host/host';
import { confirmRecoveryCode, FIRST_PASSPHRASE, readRecoveryCode, unlock } from '../journey-steps';
import { api, closeOverlays, openAccounts, signIn } from './case-steps';
import { chooseOption, expect, screenshot, test } from './fixtures';

/**
 * Issue 4 end to end: two offices, each a test host with its own data directory and its
 * own browser page, exchange bundles through a folder standing for the removable medium.
 * Every step a person takes is done on the screens; the bridge is used only to open
 * accounts and to make the edits that set up the conflict (editing has its own tests).
 */

const ADMIN_A = { name: 'admin_a', displayName: '巡察办管理员' };
const ADMIN_B = { name: 'admin_b', displayName: '二组管理员' };
const OFFICE_A = '市委巡察办';
const OFFICE_B = '市委第二巡察组';
const DEMO_LEADER = 'yanshi_zuzhang';
const LEADER_PASS = 'Yanshi zuzhang 2026 ziji';
const LEADER_B = { name: 'zhang_zuzhang', displayName: '张组长', roles: ['group_leader'] };
const LEADER_B_PASS = 'Erzu zuzhang 2026 mima';
/** A description carrying markup: it must show as these characters, never as elements. */
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>第一批线索材料';

interface Office {
  host: TestHost;
  page: Page;
  errors: string[];
}

/** Console errors, page errors and off-origin requests of a page (as the fixture does for `page`). */
function watch(page: Page, host: TestHost): string[] {
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    const local = [`${host.origin}/`, `blob:${host.origin}/`, 'data:'];
    if (!local.some((prefix) => url.startsWith(prefix))) errors.push(`request: ${url}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * The second office: its own host on its own data directory, its own browser context.
 * Its "file dialog" answers with `pick.next` (a bundle) or `pick.folder` (set before clicking 浏览…).
 */
async function secondOffice(
  browser: Browser,
): Promise<Office & { close: () => Promise<void>; pick: { next: string | null; folder: string | null } }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mingjing-e2e-b-'));
  const pick: { next: string | null; folder: string | null } = { next: null, folder: null };
  const host = await startHost({
    dataDir,
    kdfFast: true,
    osLocale: 'zh-CN',
    choosePath: (request) => Promise.resolve(request.purpose === 'importBundle' ? pick.next : pick.folder),
  });
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
  });
  const page = await context.newPage();
  const errors = watch(page, host);
  return {
    host,
    page,
    errors,
    pick,
    close: async () => {
      await context.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** First run of an office: its name, the administrator, optionally the demo data. */
async function setUp(page: Page, host: TestHost, office: string, admin: typeof ADMIN_A, demo: boolean) {
  await page.goto(host.url);
  await page.getByTestId('setup-office').fill(office);
  await page.getByTestId('setup-user').fill(admin.name);
  await page.getByTestId('setup-display-name').fill(admin.displayName);
  await page.getByTestId('setup-passphrase').fill(FIRST_PASSPHRASE);
  await page.getByTestId('setup-passphrase-confirm').fill(FIRST_PASSPHRASE);
  if (demo) await page.getByTestId('setup-demo').check();
  await page.getByTestId('setup-submit').click();
  const code = await readRecoveryCode(page);
  await confirmRecoveryCode(page, code.split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
}

/** The demo leader's first sign-in: the assigned passphrase is replaced first. */
async function firstSignIn(page: Page, user: string, assigned: string, own: string) {
  await page.getByTestId('lock-button').click();
  await unlock(page, assigned, () => chooseOption(page, page.getByTestId('unlock-user'), user));
  await page.getByTestId('change-required-current').fill(assigned);
  await page.getByTestId('change-required-new-passphrase').fill(own);
  await page.getByTestId('change-required-new-passphrase-confirm').fill(own);
  await page.getByTestId('change-required-submit').click();
  await expect(page.getByTestId('main-layout')).toBeVisible();
}

async function openTransfers(page: Page, tab: 'export' | 'import' | 'registers') {
  await page.getByTestId('nav-transfers').click();
  await expect(page.getByTestId('transfer-page')).toBeVisible();
  await page.getByTestId(`transfer-tab-${tab}`).click();
}

/** Opens a bundle on the import tab and returns when its preview (or refusal) shows. */
async function openBundle(page: Page, file: string) {
  await openTransfers(page, 'import');
  const again = page.getByTestId('import-again');
  if (await again.isVisible().catch(() => false)) await again.click();
  await page.getByTestId('import-file').fill(file);
  await page.getByTestId('import-open').click();
}

interface CaseSummary {
  id: string;
  code: string;
  unitName: string;
  myGroupRole: string | null;
}
interface Lead {
  id: string;
  number: string;
  summary: string;
  sealed: boolean;
}

/**
 * Links the imported group's leader to the signed-in leader's account on the case's
 * group screen: account links never travel, so an imported case opens to nobody here
 * until a case manager links its members.
 */
async function linkImportedLeader(
  page: Page,
  caseId: string,
  account: { name: string; displayName: string },
) {
  const kase = await api<{ code: string; members: { name: string; groupRole: string }[] }>(
    page,
    'cases:get',
    {
      id: caseId,
    },
  );
  const leader = kase.members.find((m) => m.groupRole === 'leader')!;
  await page.getByTestId('nav-cases').click();
  await page.getByTestId(`case-open-${kase.code}`).click();
  await chooseOption(
    page,
    page.getByTestId(`member-account-${leader.name}`),
    `${account.displayName} (${account.name})`,
  );
  await expect(page.getByTestId('case-members')).toContainText(account.displayName);
}

/** Saves this office's key card (a download) into `dir`; returns it with the fingerprint shown on screen. */
async function saveOwnCard(page: Page, dir: string, name: string) {
  await page.getByTestId('nav-offices').click();
  await expect(page.getByTestId('offices-own-fingerprint')).toBeVisible();
  // As it is read out: the eight four-digit groups (each has its group number under it).
  const shown = await page.getByTestId('offices-own-fingerprint').innerText();
  const fingerprint = shown
    .split(/\s+/)
    .filter((g) => /^\d{4}$/.test(g))
    .join(' ');
  expect(fingerprint).toMatch(/^(\d{4} ){7}\d{4}$/);
  const download = page.waitForEvent('download');
  await page.getByTestId('offices-export-card').click();
  const file = path.join(dir, `card-${name}.json`);
  await (await download).saveAs(file);
  return { file, fingerprint };
}

/** Imports another office's card and confirms the fingerprint read out from it. */
async function trustCard(page: Page, card: { file: string; fingerprint: string }) {
  await page.getByTestId('nav-offices').click();
  await page.getByTestId('offices-import').click();
  await page.getByTestId('offices-import-modal').locator('input[type=file]').setInputFiles(card.file);
  await expect(page.getByTestId('offices-card-preview')).toBeVisible();
  await page.getByTestId('offices-typed-fingerprint').fill(card.fingerprint);
  await page.getByTestId('offices-trust-submit').click();
  await expect(page.getByTestId('offices-trust-done')).toBeVisible();
}

/** The case of the demo leader that has leads: the one to send. */
async function caseWithLeads(page: Page): Promise<{ kase: CaseSummary; leads: Lead[] }> {
  const cases = await api<CaseSummary[]>(page, 'cases:list', {});
  for (const kase of cases.filter((c) => c.myGroupRole !== null)) {
    // Sealed leads stay home unless the box is ticked: edit only leads that travel.
    const leads = (await api<Lead[]>(page, 'leads:list', { caseId: kase.id })).filter((l) => !l.sealed);
    if (leads.length >= 3) return { kase, leads };
  }
  throw new Error('no demo case with three leads');
}

/** What both offices must agree on at the end: the case's leads and intake, as the ledgers list them. */
async function caseContent(page: Page, caseId: string) {
  const leads = await api<Lead[]>(page, 'leads:list', { caseId });
  const intake = await api<{ id: string; number: string; summary: string }[]>(page, 'intake:list', {
    caseId,
  });
  const pick = (r: { id: string; number: string; summary: string }) => ({
    id: r.id,
    number: r.number,
    summary: r.summary,
  });
  return {
    // A sealed lead stays at home unless its box was ticked (it was not): compared apart.
    leads: leads
      .filter((l) => !l.sealed)
      .map(pick)
      .sort((x, y) => x.id.localeCompare(y.id)),
    sealed: leads.filter((l) => l.sealed).map((l) => l.id),
    intake: intake.map(pick).sort((x, y) => x.id.localeCompare(y.id)),
  };
}

/**
 * The export wizard on the screens: the current case, one recipient, the given mode;
 * returns the bundle file written into `media`.
 */
async function exportCase(
  page: Page,
  opts: {
    recipientId: string;
    mode: 'full' | 'incremental';
    media: string;
    label: string;
    description: string;
    /** Choose the folder with 浏览… (this office's dialog stand-in answers with `media`). */
    browse?: { folder: string | null };
  },
  shots?: { preview: string; result: string; target?: string; shoot: (name: string) => Promise<void> },
): Promise<string> {
  await openTransfers(page, 'export');
  const again = page.getByTestId('export-again');
  if (await again.isVisible().catch(() => false)) await again.click();
  await page.getByTestId(`export-recipient-${opts.recipientId}`).check();
  await page
    .getByTestId('export-mode')
    .getByText(opts.mode === 'full' ? '全量' : '增量')
    .click();
  await page.getByTestId('export-scope-next').click();
  await expect(page.getByTestId('export-preview-counts')).toBeVisible();
  await expect(page.getByTestId('export-preview-next')).toBeEnabled();
  if (shots) await shots.shoot(shots.preview);
  await page.getByTestId('export-preview-next').click();
  if (opts.browse) {
    opts.browse.folder = opts.media;
    await page.getByTestId('export-out-dir-browse').click();
    await expect(page.getByTestId('export-out-dir')).toHaveValue(opts.media);
  } else {
    await page.getByTestId('export-out-dir').fill(opts.media);
  }
  await page.getByTestId('export-media-label').fill(opts.label);
  await page.getByTestId('export-description').fill(opts.description);
  if (shots?.target) await shots.shoot(shots.target);
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  if (shots) await shots.shoot(shots.result);
  return (await page.getByTestId('export-result-file').innerText()).trim();
}

/** Opens, checks the preview and applies a bundle; returns the result line. */
async function importBundle(
  page: Page,
  file: string,
  shoot?: (name: string) => Promise<void>,
  names?: [string, string],
) {
  await openBundle(page, file);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  if (shoot && names) await shoot(names[0]);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  if (shoot && names) await shoot(names[1]);
  return page.getByTestId('import-result').innerText();
}

test.slow();

test('two offices exchange a case on a medium, merge both ways, resolve a conflict and end identical', async ({
  page,
  host,
  consoleErrors,
  browser,
}, testInfo: TestInfo) => {
  const shootA = (name: string) => screenshot(page, testInfo, `transfer-a-${name}`);
  const media = mkdtempSync(path.join(tmpdir(), 'mingjing-media-'));
  const b = await secondOffice(browser);
  const shootB = (name: string) => screenshot(b.page, testInfo, `transfer-b-${name}`);
  try {
    // Office A with demo data (cases, intake, leads); office B empty, with its own group leader.
    await setUp(page, host, OFFICE_A, ADMIN_A, true);
    await setUp(b.page, b.host, OFFICE_B, ADMIN_B, false);

    // Key cards on the offices page: each security administrator saves the card and
    // reads the fingerprint out; the other imports the card and types what was read out.
    const cardA = await saveOwnCard(page, media, 'a');
    const cardB = await saveOwnCard(b.page, media, 'b');
    await shootA('00-own-card');
    await trustCard(b.page, cardA);
    await shootB('00-card-trusted');
    await closeOverlays(b.page);
    await trustCard(page, cardB);
    await closeOverlays(page);
    const idA = await api<{ officeId: string; fingerprint: string }>(page, 'offices:identity', {});
    const idB = await api<{ officeId: string; fingerprint: string }>(b.page, 'offices:identity', {});
    const digits = (f: string) => f.replace(/\D/g, '');
    expect(digits(idA.fingerprint)).toBe(digits(cardA.fingerprint));
    expect(digits(idB.fingerprint)).toBe(digits(cardB.fingerprint));

    await openAccounts(b.page, [LEADER_B], LEADER_B_PASS);
    await firstSignIn(page, DEMO_LEADER, FIRST_PASSPHRASE, LEADER_PASS);

    // The registers start empty.
    await openTransfers(page, 'registers');
    await expect(page.getByTestId('export-register')).toContainText('尚无导出记录');
    await expect(page.getByTestId('import-register')).toContainText('尚无导入记录');
    await shootA('01-registers-empty');

    // A sends its case to B (full).
    const { kase, leads } = await caseWithLeads(page);
    await chooseOption(page, page.getByTestId('case-selector'), `${kase.code} ${kase.unitName}`);
    await openTransfers(page, 'export');
    await expect(page.getByTestId(`export-recipient-${idB.officeId}`)).toBeVisible();
    await shootA('02-export-scope');
    const first = await exportCase(
      page,
      { recipientId: idB.officeId, mode: 'full', media, label: 'U盘-0042', description: PAYLOAD },
      { preview: '03-export-preview', result: '04-export-result', shoot: shootA },
    );
    expect(path.dirname(first)).toBe(media);
    await expect(page.getByTestId('export-result-recipients')).toContainText(OFFICE_B);

    // B opens it, choosing the file with 浏览… (the shell's dialog; this host's stand-in answers
    // with the bundle): sender, fingerprint, the description as literal text; then applies it.
    await signIn(b.page, LEADER_B.name, LEADER_B_PASS);
    await openTransfers(b.page, 'import');
    b.pick.next = first;
    await b.page.getByTestId('import-file-browse').click();
    await expect(b.page.getByTestId('import-file')).toHaveValue(first);
    await shootB('00-import-browse');
    await b.page.getByTestId('import-open').click();
    await expect(b.page.getByTestId('import-sender')).toHaveText(OFFICE_A);
    await expect(b.page.getByTestId('import-fingerprint')).toHaveText(idA.fingerprint);
    await expect(b.page.getByTestId('import-description')).toHaveText(PAYLOAD);
    await expect(b.page.getByTestId('import-description').locator('img, script')).toHaveCount(0);
    expect(await b.page.evaluate('window.__pwned')).toBeUndefined();
    await expect(b.page.getByTestId('import-preview-table')).toContainText('问题线索');
    await shootB('01-import-preview');
    await b.page.getByTestId('import-confirm').click();
    await expect(b.page.getByTestId('import-result')).toBeVisible();
    await shootB('02-import-result');

    // B's leader links the arrived group's leader to their own account (links never travel).
    await linkImportedLeader(b.page, kase.id, LEADER_B);
    await shootB('02a-case-account-linked');
    await closeOverlays(b.page);

    // Both edit the same lead (a conflict) and each a different one.
    const [same, onlyA, onlyB] = leads;
    await api(page, 'leads:edit', { id: same!.id, summary: `${same!.summary}（巡察办核实）` });
    await api(b.page, 'leads:edit', { id: same!.id, summary: `${same!.summary}（二组补充）` });
    await api(page, 'leads:edit', { id: onlyA!.id, summary: `${onlyA!.summary}（巡察办补充）` });
    await api(b.page, 'leads:edit', { id: onlyB!.id, summary: `${onlyB!.summary}（二组补充）` });

    // Both ways: A → B incremental, B → A (B's first bundle to A).
    const second = await exportCase(page, {
      recipientId: idB.officeId,
      mode: 'incremental',
      media,
      label: 'U盘-0042',
      description: '第二批',
    });
    await b.page.reload();
    await expect(b.page.getByTestId('main-layout')).toBeVisible();
    await chooseOption(b.page, b.page.getByTestId('case-selector'), `${kase.code} ${kase.unitName}`);
    const back = await exportCase(
      b.page,
      {
        recipientId: idA.officeId,
        mode: 'incremental',
        media,
        label: 'U盘-0077',
        description: '二组回传',
        browse: b.pick,
      },
      {
        preview: '03-export-preview',
        target: '03a-export-target',
        result: '04-export-result',
        shoot: shootB,
      },
    );
    const atB = await importBundle(b.page, second, shootB, [
      '05-import-conflict-preview',
      '06-import-conflict-result',
    ]);
    expect(atB).toContain('冲突 1');
    await importBundle(page, back, shootA, ['05-import-preview', '06-import-result']);

    // B resolves the conflict on its conflicts page and sends the decision to A.
    await expect(b.page.getByTestId('import-open-conflicts')).toBeVisible();
    await b.page.getByTestId('import-open-conflicts').click();
    await expect(b.page.getByTestId('conflicts-page')).toBeVisible();
    await shootB('07-conflicts');
    await resolveFirstConflict(b.page, shootB);
    await shootB('09-conflict-resolved');
    await closeOverlays(b.page);
    const decision = await exportCase(b.page, {
      recipientId: idA.officeId,
      mode: 'incremental',
      media,
      label: 'U盘-0077',
      description: '冲突处理结果',
    });
    await importBundle(page, decision);

    // Both offices hold the same case now.
    const contentA = await caseContent(page, kase.id);
    const contentB = await caseContent(b.page, kase.id);
    expect(contentB.leads).toEqual(contentA.leads);
    expect(contentB.intake).toEqual(contentA.intake);
    expect(contentA.sealed.length).toBeGreaterThan(0);
    expect(contentB.sealed).toEqual([]);
    expect(contentA.leads.find((l) => l.id === onlyA!.id)!.summary).toContain('巡察办补充');
    expect(contentA.leads.find((l) => l.id === onlyB!.id)!.summary).toContain('二组补充');

    // The first bundle again: flagged as replayed (and older than the last), confirm stays
    // disabled until the warning is acknowledged, and applying it changes nothing.
    await openBundle(b.page, first);
    await expect(b.page.getByTestId('import-flag-replayed')).toBeVisible();
    await expect(b.page.getByTestId('import-flag-olderThanLast')).toBeVisible();
    await expect(b.page.getByTestId('import-confirm')).toBeDisabled();
    await b.page.getByTestId('import-acknowledge').check();
    await shootB('10-import-replayed');
    await b.page.getByTestId('import-confirm').click();
    await expect(b.page.getByTestId('import-result')).toContainText('变更记录 0 条');
    expect(await caseContent(b.page, kase.id)).toEqual(contentB);

    // A tampered copy (one byte flipped, signature beside it) is refused with its reason.
    const tampered = path.join(media, 'tampered.mjb');
    const bytes = readFileSync(first);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(tampered, bytes);
    copyFileSync(`${first}.minisig`, `${tampered}.minisig`);
    await openBundle(b.page, tampered);
    await expect(b.page.getByTestId('import-refused-reason')).toContainText('签名与文件不符');
    await shootB('11-import-tampered');

    // The registers list all of it, the refusal with its reason.
    await openTransfers(b.page, 'registers');
    await expect(b.page.getByTestId('import-register')).toContainText('已拒收');
    await expect(b.page.getByTestId('import-register')).toContainText('签名与文件不符');
    await expect(b.page.getByTestId('export-register')).toContainText('U盘-0077');
    await shootB('12-registers');
    await openTransfers(page, 'registers');
    await expect(page.getByTestId('export-register')).toContainText('U盘-0042');
    await shootA('07-registers');

    expect(b.errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await b.close();
    rmSync(media, { recursive: true, force: true });
  }
});

/** Opens the first conflict on the conflicts page and keeps the second office's value of its summary. */
async function resolveFirstConflict(page: Page, shoot: (name: string) => Promise<void>) {
  await page.locator('[data-testid^="conflict-open-"]').first().click();
  await expect(page.getByTestId('conflict-drawer')).toBeVisible();
  await shoot('08-conflict-drawer');
  const values = page.locator('[data-testid^="conflict-value-summary-"]');
  await expect(values).toHaveCount(2);
  const chosen = values.filter({ hasText: '二组补充' });
  await chosen.locator('[data-testid^="conflict-pick-summary-"]').click();
  await expect(page.getByTestId('conflict-all-resolved')).toBeVisible();
}
