import { chooseOption, expect, screenshot, test } from './fixtures';

// Until someone picks a language, the interface follows the operating system's.
for (const { osLocale, lang, title, submit, shot } of [
  {
    osLocale: 'en-US',
    lang: 'en',
    title: 'First-run setup',
    submit: 'Create encrypted database',
    shot: 'setup-en',
  },
  { osLocale: 'zh-HK', lang: 'zh-TW', title: '首次使用設定', submit: '建立加密資料庫', shot: 'setup-zh-tw' },
  {
    osLocale: 'fr-FR',
    lang: 'zh-CN',
    title: '首次使用设置',
    submit: '创建加密数据库',
    shot: 'setup-fallback-zh-cn',
  },
]) {
  test.describe(`OS locale ${osLocale}`, () => {
    test.use({ osLocale });

    test(`first run is in ${lang}, and a picked language wins over the OS`, async ({
      page,
      host,
      consoleErrors,
    }, testInfo) => {
      await page.goto(host.url);
      await expect(page.getByTestId('setup-submit')).toHaveText(submit);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      await screenshot(page, testInfo, shot);

      // Picked on the first-run screen, kept across a reload.
      const [pick, pickedSubmit] =
        lang === 'en' ? ['简体中文', '创建加密数据库'] : ['English', 'Create encrypted database'];
      await chooseOption(page, page.getByTestId('auth-language-select'), pick);
      await expect(page.getByTestId('setup-submit')).toHaveText(pickedSubmit);
      await page.reload();
      await expect(page.getByTestId('setup-submit')).toHaveText(pickedSubmit);
      expect(consoleErrors).toEqual([]);
    });
  });
}
