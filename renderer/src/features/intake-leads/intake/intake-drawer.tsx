import { DeleteOutlined, EditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { mayCall } from '../../../app/access';
import { Attachments } from '../../../components/attachments/attachments-panel';
import { ConflictNotice } from '../../conflicts/conflict-notice';
import { ErrorAlert } from '../../../components/error-alert';
import { RecordHistory } from '../../../components/record-history';
import { useRefreshAll } from '../common/case-data';
import { useRecordHistoryFormat } from '../common/history-format';
import { RemoveModal } from '../common/reason';
import { LeadForm } from '../leads/lead-form';
import { IntakeActionModal, type IntakeAction } from './intake-actions';
import { IntakeForm, maySeeReporter } from './intake-form';

const ENTITY = 'intake';
const TAB_DETAIL = 'detail';
const TAB_HISTORY = 'history';
const TAB_ATTACHMENTS = 'attachments';

/** One intake item: its ledger row, the protected reporter section, replies and history. */
export function IntakeDrawer({
  caseId,
  id,
  session,
  onClose,
}: {
  caseId: string;
  id: string | null;
  session: SessionInfo;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [action, setAction] = useState<IntakeAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [makingLead, setMakingLead] = useState(false);
  const history = useRecordHistoryFormat('intake');
  const refresh = useRefreshAll();
  const remove = useMutation({
    mutationFn: (reason: string) => call('intake:remove', { id: id!, reason }),
    onSuccess: () => {
      void message.success(t('editing.intake.removed'));
      setRemoving(false);
      refresh();
      onClose();
    },
  });
  const roles = session.user.roles;
  const item = useQuery({
    queryKey: ['intake-leads', 'intake', caseId, id],
    queryFn: () => call('intake:get', { id: id! }),
    enabled: id !== null,
  });
  const canEdit = mayCall('intake:update', roles);
  const canChange = mayCall('intake:edit', roles);
  const canRemove = mayCall('intake:remove', roles);
  const canMakeLead = mayCall('leads:create', roles);
  const i = item.data;
  const on = {
    setOwner: () => setAction('setOwner'),
    decide: () => setAction('decide'),
    reply: () => setAction('reply'),
    close: () => setAction('close'),
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      title={i ? t('intake.detail.title', { number: i.number }) : null}
      data-testid="intake-drawer"
      extra={
        i && (canEdit || canMakeLead) ? (
          <Flex gap={8} wrap justify="flex-end">
            {canChange ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="intake-edit">
                {t('editing.common.edit')}
              </Button>
            ) : null}
            {canMakeLead ? (
              <Button
                icon={<NodeIndexOutlined />}
                onClick={() => setMakingLead(true)}
                data-testid="intake-make-lead"
              >
                {t('editing.intake.makeLead')}
              </Button>
            ) : null}
            {canRemove && i.leadIds.length === 0 ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => setRemoving(true)}
                data-testid="intake-remove"
              >
                {t('common.remove')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
      footer={
        i && canEdit ? (
          <Flex gap={8} justify="flex-end">
            <Button onClick={on.setOwner}>{t('intake.detail.setOwner')}</Button>
            <Button onClick={on.decide} data-testid="intake-decide">
              {t('intake.detail.decide')}
            </Button>
            <Button onClick={on.reply} data-testid="intake-reply">
              {t('intake.detail.reply')}
            </Button>
            {i.status === 'open' ? (
              <Button type="primary" onClick={on.close}>
                {t('intake.detail.close')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      <ErrorAlert result={item} />
      <ConflictNotice id={id} roles={roles} />
      {i ? (
        <Tabs
          items={[
            {
              key: TAB_DETAIL,
              label: t('intake.columns.content'),
              children: (
                <Flex vertical gap={16}>
                  <Descriptions bordered size="small" column={2}>
                    <Descriptions.Item label={t('intake.columns.number')}>{i.number}</Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.channel')}>
                      {t(`intake.channels.${i.channel}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.receivedDate')}>
                      {i.receivedDate}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.status')}>
                      <Tag>{t(`intake.statuses.${i.status}`)}</Tag>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.summary')} span={2}>
                      {i.summary}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.content')} span={2}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {i.content}
                      </Typography.Paragraph>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.subjects')} span={2}>
                      {i.subjects
                        .map((s) => [s.name, s.post].filter(Boolean).join(' '))
                        .join(t('common.listSeparator')) || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.scope')}>
                      {i.scopeDecision ? t(`intake.scopes.${i.scopeDecision}`) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.scopeReason')}>
                      {i.scopeReason ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.ackDue')}>
                      {i.ackDue ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.forwardDue')}>
                      {i.forwardDue ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.closedDate')}>
                      {i.closedDate ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.replyDue')}>
                      {i.replyDue ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('intake.columns.owner')} span={2}>
                      {i.owner?.displayName ?? '—'}
                    </Descriptions.Item>
                  </Descriptions>
                  {!i.realName ? (
                    <Alert type="info" showIcon message={t('intake.detail.anonymous')} />
                  ) : i.reporter ? (
                    <Descriptions
                      bordered
                      size="small"
                      column={1}
                      title={t('intake.form.reporterSection')}
                      data-testid="intake-reporter"
                    >
                      <Descriptions.Item label={t('intake.form.reporterName')}>
                        {i.reporter.name ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('intake.form.reporterUnit')}>
                        {i.reporter.unitOrAddress ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('intake.form.reporterContact')}>
                        {i.reporter.contact ?? '—'}
                      </Descriptions.Item>
                    </Descriptions>
                  ) : (
                    <Alert
                      type="warning"
                      showIcon
                      message={t('intake.detail.reporterHidden')}
                      data-testid="intake-reporter-hidden"
                    />
                  )}
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('intake.columns.replies')}
                  </Typography.Title>
                  {i.replies.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.detail.noReplies')} />
                  ) : (
                    <List
                      size="small"
                      bordered
                      dataSource={i.replies}
                      renderItem={(r) => (
                        <List.Item>
                          <Flex gap={8} wrap>
                            <Tag>{t(`intake.replyKinds.${r.kind}`)}</Tag>
                            <span>{r.date}</span>
                            <span>{t(`intake.replyWays.${r.way}`)}</span>
                            <span>{r.text}</span>
                          </Flex>
                        </List.Item>
                      )}
                    />
                  )}
                </Flex>
              ),
            },
            {
              key: TAB_ATTACHMENTS,
              label: t('attachments.tab'),
              children: <Attachments recordType={ENTITY} recordId={i.id} />,
            },
            {
              key: TAB_HISTORY,
              label: t('intake.detail.history'),
              children: <RecordHistory entityType={ENTITY} entityId={i.id} {...history} />,
            },
          ]}
        />
      ) : null}
      {i ? <IntakeActionModal item={i} action={action} onClose={() => setAction(null)} /> : null}
      {i ? (
        <IntakeForm
          caseId={caseId}
          open={editing}
          item={i}
          withReporter={maySeeReporter(roles)}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {i ? (
        <LeadForm
          caseId={caseId}
          open={makingLead}
          initialIntakeIds={[i.id]}
          session={session}
          onClose={() => setMakingLead(false)}
        />
      ) : null}
      {i ? (
        <RemoveModal
          open={removing}
          title={t('editing.intake.removeTitle', { number: i.number })}
          hint={t('editing.intake.removeHint')}
          mutation={remove}
          onClose={() => setRemoving(false)}
          data-testid="intake-remove"
        />
      ) : null}
    </Drawer>
  );
}
