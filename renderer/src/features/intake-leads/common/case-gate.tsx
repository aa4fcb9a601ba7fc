import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentCase } from '../../../app/current-case';

/** Renders its child with the current case, or asks the user to choose one first. */
export function CaseGate({ children }: { children: (caseId: string) => ReactNode }) {
  const { t } = useTranslation();
  const { caseId } = useCurrentCase();
  if (!caseId) return <Empty description={t('intake.noCase')} data-testid="intake-leads-no-case" />;
  return <>{children(caseId)}</>;
}
