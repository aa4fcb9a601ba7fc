import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkRecord } from '../../../../shared/contracts/work-records';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { SEARCH_BY_LABEL } from '../reference/keys';
import { ilKeys } from '../intake-leads/common/case-data';
import { LeadStatusTag, SealedTag } from '../intake-leads/leads/lead-status';
import { useRefreshWorkRecords } from './queries';

/** The leads a work record is linked to, with link and unlink for those who may. */
export function LinkedLeads({ record, canLink }: { record: WorkRecord; canLink: boolean }) {
  const { t } = useTranslation();
  const [leadId, setLeadId] = useState<string | null>(null);
  const refresh = useRefreshWorkRecords();
  const leads = useQuery({
    queryKey: ilKeys.leads(record.caseId),
    queryFn: () => call('leads:list', { caseId: record.caseId }),
    enabled: canLink,
  });
  const link = useMutation({
    mutationFn: (id: string) => call('workRecords:link', { id: record.id, leadId: id }),
    onSuccess: () => {
      setLeadId(null);
      refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (id: string) => call('workRecords:unlink', { id: record.id, leadId: id }),
    onSuccess: refresh,
  });
  const linked = new Set(record.leads.map((l) => l.id));
  const options = (leads.data ?? [])
    .filter((l) => !linked.has(l.id))
    .map((l) => ({ value: l.id, label: `${l.number} ${l.summary}` }));

  return (
    <Flex vertical gap={8} data-testid="wr-linked-leads">
      {record.leads.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work-records.detail.noLeads')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={record.leads}
          renderItem={(l) => (
            <List.Item
              data-testid="wr-linked-lead"
              actions={
                canLink
                  ? [
                      <Button
                        key="unlink"
                        type="link"
                        size="small"
                        icon={<DisconnectOutlined />}
                        loading={unlink.isPending && unlink.variables === l.id}
                        onClick={() => unlink.mutate(l.id)}
                        data-testid={`wr-unlink-${l.number}`}
                      >
                        {t('work-records.detail.unlink')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
                <Typography.Text strong>{l.number}</Typography.Text>
                <LeadStatusTag status={l.status} />
                {l.sealed ? <SealedTag /> : null}
                <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                  {l.summary}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {canLink ? (
        <Flex gap={8}>
          <Select
            showSearch={SEARCH_BY_LABEL}
            value={leadId}
            onChange={setLeadId}
            placeholder={t('work-records.detail.linkPlaceholder')}
            options={options}
            loading={leads.isPending}
            style={{ flex: 1 }}
            data-testid="wr-link-select"
          />
          <Button
            icon={<LinkOutlined />}
            disabled={!leadId}
            loading={link.isPending}
            onClick={() => leadId && link.mutate(leadId)}
            data-testid="wr-link-submit"
          >
            {t('work-records.detail.linkLead')}
          </Button>
        </Flex>
      ) : null}
      <ErrorAlert result={link} />
      <ErrorAlert result={unlink} />
    </Flex>
  );
}
