import { DeleteOutlined, EditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { WORK_RECORD_KIND_EDITORS, type WorkRecord } from '../../../../shared/contracts/work-records';
import { call } from '../../api/client';
import { mayCall } from '../../app/access';
import { Attachments } from '../../components/attachments/attachments-panel';
import { ErrorAlert } from '../../components/error-alert';
import { RecordHistory } from '../../components/record-history';
import { RemoveModal } from '../intake-leads/common/reason';
import { LeadForm, type SourceRecord } from '../intake-leads/leads/lead-form';
import { LinkedLeads } from './linked-leads';
import { useRefreshWorkRecords, useWorkRecord } from './queries';
import { StatusTag } from './status-tag';
import { WorkRecordForm } from './work-record-form';

const TAB = { detail: 'detail', attachments: 'attachments', history: 'history' } as const;
const SECRET = '***';
/** The lead source kind each work record stands for. */
const SOURCE_KIND: Record<WorkRecord['kind'], SourceRecord['kind']> = {
  talk: 'talk',
  document_request: 'document_review',
  visit: 'visit',
};
const PART = { asker: 'asker', recorder: 'recorder', participant: 'participant' } as const;

/** One work record: its fields, notes (when the role may read them), linked leads, attachments, history. */
export function WorkRecordDrawer({
  id,
  session,
  onClose,
}: {
  id: string | null;
  session: SessionInfo;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useWorkRecord(id);
  const r = record.data;
  const roles = session.user.roles;
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [leading, setLeading] = useState(false);
  const refresh = useRefreshWorkRecords();
  const remove = useMutation({
    mutationFn: (reason: string) => call('workRecords:remove', { id: id!, reason }),
    onSuccess: () => {
      setRemoving(false);
      refresh();
      onClose();
    },
  });
  const canEdit = r !== undefined && roles.some((role) => WORK_RECORD_KIND_EDITORS[r.kind].includes(role));
  const canRemove = mayCall('workRecords:remove', roles);
  const canLink = mayCall('workRecords:link', roles);
  const canCreateLead = mayCall('leads:create', roles);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={860}
      title={
        r ? (
          <Flex gap={8} align="center">
            {t('work-records.detail.title', { kind: t(`work-records.kinds.${r.kind}`), number: r.number })}
            {r.visitMode ? (
              <Tag color={r.visitMode === 'unannounced' ? 'volcano' : 'blue'}>
                {t(`work-records.visitModes.${r.visitMode}`)}
              </Tag>
            ) : null}
          </Flex>
        ) : null
      }
      data-testid="wr-drawer"
      extra={
        r ? (
          <Flex gap={8}>
            {canCreateLead ? (
              <Button
                icon={<NodeIndexOutlined />}
                onClick={() => setLeading(true)}
                data-testid="wr-create-lead"
              >
                {t('work-records.detail.createLead')}
              </Button>
            ) : null}
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="wr-edit">
                {t('work-records.edit')}
              </Button>
            ) : null}
            {canRemove ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => setRemoving(true)}
                data-testid="wr-remove"
              >
                {t('common.remove')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      <ErrorAlert result={record} />
      {r ? (
        <Tabs
          items={[
            {
              key: TAB.detail,
              label: t('work-records.detail.tabDetail'),
              children: <Detail record={r} canLink={canLink} />,
            },
            {
              key: TAB.attachments,
              label: t('attachments.tab'),
              children: <Attachments recordType={r.kind} recordId={r.id} />,
            },
            {
              key: TAB.history,
              label: t('work-records.detail.tabHistory'),
              children: (
                <RecordHistory
                  entityType={r.kind}
                  entityId={r.id}
                  fieldLabel={(f) => t(`work-records.fields.${f}`, { defaultValue: f })}
                  formatValue={(f, v): ReactNode =>
                    f === 'notes' && v === SECRET ? (
                      <Typography.Text type="secondary">
                        {t('work-records.history.notesChanged')}
                      </Typography.Text>
                    ) : f === 'status' && typeof v === 'string' ? (
                      t(`work-records.statuses.${v}`, { defaultValue: v })
                    ) : f === 'visitMode' && typeof v === 'string' ? (
                      t(`work-records.visitModes.${v}`, { defaultValue: v })
                    ) : undefined
                  }
                />
              ),
            },
          ]}
        />
      ) : null}
      {r ? (
        <WorkRecordForm
          caseId={r.caseId}
          kind={r.kind}
          record={r}
          open={editing}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {r ? (
        <LeadForm
          caseId={r.caseId}
          open={leading}
          sourceRecord={{ kind: SOURCE_KIND[r.kind], id: r.id }}
          session={session}
          onClose={() => setLeading(false)}
        />
      ) : null}
      <RemoveModal
        open={removing}
        title={t('work-records.removeTitle', { number: r?.number ?? '' })}
        hint={t('work-records.removeHint')}
        mutation={remove}
        onClose={() => setRemoving(false)}
        data-testid="wr-remove"
      />
    </Drawer>
  );
}

function Detail({ record: r, canLink }: { record: WorkRecord; canLink: boolean }) {
  const { t } = useTranslation();
  const sep = t('common.listSeparator');
  const names = (part: (typeof PART)[keyof typeof PART]) =>
    r.people
      .filter((p) => p.part === part)
      .map((p) => p.displayName)
      .join(sep) || '—';
  const notesLabel =
    r.kind === 'talk'
      ? t('work-records.form.notes')
      : r.kind === 'visit'
        ? t('work-records.form.findings')
        : t('work-records.form.requestNotes');
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={2} data-testid="wr-detail">
        <Descriptions.Item label={t('work-records.columns.number')}>{r.number}</Descriptions.Item>
        <Descriptions.Item label={t(`work-records.columns.date.${r.kind}`)}>{r.date}</Descriptions.Item>
        {r.kind === 'talk' ? (
          <>
            <Descriptions.Item label={t('work-records.columns.interviewee')}>
              {r.interviewee?.name}
              {r.interviewee?.personId ? null : (
                <Typography.Text type="secondary"> {t('work-records.detail.notInRecords')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.form.intervieweePost')}>
              {r.interviewee?.post ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.place')} span={2}>
              {r.place}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.asker')}>{names(PART.asker)}</Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.recorder')}>
              {names(PART.recorder)}
            </Descriptions.Item>
          </>
        ) : null}
        {r.kind === 'document_request' ? (
          <>
            <Descriptions.Item label={t('work-records.columns.subject')} span={2}>
              {r.subject}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.unit')}>
              {r.unit?.name ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.status')}>
              {r.status ? <StatusTag status={r.status} /> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.receivedDate')} span={2}>
              {r.receivedDate ?? '—'}
            </Descriptions.Item>
          </>
        ) : null}
        {r.kind === 'visit' ? (
          <>
            <Descriptions.Item label={t('work-records.columns.place')}>{r.place}</Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.visitUnit')}>
              {r.unit?.name ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('work-records.columns.participants')} span={2}>
              {names(PART.participant)}
            </Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      <div>
        <Typography.Title level={5}>{notesLabel}</Typography.Title>
        {r.notesHidden ? (
          <Alert
            type="info"
            showIcon
            title={t('work-records.detail.notesHidden')}
            data-testid="wr-notes-hidden"
          />
        ) : (
          <Typography.Paragraph
            data-testid="wr-notes"
            style={{
              whiteSpace: 'pre-wrap',
              margin: 0,
              padding: 12,
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 6,
            }}
          >
            {r.notes ?? (
              <Typography.Text type="secondary">{t('work-records.detail.noNotes')}</Typography.Text>
            )}
          </Typography.Paragraph>
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('work-records.detail.linkedLeads')}</Typography.Title>
        <LinkedLeads record={r} canLink={canLink} />
      </div>
    </Flex>
  );
}
