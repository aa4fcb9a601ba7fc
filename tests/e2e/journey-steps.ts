import { expect, type Page } from '@playwright/test';

// Steps and data shared by the browser journeys (browser/journey.spec.ts) and the
// desktop one (electron/journey.spec.ts): the same screens, driven the same way.

export const OFFICE = '第一巡视组';
export const ADMIN = { name: 'wangfang', displayName: '王芳' };
export const FIRST_PASSPHRASE = 'Qingshan lushui 2026 mingjing';
export const NEW_PASSPHRASE = 'Changfeng polang huiyou shi';

/** Fills the first-run form (office, first account, passphrase) without submitting it. */
export async function fillSetup(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('setup-office').fill(OFFICE);
  await page.getByTestId('setup-user').fill(ADMIN.name);
  await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
  await page.getByTestId('setup-passphrase').fill(passphrase);
  await page.getByTestId('setup-passphrase-confirm').fill(passphrase);
}

/** The recovery code on screen: six groups of five Crockford base-32 characters. */
export async function readRecoveryCode(page: Page): Promise<string> {
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  const groups = await page.getByTestId('recovery-code-group').allTextContents();
  expect(groups).toHaveLength(6);
  for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}$/);
  return groups.join('-');
}

/** Re-types part of the code, ticks "written down" and continues. */
export async function confirmRecoveryCode(page: Page, typed: string): Promise<void> {
  await page.getByTestId('recovery-confirm-input').fill(typed);
  await page.getByTestId('recovery-confirm-check').check();
  await page.getByTestId('recovery-confirm-submit').click();
}

/** Types the passphrase on the unlock screen and submits; `chooseUser` picks the account first. */
export async function unlock(
  page: Page,
  passphrase: string,
  chooseUser?: () => Promise<void>,
): Promise<void> {
  await expect(page.getByTestId('unlock-submit')).toBeVisible();
  await chooseUser?.();
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
}

/** From the unlock screen to a filled recovery form (the admin preselected), not submitted. */
export async function fillRecovery(page: Page, typedCode: string, newPassphrase: string): Promise<void> {
  await page.getByTestId('recover-link').click();
  await expect(page.getByTestId('recover-code')).toBeVisible();
  await expect(page.getByTestId('recover-user')).toContainText(ADMIN.name);
  await page.getByTestId('recover-code').fill(typedCode);
  await page.getByTestId('recover-new-passphrase').fill(newPassphrase);
  await page.getByTestId('recover-new-passphrase-confirm').fill(newPassphrase);
}
