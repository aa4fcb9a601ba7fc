/**
 * The first page in Chromium: the real renderer through the test host on the
 * benchmark vault, timed in the page from the click on a ledger in the navigation
 * to the frame after its first rows are in the document, with the core's cached
 * totals dropped so each click pays for the whole query. Median and p95 per ledger,
 * in two situations:
 * - afterUnlock: the app has run (its code and styles are warm), the user locks and
 *   unlocks (which drops every cached record), picks the case and opens the ledger;
 * - afterReload: the page itself was just loaded (nothing warm at all).
 */
import { chromium, type Page } from '@playwright/test';
import { forgetLedgerCounts } from '../../electron/core/intake-leads/ledger-query';
import { startHost } from '../e2e/host/host';
import { percentile } from './ledger-pages.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const NAVIGATIONS = 10;
const SETTLE_MS = 500;

async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

async function pickCase(page: Page, caseLabel: string): Promise<void> {
  const picked = page.getByTestId('case-selector').filter({ hasText: caseLabel });
  // The header's picker may still be loading its cases: try again until it shows the case.
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await picked.isVisible()) return;
    await choose(page, 'case-selector', caseLabel).catch(() => undefined);
    await picked.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  await picked.waitFor({ timeout: 1000 });
}

async function unlock(page: Page, user: { name: string; passphrase: string }): Promise<void> {
  await choose(page, 'unlock-user', user.name);
  await page.getByTestId('unlock-passphrase').fill(user.passphrase);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('main-layout').waitFor();
}

/** Clicks the ledger in the navigation; resolves with the ms until its first row is painted. */
async function openLedger(page: Page, nav: string, table: string): Promise<number> {
  // A script as text: the bundler's helpers (tsx names functions) do not exist in the page.
  return page.evaluate(`(${MEASURE})(${JSON.stringify(nav)}, ${JSON.stringify(table)})`) as Promise<number>;
}

/** In the page: click the navigation item, resolve with the ms until the frame after the first row appears. */
const MEASURE = `(nav, table) => new Promise((resolve) => {
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="' + table + '"] .ant-table-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.querySelector('[data-testid="' + nav + '"]').click();
})`;

export async function firstPageFigures(
  dataDir: string,
  user: { name: string; passphrase: string },
  caseLabel: string,
) {
  const host = await startHost({ dataDir, kdfFast: true, osLocale: 'zh-CN', log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await unlock(page, user);
    const ledgers = [
      ['intake ledger', 'nav-intake', 'intake-table'],
      ['lead ledger', 'nav-leads', 'leads-table'],
    ] as const;
    const situations = {
      afterUnlock: async () => {
        await page.getByTestId('lock-button').click();
        await unlock(page, user);
      },
      afterReload: async () => {
        await page.reload();
        await page.getByTestId('main-layout').waitFor();
      },
    };
    const out: Record<string, Record<string, { medianMs: number; p95Ms: number; samples: number[] }>> = {};
    for (const [situation, prepare] of Object.entries(situations)) {
      out[situation] = {};
      for (const [label, nav, table] of ledgers) {
        const samples: number[] = [];
        // One more navigation first, not counted: the very first also compiles the page's code.
        for (let i = 0; i <= NAVIGATIONS; i++) {
          await prepare();
          // Start from the overview, whatever page the app came back to.
          await page.getByTestId('nav-home').click();
          await pickCase(page, caseLabel);
          // A person takes a moment before the next click; the overview finishes loading meanwhile.
          await page.waitForTimeout(SETTLE_MS);
          forgetLedgerCounts(host.core.context.db());
          const ms = await openLedger(page, nav, table);
          if (i > 0) samples.push(+ms.toFixed(1));
        }
        const sorted = [...samples].sort((a, b) => a - b);
        out[situation][label] = {
          medianMs: percentile(sorted, 0.5),
          p95Ms: percentile(sorted, 0.95),
          samples,
        };
      }
    }
    return { navigations: NAVIGATIONS, goalMs: 300, case: caseLabel, ...out };
  } finally {
    await browser.close();
    await host.close();
  }
}
