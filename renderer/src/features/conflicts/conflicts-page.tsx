import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictSummary } from '../../../../shared/contracts/conflicts';
import type { Role } from '../../../../shared/roles';
import { mayCall } from '../../app/access';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { formatDateTime } from '../../i18n/format';
import { ConflictDrawer } from './conflict-drawer';
import { useConflicts } from './queries';

/** 数据冲突: records holding concurrent values from two offices, each opened in the resolve drawer. */
export function ConflictsPage({ roles }: { roles: readonly Role[] }) {
  const { t, i18n } = useTranslation();
  const list = useConflicts();
  const [open, setOpen] = useState<{ type: string; id: string } | null>(null);
  const canResolve = mayCall('conflicts:resolve', roles);
  const columns: ColumnsType<ConflictSummary> = [
    {
      title: t('conflicts.columns.type'),
      dataIndex: 'type',
      width: 140,
      render: (type: string) => <Tag>{t(`conflicts.types.${type}`, { defaultValue: type })}</Tag>,
    },
    { title: t('conflicts.columns.record'), dataIndex: 'label', ellipsis: true },
    {
      title: t('conflicts.columns.fields'),
      dataIndex: 'fields',
      render: (fields: string[]) =>
        fields.map((f) => (
          <Tag color="orange" key={f}>
            {t(`conflicts.fields.${f}`, { defaultValue: f })}
          </Tag>
        )),
    },
    {
      title: t('conflicts.columns.changed'),
      dataIndex: 'changedAt',
      width: 180,
      render: (at: string | null) => (at ? formatDateTime(at, i18n.language) : '—'),
    },
    {
      title: '',
      key: 'open',
      width: 100,
      render: (_, r) => (
        <Button
          size="small"
          type="primary"
          onClick={() => setOpen({ type: r.type, id: r.id })}
          data-testid={`conflict-open-${r.id}`}
        >
          {t('conflicts.open')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('conflicts.title')}
      description={t('conflicts.subtitle')}
      data-testid="conflicts-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
          {t('conflicts.refresh')}
        </Button>
      }
    >
      <ErrorAlert result={list} style={{ marginBottom: 16 }} />
      <Table
        rowKey={(r) => `${r.type}:${r.id}`}
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('conflicts.empty')} /> }}
        data-testid="conflicts-table"
      />
      <ConflictDrawer target={open} canResolve={canResolve} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
