import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkRecord } from '../../../../shared/contracts/work-records';

const STATUS_COLORS: Record<NonNullable<WorkRecord['status']>, string> = {
  requested: 'processing',
  partially_received: 'gold',
  received: 'success',
  returned: 'default',
  cancelled: 'default',
};

/** Where a document request stands. */
export function StatusTag({ status }: { status: NonNullable<WorkRecord['status']> }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`work-records.statuses.${status}`)}</Tag>;
}
