import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import { mayCall } from '../../app/access';
import { useConflicts } from './queries';

/**
 * A notice on a record's own drawer (lead, intake item) while the record holds an
 * unresolved data conflict; the conflicts page resolves it. Reads the same list as
 * that page (the conflicts the user may see), so it shows nothing to others.
 */
export function ConflictNotice({ id, roles }: { id: string | null; roles: readonly Role[] }) {
  if (!id || !mayCall('conflicts:list', roles)) return null;
  return <Notice id={id} />;
}

function Notice({ id }: { id: string }) {
  const { t } = useTranslation();
  const list = useConflicts();
  const mine = (list.data ?? []).find((c) => c.id === id);
  if (!mine) return null;
  const fields = mine.fields.map((f) => t(`conflicts.fields.${f}`, { defaultValue: f })).join('、');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('conflicts.badge')}
      description={t('conflicts.badgeFields', { fields })}
      data-testid="record-conflict-notice"
    />
  );
}
