import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Divider, Drawer, Flex, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import type { Lead, LEAD_ACTIONS } from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { mayCall } from '../../../app/access';
import { Attachments } from '../../../components/attachments/attachments-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { RecordHistory } from '../../../components/record-history';
import { ConflictNotice } from '../../conflicts/conflict-notice';
import { formatDateTime } from '../../../i18n/format';
import { ilKeys, useRefreshAll } from '../common/case-data';
import { useRecordHistoryFormat } from '../common/history-format';
import { useLeadCodes } from '../common/lead-codes';
import { RemoveModal } from '../common/reason';
import { LeadForm } from './lead-form';
import { LeadStatusTag, SealedTag } from './lead-status';
import { LeadStepModal } from './lead-step-modal';
import { LeadWorkRecords } from '../../work-records/lead-work-records';

type Action = (typeof LEAD_ACTIONS)[number];
const ENTITY = 'lead';
const TAB_DETAIL = 'detail';
const TAB_HISTORY = 'history';
const TAB_WORK_RECORDS = 'work-records';
const TAB_ATTACHMENTS = 'attachments';

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
  const { message } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const history = useRecordHistoryFormat('leads');
  const codes = useLeadCodes();
  const refresh = useRefreshAll();
  const remove = useMutation({
    mutationFn: (reason: string) => call('leads:remove', { id: id!, reason }),
    onSuccess: () => {
      void message.success(t('editing.leads.removed'));
      setRemoving(false);
      refresh();
      onClose();
    },
  });
  const lead = useQuery({
    queryKey: ['intake-leads', 'leads', 'one', id],
    queryFn: () => call('leads:get', { id: id! }),
    enabled: id !== null,
  });
  const l = lead.data;
  // Names of the named readers of a sealed lead.
  const users = useQuery({
    queryKey: ilKeys.users(l?.caseId ?? ''),
    queryFn: () => call('leads:caseUsers', { caseId: l!.caseId }),
    enabled: l?.sealed === true,
  });
  const canAct = mayCall('leads:transition', session.user.roles);
  const canEdit = mayCall('leads:edit', session.user.roles);
  // Never once approved (the core refuses it too).
  const canRemove =
    mayCall('leads:remove', session.user.roles) &&
    l !== undefined &&
    l.approver === null &&
    !l.steps.some((s) => s.action === 'approve');
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
        l && (canAct || canEdit) ? (
          <Flex gap={8} wrap justify="flex-end">
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="lead-edit">
                {t('editing.common.edit')}
              </Button>
            ) : null}
            {canRemove ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => setRemoving(true)}
                data-testid="lead-remove"
              >
                {t('common.remove')}
              </Button>
            ) : null}
            {canAct && l.nextActions.length > 0 && (canEdit || canRemove) ? <Divider vertical /> : null}
            {(canAct ? l.nextActions : []).map((a) => (
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
      <ConflictNotice id={id} roles={session.user.roles} />
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
                        .map((s) =>
                          `${t(`leads.sourceKinds.${s.kind}`)} ${s.intakeNumber ?? s.workRecordNumber ?? ''}`.trim(),
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
                    <Descriptions.Item label={t('leads.columns.discipline')}>
                      {l.discipline ? codes.label(l.discipline) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.tags')}>
                      {l.tags.length ? l.tags.map((tag) => <Tag key={tag}>{codes.label(tag)}</Tag>) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('leads.columns.result')} span={2}>
                      {l.result ?? '—'}
                    </Descriptions.Item>
                    {l.sealed ? (
                      <Descriptions.Item label={t('leads.form.sealedUsers')} span={2}>
                        <span data-testid="lead-sealed-users">
                          {l.sealedUserIds
                            .map((u) => users.data?.find((x) => x.id === u)?.displayName ?? '—')
                            .join(sep)}
                        </span>
                      </Descriptions.Item>
                    ) : null}
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
              key: TAB_WORK_RECORDS,
              label: t('work-records.lead.tab'),
              children: <LeadWorkRecords leadId={l.id} caseId={l.caseId} session={session} />,
            },
            {
              key: TAB_ATTACHMENTS,
              label: t('attachments.tab'),
              children: <Attachments recordType={ENTITY} recordId={l.id} />,
            },
            {
              key: TAB_HISTORY,
              label: t('intake.detail.history'),
              children: <RecordHistory entityType={ENTITY} entityId={l.id} {...history} />,
            },
          ]}
        />
      ) : null}
      {l ? <LeadStepModal lead={l} action={action} onClose={() => setAction(null)} /> : null}
      {l ? (
        <LeadForm
          caseId={l.caseId}
          open={editing}
          lead={l}
          session={session}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {l ? (
        <RemoveModal
          open={removing}
          title={t('editing.leads.removeTitle', { number: l.number })}
          hint={t('editing.leads.removeHint')}
          mutation={remove}
          onClose={() => setRemoving(false)}
          data-testid="lead-remove"
        />
      ) : null}
    </Drawer>
  );
}
