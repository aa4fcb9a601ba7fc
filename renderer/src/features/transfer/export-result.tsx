import { Button, Descriptions, Result, Table, Typography, type DescriptionsProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../shared/contracts/transfer';
import { formatDateTime } from '../../i18n/format';
import { formatBytes, recordTypeName } from './transfer-data';

/** Step 4: what was written and registered — hand the medium over with these facts. */
export function ExportResultView({ result, onAgain }: { result: ExportResult; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
  const facts: DescriptionsProps['items'] = [
    {
      key: 'id',
      label: t('transfer.columns.bundleId'),
      children: (
        <Typography.Text code copyable data-testid="export-result-id">
          {result.bundleId}
        </Typography.Text>
      ),
    },
    {
      key: 'file',
      label: t('transfer.columns.file'),
      children: (
        <Typography.Text copyable data-testid="export-result-file">
          {result.file}
        </Typography.Text>
      ),
    },
    {
      key: 'sig',
      label: t('transfer.columns.signatureFile'),
      children: (
        <Typography.Text copyable data-testid="export-result-sig">
          {result.signatureFile}
        </Typography.Text>
      ),
    },
    {
      key: 'size',
      label: t('transfer.columns.size'),
      children: `${formatBytes(result.size)} (${result.size.toLocaleString(i18n.language)} B)`,
    },
    {
      key: 'sha',
      label: t('transfer.columns.sha256'),
      children: (
        <Typography.Text code copyable data-testid="export-result-sha">
          {result.sha256}
        </Typography.Text>
      ),
    },
    {
      key: 'created',
      label: t('transfer.columns.created'),
      children: formatDateTime(result.createdAt, i18n.language),
    },
    {
      key: 'expires',
      label: t('transfer.columns.expires'),
      children: formatDateTime(result.expiresAt, i18n.language),
    },
    {
      key: 'counts',
      label: t('transfer.columns.records'),
      children: Object.entries(result.counts)
        .map(([type, n]) => `${recordTypeName(t, type)} ${n}`)
        .join(t('common.listSeparator')),
    },
    {
      key: 'attachments',
      label: t('transfer.export.attachments'),
      children: t('transfer.export.attachmentsValue', {
        count: result.attachments.count,
        size: formatBytes(result.attachments.bytes),
      }),
    },
  ];
  const recipientColumns: ColumnsType<ExportResult['recipients'][number]> = [
    { title: t('transfer.columns.recipient'), dataIndex: 'officeName' },
    { title: t('transfer.columns.sequence'), dataIndex: 'sequence', width: 120, align: 'right' },
  ];
  return (
    <div data-testid="export-result">
      <Result
        status="success"
        title={t('transfer.export.doneTitle')}
        subTitle={t('transfer.export.doneSubtitle', { records: total })}
        extra={
          <Button type="primary" onClick={onAgain} data-testid="export-again">
            {t('transfer.export.again')}
          </Button>
        }
      />
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 180 } }} items={facts} />
      <Table
        style={{ marginTop: 16 }}
        rowKey="officeId"
        size="small"
        pagination={false}
        dataSource={result.recipients}
        data-testid="export-result-recipients"
        columns={recipientColumns}
      />
    </div>
  );
}
