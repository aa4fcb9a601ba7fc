import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type LocaleId } from '../../../shared/locale-ids';
import { isApiError } from '../api/client';

type Catalog = Record<string, unknown>;

// Each shared/locales/<lng>/<section>.json becomes the `<section>` branch of that
// language's one namespace, so keys read "section.key" (e.g. "errors.VAULT_THROTTLED",
// the messageKey the core sends).
const files = import.meta.glob<Catalog>('../../../shared/locales/*/*.json', {
  eager: true,
  import: 'default',
});

function buildResources(): Record<LocaleId, { translation: Catalog }> {
  const resources = Object.fromEntries(LOCALES.map((lng) => [lng, { translation: {} as Catalog }])) as Record<
    LocaleId,
    { translation: Catalog }
  >;
  for (const [path, catalog] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    const lng = match?.[1] as LocaleId | undefined;
    const section = match?.[2];
    if (lng && section && lng in resources) resources[lng].translation[section] = catalog;
  }
  return resources;
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (lngs, _ns, key) => {
    // Caught by the end-to-end tests, which fail on console errors.
    console.error(`[i18n] missing key "${key}" for ${lngs.join(',')}`);
  },
  initAsync: false,
});

/** Font stacks that put the right CJK face first for each language. */
const FONT_STACKS: Record<LocaleId, string> = {
  'zh-CN':
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  'zh-TW':
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Source Han Sans TC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  en: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
};

export function fontStackFor(lng: LocaleId): string {
  return FONT_STACKS[lng];
}

export const MONO_FONT_STACK =
  "'JetBrains Mono', 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace";

/** A user-facing sentence for any error: the core's key with its details interpolated. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.INTERNAL');
  const details: Record<string, string | number> = { ...(error.details ?? {}) };
  if (typeof details.field === 'string') {
    details.field = details.field
      ? t(`fields.${details.field}`, { defaultValue: details.field })
      : t('fields.unknown');
  }
  const text = t(error.messageKey, { ...details, defaultValue: t('errors.INTERNAL') });
  if (error.code === 'VAULT_BAD_CREDENTIALS' && typeof details.attempts === 'number') {
    return t('errors.withAttempts', {
      message: text,
      attempts: t('errors.failedAttempts', { attempts: details.attempts }),
    });
  }
  return text;
}
