import { UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Progress, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mayReadAttachments,
  mayWriteAttachments,
  type AttachableType,
  type Attachment,
} from '../../../../shared/contracts/attachments';
import { DEFAULT_OFFICE_RULES } from '../../../../shared/office-rules';
import { call } from '../../api/client';
import { useSession } from '../../api/queries';
import { RemoveModal } from '../../features/intake-leads/common/reason';
import { formatDateTime } from '../../i18n/format';
import { errorMessage } from '../../i18n/i18n';
import { ErrorAlert } from '../error-alert';
import { AttachmentPreview, canPreview } from './attachment-preview';
import { formatSize, readAttachment, saveBlob, uploadFile } from './transfer';

/** Query keys under ['records'], so a lock drops them with every other record. */
export const attachmentKeys = {
  root: ['records', 'attachments'] as const,
  list: (type: AttachableType, id: string) => ['records', 'attachments', type, id] as const,
};

interface Pending {
  key: string;
  name: string;
  percent: number;
}

/**
 * The attachments of one record: name, detected type, size, SHA-256 (short, full on
 * hover), who added it and when; upload with progress, preview in the app (images and
 * text), save a copy (registered), remove with a reason. What a role may do follows
 * ATTACHMENT_ACCESS; the core checks it again.
 */
export function Attachments({ recordType, recordId }: { recordType: AttachableType; recordId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const roles = useSession().data?.user.roles ?? [];
  const canRead = mayReadAttachments(recordType, roles);
  const canWrite = mayWriteAttachments(recordType, roles);
  const [pending, setPending] = useState<Pending[]>([]);
  const [previewing, setPreviewing] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const list = useQuery({
    queryKey: attachmentKeys.list(recordType, recordId),
    queryFn: () => call('attachments:list', { recordType, recordId }),
    enabled: canRead,
  });
  const rules = useQuery({
    queryKey: ['records', 'attachments', 'rules'],
    queryFn: () => call('rules:get', {}),
  });
  const maxBytes = (rules.data ?? DEFAULT_OFFICE_RULES).attachments.maxBytes;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: attachmentKeys.list(recordType, recordId) });
    void client.invalidateQueries({ queryKey: ['records', 'history'] });
  };
  const save = useMutation({
    mutationFn: async (a: Attachment) => {
      const { blob, fileName } = await readAttachment(a.id, 'export');
      saveBlob(blob, fileName);
    },
    onSuccess: () => {
      void message.success(t('attachments.saved'));
      refresh();
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });
  const remove = useMutation({
    mutationFn: (reason: string) => call('attachments:remove', { id: removing!.id, reason }),
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
  });

  const start = (file: File) => {
    if (file.size === 0) {
      void message.error(t('attachments.empty', { name: file.name }));
      return;
    }
    if (file.size > maxBytes) {
      void message.error(t('attachments.tooLarge', { name: file.name, max: formatSize(maxBytes) }));
      return;
    }
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    const update = (percent: number) =>
      setPending((all) => all.map((p) => (p.key === key ? { ...p, percent } : p)));
    setPending((all) => [...all, { key, name: file.name, percent: 0 }]);
    uploadFile(recordType, recordId, file, (f) => update(Math.round(f * 100)))
      .then((a) => {
        void message.success(
          a.sameContentCount > 0
            ? t('attachments.uploadedDuplicate', { name: a.fileName, n: a.sameContentCount })
            : t('attachments.uploaded', { name: a.fileName }),
        );
        refresh();
      })
      .catch((error: unknown) => void message.error(`${file.name}: ${errorMessage(t, error)}`))
      .finally(() => setPending((all) => all.filter((p) => p.key !== key)));
  };

  if (!canRead) {
    return (
      <Alert
        type="info"
        showIcon
        title={t(recordType === 'intake' ? 'attachments.hiddenIntake' : 'attachments.hidden')}
        data-testid="attachments-hidden"
      />
    );
  }

  const columns: ColumnsType<Attachment> = [
    {
      title: t('attachments.columns.name'),
      dataIndex: 'fileName',
      render: (name: string, a) => (
        <Flex vertical gap={2} style={{ minWidth: 140 }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong style={{ wordBreak: 'break-all' }}>
              {name}
            </Typography.Text>
            {a.extensionMismatch ? (
              <Tooltip title={t('attachments.mismatch', { mime: a.mime })}>
                <Tag color="warning" icon={<WarningOutlined />}>
                  {t('attachments.mismatchTag')}
                </Tag>
              </Tooltip>
            ) : null}
            {a.sameContentCount > 0 ? (
              <Tooltip title={t('attachments.duplicateHint', { n: a.sameContentCount })}>
                <Tag>{t('attachments.duplicateTag')}</Tag>
              </Tooltip>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attachments.typeAndSize', { mime: a.mime, size: formatSize(a.size) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('attachments.columns.sha256'),
      dataIndex: 'sha256',
      width: 124,
      render: (sha: string) => (
        <Tooltip title={sha}>
          <Typography.Text code copyable={{ text: sha }} data-testid="attachment-sha">
            {sha.slice(0, 10)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('attachments.columns.uploaded'),
      key: 'uploaded',
      width: 150,
      render: (_v, a) => (
        <Flex vertical>
          <span>{a.uploadedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(a.uploadedAt, i18n.language)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_v, a) => (
        <Flex gap={0}>
          <Button
            type="link"
            size="small"
            disabled={!canPreview(a)}
            title={canPreview(a) ? undefined : t('attachments.noPreview')}
            onClick={() => setPreviewing(a)}
            data-testid={`attachment-preview-${a.fileName}`}
          >
            {t('attachments.preview')}
          </Button>
          <Button
            type="link"
            size="small"
            loading={save.isPending && save.variables?.id === a.id}
            onClick={() => save.mutate(a)}
            data-testid={`attachment-save-${a.fileName}`}
          >
            {t('attachments.saveCopy')}
          </Button>
          {canWrite ? (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setRemoving(a)}
              data-testid={`attachment-remove-${a.fileName}`}
            >
              {t('common.remove')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="attachments">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">
          {canWrite ? t('attachments.hint', { max: formatSize(maxBytes) }) : t('attachments.readOnly')}
        </Typography.Text>
        {canWrite ? (
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              start(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="attachments-upload">
              {t('attachments.upload')}
            </Button>
          </Upload>
        ) : null}
      </Flex>
      {pending.map((p) => (
        <Flex key={p.key} gap={12} align="center" data-testid="attachments-progress">
          <Typography.Text ellipsis style={{ width: 220 }}>
            {p.name}
          </Typography.Text>
          <Progress percent={p.percent} size="small" style={{ flex: 1, margin: 0 }} />
        </Flex>
      ))}
      <ErrorAlert result={list} />
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isPending}
        locale={{ emptyText: t('attachments.none') }}
        data-testid="attachments-table"
      />
      <AttachmentPreview attachment={previewing} onClose={() => setPreviewing(null)} />
      <RemoveModal
        open={removing !== null}
        title={t('attachments.removeTitle', { name: removing?.fileName ?? '' })}
        hint={t('attachments.removeHint')}
        mutation={remove}
        onClose={() => setRemoving(null)}
        data-testid="attachment-remove"
      />
    </Flex>
  );
}
