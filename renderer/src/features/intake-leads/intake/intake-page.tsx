import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import {
  INTAKE_CHANNELS,
  SCOPE_DECISIONS,
  type IntakeItem,
} from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { mayCall } from '../../../app/access';
import { ErrorAlert } from '../../../components/error-alert';
import { PageContainer } from '../../../components/page-container';
import { ilKeys, useExportLedger } from '../common/case-data';
import { CaseGate } from '../common/case-gate';
import { IntakeDrawer } from './intake-drawer';
import { IntakeForm } from './intake-form';

export function IntakePage({ session }: { session: SessionInfo }) {
  return <CaseGate>{(caseId) => <IntakeLedger caseId={caseId} session={session} />}</CaseGate>;
}

function IntakeLedger({ caseId, session }: { caseId: string; session: SessionInfo }) {
  const { t } = useTranslation();
  const canCreate = mayCall('intake:create', session.user.roles);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const items = useQuery({ queryKey: ilKeys.intake(caseId), queryFn: () => call('intake:list', { caseId }) });
  const exporter = useExportLedger(caseId, 'intake');
  const rows = useMemo(
    () => (items.data ?? []).filter((i) => !query || i.number.includes(query) || i.summary.includes(query)),
    [items.data, query],
  );

  const columns: ColumnsType<IntakeItem> = [
    {
      title: t('intake.columns.number'),
      dataIndex: 'number',
      width: 140,
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (n: string, item) => (
        <Button type="link" size="small" onClick={() => setOpenId(item.id)} data-testid={`intake-open-${n}`}>
          {n}
        </Button>
      ),
    },
    {
      title: t('intake.columns.channel'),
      dataIndex: 'channel',
      width: 90,
      filters: INTAKE_CHANNELS.map((c) => ({ value: c, text: t(`intake.channels.${c}`) })),
      onFilter: (v, item) => item.channel === v,
      render: (c: IntakeItem['channel']) => t(`intake.channels.${c}`),
    },
    {
      title: t('intake.columns.receivedDate'),
      dataIndex: 'receivedDate',
      width: 120,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.receivedDate.localeCompare(b.receivedDate),
    },
    {
      title: t('intake.columns.realName'),
      dataIndex: 'realName',
      width: 90,
      render: (real: boolean) =>
        real ? (
          <Tag color="blue">{t('intake.realNames.real')}</Tag>
        ) : (
          <Tag>{t('intake.realNames.anonymous')}</Tag>
        ),
    },
    { title: t('intake.columns.summary'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('intake.columns.scope'),
      dataIndex: 'scopeDecision',
      width: 120,
      filters: SCOPE_DECISIONS.map((s) => ({ value: s, text: t(`intake.scopes.${s}`) })),
      onFilter: (v, item) => item.scopeDecision === v,
      render: (s: IntakeItem['scopeDecision']) => (s ? t(`intake.scopes.${s}`) : '—'),
    },
    {
      title: t('intake.columns.ackDue'),
      dataIndex: 'ackDue',
      width: 120,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('intake.columns.owner'),
      dataIndex: 'owner',
      width: 100,
      render: (o: IntakeItem['owner']) => o?.displayName ?? '—',
    },
    {
      title: t('intake.columns.status'),
      dataIndex: 'status',
      width: 90,
      filters: [
        { value: 'open', text: t('intake.statuses.open') },
        { value: 'closed', text: t('intake.statuses.closed') },
      ],
      onFilter: (v, item) => item.status === v,
      render: (s: IntakeItem['status']) => (
        <Tag color={s === 'open' ? 'processing' : 'success'}>{t(`intake.statuses.${s}`)}</Tag>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('intake.title')}
      description={t('intake.subtitle')}
      data-testid="intake-page"
      extra={
        <Flex gap={8}>
          <Input.Search
            allowClear
            placeholder={t('intake.search')}
            onSearch={setQuery}
            style={{ width: 220 }}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void items.refetch()} loading={items.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid="intake-export"
          >
            {t('intake.export')}
          </Button>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="intake-create"
            >
              {t('intake.create')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={items} style={{ margin: 16 }} />
        <Table<IntakeItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={items.isPending}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          data-testid="intake-table"
        />
      </Card>
      <IntakeForm caseId={caseId} open={creating} onClose={() => setCreating(false)} />
      <IntakeDrawer caseId={caseId} id={openId} session={session} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
