import { QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createQueryClient } from '../api/queries';
import { fontStackFor, i18n } from '../i18n/i18n';
import { ANTD_LOCALES, useAppLanguage } from '../i18n/language';
import { FullPageSpin, SessionGate } from './session-gate';

const queryClient = createQueryClient();

export function AppRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalizedApp />
      </I18nextProvider>
    </QueryClientProvider>
  );
}

function LocalizedApp() {
  const { t } = useTranslation();
  const { language, ready } = useAppLanguage();

  useEffect(() => {
    document.title = t('app.title');
  }, [t, language]);

  return (
    <ConfigProvider
      locale={ANTD_LOCALES[language]}
      theme={{
        token: { fontFamily: fontStackFor(language), colorBgLayout: '#f5f5f5' },
        components: { Layout: { headerHeight: 64 } },
      }}
    >
      <App style={{ height: '100%' }}>{ready ? <SessionGate /> : <FullPageSpin />}</App>
    </ConfigProvider>
  );
}
