export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type LocaleId = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: LocaleId = 'zh-CN';

/** Map an OS/browser locale (e.g. "zh-HK", "en-US") onto one we ship. */
export function matchLocale(osLocale: string | undefined | null): LocaleId {
  const tag = (osLocale ?? '').toLowerCase();
  if (tag.startsWith('zh')) {
    return /^zh-(tw|hk|mo)|hant/.test(tag) ? 'zh-TW' : 'zh-CN';
  }
  if (tag.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}
