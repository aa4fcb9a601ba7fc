import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { useEffect } from 'react';
import type { Preferences } from '../../../shared/contract';
import { DEFAULT_LOCALE, matchLocale, type LocaleId } from '../../../shared/locale-ids';
import { usePreferences } from '../api/queries';
import { i18n } from './i18n';

export const ANTD_LOCALES: Record<LocaleId, Locale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

/** The language in effect: the user's choice, else the operating system's. */
export function effectiveLanguage(prefs: Preferences | undefined): LocaleId {
  if (!prefs) return DEFAULT_LOCALE;
  return prefs.language ?? matchLocale(prefs.osLocale);
}

/** Keeps i18next and <html lang> in step with the preferences; returns the language. */
export function useAppLanguage(): { language: LocaleId; ready: boolean; error: unknown } {
  const prefs = usePreferences();
  const language = effectiveLanguage(prefs.data);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
  return { language, ready: !prefs.isPending, error: prefs.error };
}
