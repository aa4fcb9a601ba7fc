import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './language-select';

interface AuthLayoutProps {
  title: ReactNode;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
  'data-testid'?: string;
}

/** The frame of every screen shown while the vault is locked: brand, one card, language. */
export function AuthLayout({
  title,
  subtitle,
  width = 440,
  children,
  'data-testid': testId,
}: AuthLayoutProps) {
  const { t, i18n } = useTranslation();
  // Spaced-out characters suit the Chinese name, not the Latin one.
  const brandSpacing = i18n.language.startsWith('zh') ? 2 : 0;
  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100%',
        padding: '48px 16px 24px',
        boxSizing: 'border-box',
        background: 'linear-gradient(180deg, #e8eef7 0%, #f5f5f5 320px)',
      }}
      data-testid={testId}
    >
      <Flex align="center" gap={12} style={{ marginBottom: 24 }}>
        <SafetyCertificateOutlined style={{ fontSize: 36, color: '#1677ff' }} />
        <div>
          <Typography.Title level={3} style={{ margin: 0, letterSpacing: brandSpacing }}>
            {t('app.productName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
      </Flex>
      <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 4px 16px rgba(0, 0, 0, 0.06)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 20 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {subtitle}
          </Typography.Paragraph>
        ) : null}
        {children}
      </Card>
      <Flex vertical align="center" gap={4} style={{ marginTop: 24 }}>
        <LanguageSelect data-testid="auth-language-select" variant="compact" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('app.offlineNotice')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
