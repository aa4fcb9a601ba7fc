import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Flex, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import type { Lead, LEAD_ACTIONS } from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { mayCall } from '../../../app/access';
import { ErrorAlert } from '../../../components/error-alert';
import { RecordHistory } from '../../../components/record-history';
import { formatDateTime } from '../../../i18n/format';
import { LeadStatusTag, SealedTag } from './lead-status';
import { LeadStepModal } from './lead-step-modal';

type Action = (typeof LEAD_ACTIONS)[number];
const ENTITY = 'lead';
const TAB_DETAIL = 'detail';
const TAB_HISTORY = 'history';

/** One lead: its ledger row, the signed steps, the next steps and the history. */
export function LeadDrawer({
  id,
  session,
  onClose,
}: {
  id: string | null;
  session: SessionInfo;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const lead = useQuery({
    queryKey: ['intake-leads', 'leads', 'one', id],
    queryFn: () => call('leads:get', { id: id! }),
    enabled: id !== null,
  });
  const l = lead.data;
  const canAct = mayCall('leads:transition', session.user.roles);
  const sep = t('common.listSeparator');
  const stepColumns: ColumnsType<Lead['steps'][number]> = [
    {
      title: t('leads.detail.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('leads.detail.actionsTitle'),
      dataIndex: 'action',
      width: 130,
      render: (a: string) => t(`leads.actions.${a}`),
    },
    {
      title: t('leads.columns.status'),
      key: 'to',
      width: 120,
      render: (_v, s) => <LeadStatusTag status={s.toStatus} />,
    },
    { title: t('leads.detail.actor'), dataIndex: 'actorName', width: 100 },
    {
      title: t('leads.detail.noteLabel'),
      dataIndex: 'note',
      render: (n: string | null) => n ?? '',
    },
  ];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={820}
      title={
        l ? (
          <Flex gap={8} align="center">
            {t('leads.detail.title', { number: l.number })}
            <LeadStatusTag status={l.status} />
            {l.sealed ? <SealedTag /> : null}
          </Flex>
        ) : null
      }
      data-testid="lead-drawer"
      extra={
        l && canAct ? (
          <Flex gap={8}>
            {l.nextActions.map((a) => (
              <Button
                key={a}
                type={a === 'approve' ? 'primary' : 'default'}
                onClick={() => setAction(a)}
                data-testid={`lead-action-${a}`}
              >
                {t(`leads.actions.${a}`)}
              </Button>
            ))}
          </Flex>
        ) : null
      }
    >
      <ErrorAlert result={lead} />
      {l ? (
        <Tabs
          items={[
            {
              key: TAB_DETAIL,
              label: t('leads.columns.summary'),
              children: (
                <Flex vertical gap={16}>
                  <Descriptions bordered size="small" column={2}>
                    <Descriptions.Item label={t('leads.columns.number')}>{l.number}</Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.receivedDate')}>
                      {l.receivedDate}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.source')} span={2}>
                      {l.sources
                        .map(
                          (s) =>
                            `${t(`leads.sourceKinds.${s.kind}`)}${s.intakeNumber ? ` ${s.intakeNumber}` : ''}`,
                        )
                        .join(sep)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.subjectName')} span={2}>
                      {l.subjects
                        .map((s) =>
                          [
                            s.name,
                            s.unitName,
                            s.post,
                            s.managementLevel &&
                              t(`reference.levels.${s.managementLevel}`, { defaultValue: s.managementLevel }),
                          ]
                            .filter(Boolean)
                            .join(' '),
                        )
                        .join(sep)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.summary')} span={2}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {l.summary}
                      </Typography.Paragraph>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.disposal')}>
                      {l.disposal ? t(`leads.disposals.${l.disposal}`) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.approver')}>
                      {l.approver?.displayName ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.deadline')}>
                      {l.deadline ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.owner')}>
                      {l.owner?.displayName ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.receivingBody')}>
                      {l.receivingBody ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.feedbackDate')}>
                      {l.feedbackDate ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.tags')} span={2}>
                      {l.tags.length ? l.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.result')} span={2}>
                      {l.result ?? '—'}
                    </Descriptions.Item>
                  </Descriptions>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('leads.detail.steps')}
                  </Typography.Title>
                  <Table<Lead['steps'][number]>
                    size="small"
                    rowKey={(s) => `${s.at}-${s.action}`}
                    pagination={false}
                    dataSource={l.steps}
                    data-testid="lead-steps"
                    columns={stepColumns}
                  />
                </Flex>
              ),
            },
            {
              key: TAB_HISTORY,
              label: t('intake.detail.history'),
              children: (
                <RecordHistory
                  entityType={ENTITY}
                  entityId={l.id}
                  fieldLabel={(f) => t(`leads.fields.${f}`, { defaultValue: f })}
                />
              ),
            },
          ]}
        />
      ) : null}
      {l ? <LeadStepModal lead={l} action={action} onClose={() => setAction(null)} /> : null}
    </Drawer>
  );
}
