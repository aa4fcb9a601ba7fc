import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/i18n';

interface ErrorAlertProps {
  /** A query or mutation: the alert shows its translated error while it is in error. */
  result: { isError: boolean; error: unknown };
  style?: CSSProperties;
  'data-testid'?: string;
}

export function ErrorAlert({ result, style, 'data-testid': testId }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!result.isError) return null;
  return (
    <Alert type="error" showIcon title={errorMessage(t, result.error)} style={style} data-testid={testId} />
  );
}
