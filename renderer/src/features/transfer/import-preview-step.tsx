import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FLAGS, type ImportPreview, type ImportResult } from '../../../../shared/contracts/transfer';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { formatBytes, recordTypeName, transferKeys } from './transfer-data';

/**
 * Step 2: who sent it, what it says it is, its warnings, and what applying would do per
 * record type. Everything from the bundle is shown as text (React escapes it).
 */
export function ImportPreviewStep({
  preview,
  onApplied,
  onDiscarded,
}: {
  preview: ImportPreview;
  onApplied: (result: ImportResult) => void;
  onDiscarded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const flags = IMPORT_FLAGS.filter((f) => preview.flags[f]);
  const [acknowledged, setAcknowledged] = useState(false);
  const done = () => {
    // Imported records show in every list: refresh them all.
    void client.invalidateQueries();
  };
  const confirm = useMutation({
    mutationFn: () =>
      call('transfer:importConfirm', { importId: preview.importId, acknowledgeFlags: acknowledged }),
    onSuccess: (r) => {
      done();
      onApplied(r);
    },
  });
  const discard = useMutation({
    mutationFn: () => call('transfer:importDiscard', { importId: preview.importId }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: transferKeys.root });
      onDiscarded();
    },
  });
  const rows = Object.entries(preview.preview).map(([type, c]) => ({ type, ...c }));
  const busy = confirm.isPending || discard.isPending;
  const facts: DescriptionsProps['items'] = [
    {
      key: 'sender',
      label: t('transfer.import.sender'),
      children: <span data-testid="import-sender">{preview.sender.officeName}</span>,
    },
    {
      key: 'fp',
      label: t('transfer.columns.fingerprint'),
      children: (
        <Typography.Text code data-testid="import-fingerprint">
          {preview.sender.fingerprint}
        </Typography.Text>
      ),
    },
    {
      key: 'created',
      label: t('transfer.columns.created'),
      children: formatDateTime(preview.createdAt, i18n.language),
    },
    {
      key: 'expires',
      label: t('transfer.columns.expires'),
      children: formatDateTime(preview.expiresAt, i18n.language),
    },
    { key: 'seq', label: t('transfer.columns.sequence'), children: preview.sequence },
    {
      key: 'mode',
      label: t('transfer.export.modeLabel'),
      children: t(`transfer.modes.${preview.scope.kind}`),
    },
    {
      key: 'desc',
      label: t('transfer.import.description'),
      span: 2,
      children: (
        // Plain text from the sender: React renders it as text, never as markup.
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="import-description">
          {preview.scope.description || t('transfer.import.noDescription')}
        </Typography.Paragraph>
      ),
    },
    { key: 'file', label: t('transfer.columns.file'), span: 2, children: preview.file },
    { key: 'size', label: t('transfer.columns.size'), children: formatBytes(preview.fileSize) },
    {
      key: 'attachments',
      label: t('transfer.export.attachments'),
      children: t('transfer.export.attachmentsValue', {
        count: preview.attachments.count,
        size: formatBytes(preview.attachments.bytes),
      }),
    },
    {
      key: 'sha',
      label: t('transfer.columns.sha256'),
      span: 2,
      children: <Typography.Text code>{preview.sha256}</Typography.Text>,
    },
  ];
  const columns: ColumnsType<(typeof rows)[number]> = [
    {
      title: t('transfer.columns.type'),
      dataIndex: 'type',
      render: (type: string) => recordTypeName(t, type),
    },
    { title: t('transfer.merge.new'), dataIndex: 'new', align: 'right', width: 110 },
    { title: t('transfer.merge.updated'), dataIndex: 'updated', align: 'right', width: 110 },
    { title: t('transfer.merge.unchanged'), dataIndex: 'unchanged', align: 'right', width: 110 },
    {
      title: t('transfer.merge.conflicting'),
      dataIndex: 'conflicting',
      align: 'right',
      width: 110,
      render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : n),
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Descriptions bordered size="small" column={2} styles={{ label: { width: 150 } }} items={facts} />
      {flags.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-flags"
          title={t('transfer.import.flagsTitle')}
          description={
            <Flex vertical gap={6}>
              {flags.map((f) => (
                <span key={f} data-testid={`import-flag-${f}`}>
                  {t(`transfer.import.flags.${f}`)}
                </span>
              ))}
              <Checkbox
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
                data-testid="import-acknowledge"
              >
                {t('transfer.import.acknowledge')}
              </Checkbox>
            </Flex>
          }
        />
      ) : null}
      <Table
        rowKey="type"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="import-preview-table"
        columns={columns}
      />
      <ErrorAlert result={confirm} data-testid="import-confirm-error" />
      <ErrorAlert result={discard} />
      <Space>
        <Button
          type="primary"
          disabled={flags.length > 0 && !acknowledged}
          loading={confirm.isPending}
          onClick={() => confirm.mutate()}
          data-testid="import-confirm"
        >
          {t('transfer.import.confirm')}
        </Button>
        <Popconfirm
          title={t('transfer.import.discardConfirm')}
          okText={t('transfer.import.discard')}
          cancelText={t('common.cancel')}
          onConfirm={() => discard.mutate()}
        >
          <Button danger disabled={busy} loading={discard.isPending} data-testid="import-discard">
            {t('transfer.import.discard')}
          </Button>
        </Popconfirm>
      </Space>
    </Flex>
  );
}
