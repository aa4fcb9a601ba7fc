import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/contracts/reference';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { Attachments } from '../../components/attachments/attachments-panel';
import { RecordHistory } from '../../components/record-history';
import { useHistoryFormat } from './format';
import { refKeys } from './queries';
import { ENTITY } from './keys';

/** One unit: its details, current leadership and history. */
export function UnitDrawer({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useHistoryFormat();
  const unit = useQuery({
    queryKey: refKeys.unit(unitId ?? ''),
    queryFn: () => call('units:get', { id: unitId! }),
    enabled: unitId !== null,
  });
  const u = unit.data;
  const leaderColumns: ColumnsType<PersonSummary> = [
    { title: t('reference.fullName'), dataIndex: 'name' },
    { title: t('reference.fields.post'), dataIndex: 'post' },
    {
      title: t('reference.fields.managementLevel'),
      dataIndex: 'managementLevel',
      render: (v: string | null) => (v ? t(`reference.levels.${v}`) : ''),
    },
  ];
  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      width={720}
      title={u?.name ?? t('reference.units.detail')}
      data-testid="unit-drawer"
    >
      <ErrorAlert result={unit} />
      {!u ? (
        <Spin />
      ) : (
        <>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('reference.fields.name')} span={2}>
              {u.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.shortName')}>{u.shortName}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.parentId')}>{u.parentName}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.unitType')}>
              {t(`reference.unitTypes.${u.unitType}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.managementLevel')}>
              {u.managementLevel ? t(`reference.levels.${u.managementLevel}`) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.notes')} span={2}>
              {u.notes}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('reference.units.leaders')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={u.leaders}
            data-testid="unit-leaders"
            locale={{ emptyText: t('reference.units.noLeaders') }}
            columns={leaderColumns}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('attachments.tab')}
          </Typography.Title>
          <Attachments recordType={ENTITY.unit} recordId={u.id} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('history.title')}
          </Typography.Title>
          <RecordHistory entityType={ENTITY.unit} entityId={u.id} {...format} />
        </>
      )}
    </Drawer>
  );
}
