import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startHost, type TestHost } from '../host/host';
import { confirmRecoveryCode, FIRST_PASSPHRASE, readRecoveryCode } from '../journey-steps';
import { openAccounts, signIn } from './case-steps';
import { expect, screenshot, test } from './fixtures';

/**
 * Issue 4, identities and trust, end to end: two offices, each a test host with its own
 * data directory and browser context. Office B exports its key card on the screen; office
 * A imports it, a wrong read-out is refused with the message, the right one (typed with
 * hyphens and full-width digits) is trusted; B rotates its keys and A accepts the new card
 * without a read-out; A revokes B with a reason and reads the trust history.
 */

const OFFICE_A = '省委第三巡视组';
const OFFICE_B = '市委第二巡察组';

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

async function secondOffice(browser: Browser) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mingjing-e2e-offices-b-'));
  const host = await startHost({ dataDir, kdfFast: true, osLocale: 'zh-CN' });
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  return {
    host,
    page,
    errors: watch(page, host),
    close: async () => {
      await context.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function setUp(
  page: Page,
  host: TestHost,
  office: string,
  admin: { name: string; displayName: string },
) {
  await page.goto(host.url);
  await page.getByTestId('setup-office').fill(office);
  await page.getByTestId('setup-user').fill(admin.name);
  await page.getByTestId('setup-display-name').fill(admin.displayName);
  await page.getByTestId('setup-passphrase').fill(FIRST_PASSPHRASE);
  await page.getByTestId('setup-passphrase-confirm').fill(FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();
  const code = await readRecoveryCode(page);
  await confirmRecoveryCode(page, code.split('-').at(-1)!);
  await expect(page.getByTestId('main-layout')).toBeVisible();
}

async function openOffices(page: Page) {
  await page.getByTestId('nav-offices').click();
  await expect(page.getByTestId('offices-page')).toBeVisible();
  await expect(page.getByTestId('offices-own-fingerprint')).toBeVisible();
}

/** Exports the office's key card through the page's download and keeps it under `dir`. */
async function exportCard(page: Page, dir: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('offices-export-card').click();
  const file = path.join(dir, name);
  await (await download).saveAs(file);
  return file;
}

const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

test('two offices exchange key cards: wrong read-out refused, trusted, rotation accepted, revoked', async ({
  page,
  host,
  consoleErrors,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const medium = mkdtempSync(path.join(tmpdir(), 'mingjing-e2e-cards-'));
  const b = await secondOffice(browser);
  try {
    await setUp(page, host, OFFICE_A, { name: 'anquan_a', displayName: '巡视组安全员' });
    await setUp(b.page, b.host, OFFICE_B, { name: 'anquan_b', displayName: '巡察组安全员' });

    // Office B: its card, fingerprint, export and the printable sheet.
    await openOffices(b.page);
    const fingerprintB = (await b.page
      .getByTestId('offices-own-fingerprint')
      .getAttribute('data-fingerprint'))!;
    expect(fingerprintB).toMatch(/^\d{4}( \d{4}){7}$/);
    await expect(b.page.getByTestId('offices-own-card')).toContainText(OFFICE_B);
    await screenshot(b.page, testInfo, 'offices-01-own-card');
    const cardB = await exportCard(b.page, medium, 'b-card.json');
    expect(JSON.parse(readFileSync(cardB, 'utf8'))).toMatchObject({
      officeName: OFFICE_B,
      fingerprint: fingerprintB,
    });
    // The print button prints with the sheet class on the body (the dialog itself is the browser's).
    await b.page.evaluate(
      "window.print = () => { window.__printedWith = document.body.className; window.dispatchEvent(new Event('afterprint')); }",
    );
    await b.page.getByTestId('offices-print').click();
    expect(await b.page.evaluate('window.__printedWith')).toContain('mj-printing-fingerprint');
    expect(await b.page.evaluate('document.body.className')).not.toContain('mj-printing-fingerprint');
    await b.page.emulateMedia({ media: 'print' });
    await b.page.evaluate("document.body.classList.add('mj-printing-fingerprint')");
    await expect(b.page.getByTestId('fingerprint-sheet')).toBeVisible();
    await expect(b.page.getByTestId('fingerprint-sheet')).toContainText(
      fingerprintB.split(' ').slice(0, 4).join('  '),
    );
    await expect(b.page.getByTestId('main-layout')).toBeHidden();
    await screenshot(b.page, testInfo, 'offices-02-print-sheet');
    await b.page.evaluate("document.body.classList.remove('mj-printing-fingerprint')");
    await b.page.emulateMedia({ media: 'screen' });
    await expect(b.page.getByTestId('fingerprint-sheet')).toBeHidden();

    // Office A: import B's card, preview it.
    await openOffices(page);
    await expect(page.getByTestId('offices-trusted')).toContainText('尚未信任任何单位');
    await page.getByTestId('offices-import').click();
    await page.locator('[data-testid="offices-import-modal"] input[type="file"]').setInputFiles(cardB);
    await expect(page.getByTestId('offices-card-preview')).toContainText(OFFICE_B);
    await expect(page.getByTestId('offices-card-fingerprint')).toHaveAttribute(
      'data-fingerprint',
      fingerprintB,
    );
    await expect(page.getByTestId('offices-card-relation')).toContainText('尚未信任');

    // The form refuses what is not 32 digits before asking the core.
    await page.getByTestId('offices-typed-fingerprint').fill('1234 5678');
    await page.getByTestId('offices-trust-submit').click();
    await expect(page.getByText('指纹应为 32 位数字')).toBeVisible();

    // A wrong read-out: the core refuses it, nothing is trusted.
    const digits = fingerprintB.replace(/ /g, '');
    const wrong = `${digits.slice(0, 20)}${(Number(digits[20]) + 5) % 10}${digits.slice(21)}`;
    await page.getByTestId('offices-typed-fingerprint').fill(wrong.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.getByTestId('offices-trust-submit').click();
    await expect(page.getByTestId('offices-trust-error')).toContainText('输入的指纹与密钥卡不符');
    await screenshot(page, testInfo, 'offices-03-wrong-fingerprint');

    // The right one, as someone types it from the phone: full-width digits and hyphens.
    await page.getByTestId('offices-typed-fingerprint').fill(fullWidth(fingerprintB.replace(/ /g, '-')));
    await page.getByTestId('offices-trust-submit').click();
    await expect(page.getByTestId('offices-trust-done')).toContainText(`已信任 ${OFFICE_B}`);
    await screenshot(page, testInfo, 'offices-04-trusted');
    await page.getByRole('button', { name: '关闭' }).click();
    const row = page.locator('.ant-table-row', { hasText: OFFICE_B });
    await expect(row.getByTestId('offices-status')).toHaveText('已信任');
    await expect(row).toContainText(fingerprintB);
    await expect(row).toContainText('巡视组安全员');

    // Office B rotates its keys; A accepts the new card without a read-out.
    await b.page.getByTestId('offices-rotate').click();
    await expect(b.page.getByRole('dialog')).toContainText('旧的解密密钥仍保留');
    await screenshot(b.page, testInfo, 'offices-05-rotate-confirm');
    await b.page.getByTestId('offices-rotate-confirm').click();
    await expect(b.page.getByTestId('offices-own-fingerprint')).not.toHaveAttribute(
      'data-fingerprint',
      fingerprintB,
    );
    const rotatedB = (await b.page.getByTestId('offices-own-fingerprint').getAttribute('data-fingerprint'))!;
    await expect(b.page.getByTestId('offices-own-card')).toContainText(fingerprintB); // listed as earlier
    const cardB2 = await exportCard(b.page, medium, 'b-card-rotated.json');
    // The audit log names the change with both public fingerprints.
    await b.page.getByTestId('nav-audit').click();
    const rotatedEntry = b.page.locator('.ant-table-row', { hasText: '轮换单位密钥' });
    await expect(rotatedEntry).toContainText(`指纹 ${fingerprintB} → ${rotatedB}`);
    await expect(b.page.locator('.ant-table-row', { hasText: '导出本单位密钥卡' }).first()).toContainText(
      rotatedB,
    );
    await screenshot(b.page, testInfo, 'offices-05b-audit');

    await page.getByTestId('offices-import').click();
    await page.locator('[data-testid="offices-import-modal"] input[type="file"]').setInputFiles(cardB2);
    await expect(page.getByTestId('offices-card-relation')).toContainText('密钥轮换');
    await expect(page.getByTestId('offices-typed-fingerprint')).toHaveCount(0);
    await screenshot(page, testInfo, 'offices-06-rotation-preview');
    await page.getByTestId('offices-accept-rotation').click();
    await expect(page.getByTestId('offices-trust-done')).toContainText(`已接受 ${OFFICE_B} 的新密钥`);
    await page.getByRole('button', { name: '关闭' }).click();
    await expect(row.getByTestId('offices-status')).toHaveText('已轮换密钥');
    await expect(row).toContainText(rotatedB);

    // The old card cannot come back.
    await page.getByTestId('offices-import').click();
    await page.locator('[data-testid="offices-import-modal"] input[type="file"]').setInputFiles(cardB);
    await expect(page.getByTestId('offices-card-relation')).toContainText('旧密钥卡');
    await expect(page.getByTestId('offices-trust-submit')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('offices-import-modal')).toBeHidden();

    // Revoke: the reason is required.
    await row.getByTestId('offices-revoke').click();
    await page.getByTestId('offices-revoke-confirm').click();
    await expect(page.getByText('请填写撤销原因')).toBeVisible();
    await page.getByTestId('offices-revoke-reason').fill('介质遗失，密钥可能泄露');
    await page.getByTestId('offices-revoke-confirm').click();
    await expect(row.getByTestId('offices-status')).toHaveText('已撤销');
    await expect(row).toContainText('介质遗失，密钥可能泄露');
    await expect(row.getByTestId('offices-revoke')).toHaveCount(0);
    await screenshot(page, testInfo, 'offices-07-revoked');

    // History of the trusted office.
    await row.getByTestId('offices-history-open').click();
    await expect(page.getByTestId('offices-history-entry')).toHaveCount(3);
    await expect(page.getByTestId('offices-history')).toContainText('撤销对交换单位的信任');
    await expect(page.getByTestId('offices-history')).toContainText('接受交换单位的密钥轮换');
    await screenshot(page, testInfo, 'offices-08-history');
    await page.keyboard.press('Escape');

    // Other roles read the card and the list; only the security administrator acts.
    const pass = 'Chakan xinren 2026 mima';
    await openAccounts(
      page,
      [
        { name: 'zuyuan', displayName: '李组员', roles: ['member'] },
        { name: 'shenji', displayName: '审计员', roles: ['auditor'] },
      ],
      pass,
    );
    await signIn(page, 'zuyuan', pass);
    await openOffices(page);
    await expect(page.getByTestId('offices-own-card')).toContainText('密钥和信任列表由安全保密管理员管理');
    await expect(
      page.locator('.ant-table-row', { hasText: OFFICE_B }).getByTestId('offices-status'),
    ).toHaveText('已撤销');
    for (const id of [
      'offices-export-card',
      'offices-rotate',
      'offices-import',
      'offices-revoke',
      'offices-history-open',
    ])
      await expect(page.getByTestId(id)).toHaveCount(0);
    await screenshot(page, testInfo, 'offices-09-member-read-only');
    await signIn(page, 'shenji', pass);
    await openOffices(page);
    await expect(page.getByTestId('offices-import')).toHaveCount(0);
    await page.locator('.ant-table-row', { hasText: OFFICE_B }).getByTestId('offices-history-open').click();
    await expect(page.getByTestId('offices-history-entry')).toHaveCount(3);

    expect(consoleErrors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await b.close();
    rmSync(medium, { recursive: true, force: true });
  }
});
