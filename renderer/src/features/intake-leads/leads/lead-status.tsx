import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../../shared/contracts/intake-leads';

const COLORS: Record<Lead['status'], string> = {
  registered: 'default',
  proposed: 'gold',
  approved: 'blue',
  in_progress: 'processing',
  concluded: 'success',
  transferred: 'purple',
  held: 'orange',
  closed: 'default',
};

export function LeadStatusTag({ status }: { status: Lead['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={`lead-status-${status}`}>
      {t(`leads.statuses.${status}`)}
    </Tag>
  );
}

export function SealedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<LockOutlined />}>
      {t('leads.sealed')}
    </Tag>
  );
}
