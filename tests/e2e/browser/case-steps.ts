import type { Page } from '@playwright/test';
import { unlock } from '../journey-steps';
import { chooseOption, expect } from './fixtures';

/**
 * Steps of the case journey (case-journey.spec.ts) driven through the real screens.
 * Only the accounts are opened through the bridge: account administration has its
 * own journey (journey.spec.ts).
 */

type Api = Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>;

/** Calls a channel through the page's bridge, as the signed-in user. */
export async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const env = await page.evaluate(
    ([c, i]) => (globalThis as unknown as { mingjing: Api }).mingjing[c as string]!(i),
    [channel, input] as const,
  );
  if (!env.ok) throw new Error(`${channel}: ${JSON.stringify(env.error)}`);
  return env.value as T;
}

/** Opens each account (as the signed-in administrator) and replaces its first passphrase. */
export async function openAccounts(
  page: Page,
  accounts: readonly { name: string; displayName: string; roles: string[] }[],
  pass: string,
): Promise<void> {
  for (const a of accounts) await api(page, 'users:create', { ...a, passphrase: `${pass}0` });
  for (const a of accounts) {
    await api(page, 'session:unlock', { userName: a.name, passphrase: `${pass}0` });
    await api(page, 'session:changePassphrase', { current: `${pass}0`, next: pass });
  }
  await api(page, 'session:lock', {});
  await page.reload();
}

/** Closes whatever drawer or modal is open (their masks cover the header). */
export async function closeOverlays(page: Page): Promise<void> {
  for (
    let i = 0;
    i < 3 && (await page.locator('.ant-drawer-open, .ant-modal-wrap:visible').count()) > 0;
    i++
  ) {
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-drawer-open, .ant-modal-wrap:visible').first())
      .toBeHidden({ timeout: 2000 })
      .catch(() => {});
  }
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
}

/** Locks (when signed in) and signs in as `userName`. */
export async function signIn(page: Page, userName: string, pass: string): Promise<void> {
  const lock = page.getByTestId('lock-button');
  if (await lock.isVisible().catch(() => false)) {
    await closeOverlays(page);
    await lock.click();
  }
  await unlock(page, pass, () => chooseOption(page, page.getByTestId('unlock-user'), userName));
  await expect(page.getByTestId('main-layout')).toBeVisible();
  await expect(page.getByTestId('header-user')).toBeVisible();
}

export async function createUnit(page: Page, name: string, parent: string | null): Promise<void> {
  await page.getByTestId('unit-create').click();
  await page.getByTestId('unit-form-name').fill(name);
  if (parent) {
    await page.locator('.ant-modal .ant-select-tree-select, .ant-modal .ant-tree-select').first().click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: parent }).first().click();
  }
  await page.getByTestId('unit-form-submit').click();
  await expect(page.getByTestId('units-table')).toContainText(name);
}

export async function createPerson(
  page: Page,
  p: { name: string; unit: string; post: string; leader?: boolean },
): Promise<void> {
  await page.getByTestId('person-create').click();
  await page.getByTestId('person-form-name').fill(p.name);
  await chooseOption(page, page.getByTestId('person-form-unit'), p.unit);
  await page.getByTestId('person-form-post').fill(p.post);
  if (p.leader) await page.getByTestId('person-form-leadership').check();
  await page.getByTestId('person-form-submit').click();
  await expect(page.getByTestId('persons-table')).toContainText(p.name);
}

export async function addInspector(page: Page, label: string, background: string): Promise<void> {
  await page.getByTestId('inspector-create').click();
  await chooseOption(page, page.getByTestId('inspector-form-person'), label);
  await chooseOption(page, page.getByTestId('inspector-form-bg'), background);
  await page.keyboard.press('Escape');
  await page.getByTestId('inspector-form-submit').click();
  await expect(page.getByTestId('pool-table')).toContainText(label.split(' ')[0]!);
}

/** In the open case drawer: assigns an inspector to a group role, linked to an account. */
export async function chooseMember(page: Page, inspector: string, role: string, account: string) {
  await chooseOption(page, page.getByTestId('member-form-inspector'), inspector);
  await chooseOption(page, page.getByTestId('member-form-role'), role);
  await chooseOption(page, page.getByTestId('member-form-account'), account);
}

/** Picks a reported person in a subject picker row by name (the first record of that name). */
export async function pickSubject(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  // The person on file, not the "register as typed" option, which shows before the search answers.
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`)
    .filter({ hasNotText: '不在人员库中' })
    .first()
    .click();
}

/** One step of a lead, from its drawer: the action's button, its form, its submit. */
export async function leadStep(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`lead-action-${action}`).click();
  await fill?.();
  await page.getByTestId('lead-step-submit').click();
}
