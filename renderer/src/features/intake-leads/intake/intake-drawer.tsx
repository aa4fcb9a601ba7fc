import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { mayCall } from '../../../app/access';
import { ErrorAlert } from '../../../components/error-alert';
import { RecordHistory } from '../../../components/record-history';
import { IntakeActionModal, type IntakeAction } from './intake-actions';

const ENTITY = 'intake';
const TAB_DETAIL = 'detail';
const TAB_HISTORY = 'history';

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
  const [action, setAction] = useState<IntakeAction | null>(null);
  const item = useQuery({
    queryKey: ['intake-leads', 'intake', caseId, id],
    queryFn: () => call('intake:get', { id: id! }),
    enabled: id !== null,
  });
  const canEdit = mayCall('intake:update', session.user.roles);
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
        i && canEdit ? (
          <Flex gap={8}>
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
                      {i.subjects.map((s) => s.name).join(t('common.listSeparator')) || '—'}
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
              key: TAB_HISTORY,
              label: t('intake.detail.history'),
              children: (
                <RecordHistory
                  entityType={ENTITY}
                  entityId={i.id}
                  fieldLabel={(f) => t(`intake.fields.${f}`, { defaultValue: f })}
                />
              ),
            },
          ]}
        />
      ) : null}
      {i ? <IntakeActionModal item={i} action={action} onClose={() => setAction(null)} /> : null}
    </Drawer>
  );
}
