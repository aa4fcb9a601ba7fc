import { GlobalOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, matchLocale, type LocaleId } from '../../../shared/locale-ids';
import { usePreferences, useSetLanguage } from '../api/queries';
import { errorMessage } from '../i18n/i18n';

const FOLLOW_SYSTEM = 'system';
type Choice = LocaleId | typeof FOLLOW_SYSTEM;

interface LanguageSelectProps {
  'data-testid': string;
  /** Compact (auth screens) or form width (settings). */
  variant?: 'compact' | 'form';
}

/** Follow the system, Simplified Chinese, Traditional Chinese or English, saved at once through prefs:setLanguage. */
export function LanguageSelect({ 'data-testid': testId, variant = 'form' }: LanguageSelectProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefs = usePreferences();
  const setLanguage = useSetLanguage();
  const value: Choice = prefs.data?.language ?? FOLLOW_SYSTEM;
  const systemLanguage = matchLocale(prefs.data?.osLocale);

  const options = [
    {
      value: FOLLOW_SYSTEM,
      label: t('language.followSystem', { language: t(`language.names.${systemLanguage}`) }),
    },
    ...LOCALES.map((lng) => ({ value: lng, label: t(`language.names.${lng}`) })),
  ];

  return (
    <Select<Choice>
      data-testid={testId}
      aria-label={t('language.label')}
      value={value}
      options={options}
      loading={setLanguage.isPending}
      disabled={prefs.isPending}
      prefix={variant === 'compact' ? <GlobalOutlined /> : undefined}
      variant={variant === 'compact' ? 'borderless' : 'outlined'}
      popupMatchSelectWidth={false}
      style={variant === 'compact' ? { minWidth: 150 } : { width: 260 }}
      onChange={(choice) =>
        setLanguage.mutate(choice === FOLLOW_SYSTEM ? null : choice, {
          onError: (error) => void message.error(errorMessage(t, error)),
        })
      }
    />
  );
}
