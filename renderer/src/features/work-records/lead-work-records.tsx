import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import type { WorkRecordSummary } from '../../../../shared/contracts/work-records';
import { call } from '../../api/client';
import { mayCall } from '../../app/access';
import { ErrorAlert } from '../../components/error-alert';
import { SEARCH_BY_LABEL } from '../reference/keys';
import { useRefreshWorkRecords, wrKeys } from './queries';
import { WorkRecordDrawer } from './work-record-drawer';

/** What a record is about, in one line: who was talked to, what was asked for, where one went. */
function headline(r: WorkRecordSummary): string {
  return r.kind === 'talk'
    ? (r.interviewee?.name ?? '')
    : r.kind === 'document_request'
      ? (r.subject ?? '')
      : (r.place ?? '');
}

/** On a lead's page: the talks, document requests and visits linked to it; link and unlink. */
export function LeadWorkRecords({
  leadId,
  caseId,
  session,
}: {
  leadId: string;
  caseId: string;
  session: SessionInfo;
}) {
  const { t } = useTranslation();
  const canLink = mayCall('workRecords:link', session.user.roles);
  const [picked, setPicked] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const refresh = useRefreshWorkRecords();
  const linked = useQuery({
    queryKey: wrKeys.forLead(leadId),
    queryFn: () => call('workRecords:forLead', { leadId }),
  });
  const all = useQuery({
    queryKey: [...wrKeys.root, 'all', caseId],
    queryFn: () => call('workRecords:list', { caseId }),
    enabled: canLink,
  });
  const link = useMutation({
    mutationFn: (id: string) => call('workRecords:link', { id, leadId }),
    onSuccess: () => {
      setPicked(null);
      refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (id: string) => call('workRecords:unlink', { id, leadId }),
    onSuccess: refresh,
  });
  const linkedIds = new Set((linked.data ?? []).map((r) => r.id));
  const options = (all.data ?? [])
    .filter((r) => !linkedIds.has(r.id))
    .map((r) => ({ value: r.id, label: `${r.number} ${t(`work-records.kinds.${r.kind}`)} ${headline(r)}` }));
  const columns: ColumnsType<WorkRecordSummary> = [
    {
      title: t('work-records.columns.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid={`lead-wr-open-${n}`}>
          {n}
        </Button>
      ),
    },
    {
      title: t('work-records.lead.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: WorkRecordSummary['kind']) => <Tag>{t(`work-records.kinds.${k}`)}</Tag>,
    },
    { title: t('work-records.lead.date'), dataIndex: 'date', width: 110 },
    { title: t('work-records.lead.about'), key: 'about', ellipsis: true, render: (_v, r) => headline(r) },
    ...(canLink
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_v: unknown, r: WorkRecordSummary) => (
              <Button
                type="link"
                size="small"
                icon={<DisconnectOutlined />}
                loading={unlink.isPending && unlink.variables === r.id}
                onClick={() => unlink.mutate(r.id)}
                data-testid={`lead-wr-unlink-${r.number}`}
              >
                {t('work-records.detail.unlink')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="lead-work-records">
      <ErrorAlert result={linked} />
      <Table<WorkRecordSummary>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={linked.data ?? []}
        loading={linked.isPending}
        locale={{ emptyText: t('work-records.lead.none') }}
      />
      {canLink ? (
        <Flex gap={8}>
          <Select
            showSearch={SEARCH_BY_LABEL}
            value={picked}
            onChange={setPicked}
            placeholder={t('work-records.lead.placeholder')}
            options={options}
            loading={all.isPending}
            style={{ flex: 1 }}
            data-testid="lead-wr-select"
          />
          <Button
            icon={<LinkOutlined />}
            disabled={!picked}
            loading={link.isPending}
            onClick={() => picked && link.mutate(picked)}
            data-testid="lead-wr-link"
          >
            {t('work-records.lead.link')}
          </Button>
        </Flex>
      ) : null}
      <ErrorAlert result={link} />
      <ErrorAlert result={unlink} />
      <WorkRecordDrawer id={openId} session={session} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
