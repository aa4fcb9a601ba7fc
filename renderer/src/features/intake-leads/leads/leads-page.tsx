import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import { DISPOSALS, LEAD_STATUSES, type Lead } from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { mayCall } from '../../../app/access';
import { ErrorAlert } from '../../../components/error-alert';
import { PageContainer } from '../../../components/page-container';
import { ilKeys, useExportLedger } from '../common/case-data';
import { CaseGate } from '../common/case-gate';
import { LeadDrawer } from './lead-drawer';
import { LeadForm } from './lead-form';
import { LeadStatusTag, SealedTag } from './lead-status';

export function LeadsPage({ session }: { session: SessionInfo }) {
  return <CaseGate>{(caseId) => <LeadLedger caseId={caseId} session={session} />}</CaseGate>;
}

function LeadLedger({ caseId, session }: { caseId: string; session: SessionInfo }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const leads = useQuery({ queryKey: ilKeys.leads(caseId), queryFn: () => call('leads:list', { caseId }) });
  const exporter = useExportLedger(caseId, 'leads');
  const sep = t('common.listSeparator');
  const canCreate = mayCall('leads:create', session.user.roles);

  const columns: ColumnsType<Lead> = [
    {
      title: t('leads.columns.number'),
      dataIndex: 'number',
      width: 150,
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (n: string, l) => (
        <Flex gap={4} align="center">
          <Button type="link" size="small" onClick={() => setOpenId(l.id)} data-testid={`lead-open-${n}`}>
            {n}
          </Button>
          {l.sealed ? <SealedTag /> : null}
        </Flex>
      ),
    },
    {
      title: t('leads.columns.receivedDate'),
      dataIndex: 'receivedDate',
      width: 110,
      sorter: (a, b) => a.receivedDate.localeCompare(b.receivedDate),
    },
    {
      title: t('leads.columns.subjectName'),
      key: 'subjects',
      width: 200,
      render: (_v, l) => l.subjects.map((s) => [s.name, s.post].filter(Boolean).join(' ')).join(sep),
    },
    { title: t('leads.columns.summary'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('leads.columns.disposal'),
      dataIndex: 'disposal',
      width: 130,
      filters: DISPOSALS.map((d) => ({ value: d, text: t(`leads.disposals.${d}`) })),
      onFilter: (v, l) => l.disposal === v,
      render: (d: Lead['disposal']) => (d ? t(`leads.disposals.${d}`) : '—'),
    },
    {
      title: t('leads.columns.deadline'),
      dataIndex: 'deadline',
      width: 110,
      sorter: (a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''),
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('leads.columns.status'),
      dataIndex: 'status',
      width: 110,
      filters: LEAD_STATUSES.map((s) => ({ value: s, text: t(`leads.statuses.${s}`) })),
      onFilter: (v, l) => l.status === v,
      render: (s: Lead['status']) => <LeadStatusTag status={s} />,
    },
  ];

  return (
    <PageContainer
      title={t('leads.title')}
      description={t('leads.subtitle')}
      data-testid="leads-page"
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">
            {t('leads.count', { total: leads.data?.length ?? 0 })}
          </Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={() => void leads.refetch()} loading={leads.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid="leads-export"
          >
            {t('leads.export')}
          </Button>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="leads-create"
            >
              {t('leads.create')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={leads} style={{ margin: 16 }} />
        <Table<Lead>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={leads.data ?? []}
          loading={leads.isPending}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          data-testid="leads-table"
        />
      </Card>
      <LeadForm caseId={caseId} open={creating} onClose={() => setCreating(false)} />
      <LeadDrawer id={openId} session={session} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
