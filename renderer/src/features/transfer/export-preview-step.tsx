import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Space,
  Table,
  Typography,
  type DescriptionsProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ExportPreview, ExportScopeInput } from '../../../../shared/contracts/transfer';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { formatBytes, recordTypeName, transferKeys } from './transfer-data';

export interface Includes {
  includeSealed: boolean;
  includeProtected: boolean;
}

/** Step 2: what would go out, per record type; sealed and protected items held back unless ticked. */
export function ExportPreviewStep({
  scope,
  includes,
  onIncludes,
  onBack,
  onNext,
}: {
  scope: Omit<ExportScopeInput, 'includeSealed' | 'includeProtected'>;
  includes: Includes;
  onIncludes: (next: Includes) => void;
  onBack: () => void;
  onNext: (preview: ExportPreview) => void;
}) {
  const { t, i18n } = useTranslation();
  const input: ExportScopeInput = { ...scope, ...includes };
  const preview = useQuery({
    queryKey: [...transferKeys.root, 'exportPreview', input],
    queryFn: () => call('transfer:exportPreview', input),
    staleTime: 0,
  });
  const p = preview.data;
  const rows = p ? Object.entries(p.counts).map(([type, count]) => ({ type, count })) : [];

  const facts: DescriptionsProps['items'] = !p
    ? []
    : [
        {
          key: 'mode',
          label: t('transfer.export.modeLabel'),
          children: (
            <span data-testid="export-preview-mode">
              {t(`transfer.modes.${p.mode}`)}
              {p.mode === 'incremental' && p.since === null ? t('transfer.export.firstIsFull') : ''}
            </span>
          ),
        },
        {
          key: 'cases',
          label: t('transfer.export.caseCount'),
          children: p.caseIds.length,
        },
        {
          key: 'total',
          label: t('transfer.export.totalRecords'),
          children: <span data-testid="export-preview-total">{p.totalRecords}</span>,
        },
        {
          key: 'attachments',
          label: t('transfer.export.attachments'),
          children: t('transfer.export.attachmentsValue', {
            count: p.attachments.count,
            size: formatBytes(p.attachments.bytes),
          }),
        },
      ];
  const countColumns: ColumnsType<{ type: string; count: number }> = [
    {
      title: t('transfer.columns.type'),
      dataIndex: 'type',
      render: (type: string) => recordTypeName(t, type),
    },
    { title: t('transfer.columns.count'), dataIndex: 'count', align: 'right', width: 160 },
  ];
  const recipientColumns: ColumnsType<ExportPreview['recipients'][number]> = [
    { title: t('transfer.columns.office'), dataIndex: 'officeName' },
    {
      title: t('transfer.columns.fingerprint'),
      dataIndex: 'fingerprint',
      render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
    },
    {
      title: t('transfer.columns.sequence'),
      dataIndex: 'nextSequence',
      width: 110,
      align: 'right',
    },
    {
      title: t('transfer.columns.lastExport'),
      dataIndex: 'lastExportAt',
      width: 200,
      render: (at: string | null) => (at ? formatDateTime(at, i18n.language) : t('transfer.export.never')),
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="export-preview">
      <ErrorAlert result={preview} data-testid="export-preview-error" />
      {p ? (
        <>
          <Descriptions bordered size="small" column={2} items={facts} />
          <Table
            rowKey="type"
            size="small"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: t('transfer.export.nothing') }}
            data-testid="export-preview-counts"
            columns={countColumns}
          />
          <WithheldNotice preview={p} includes={includes} onIncludes={onIncludes} />
          <Card size="small" title={t('transfer.export.recipientsTitle')}>
            <Table
              rowKey="officeId"
              size="small"
              pagination={false}
              dataSource={p.recipients}
              data-testid="export-preview-recipients"
              columns={recipientColumns}
            />
          </Card>
        </>
      ) : null}
      <Space>
        <Button onClick={onBack} data-testid="export-preview-back">
          {t('transfer.back')}
        </Button>
        <Button
          type="primary"
          disabled={!p || p.totalRecords === 0}
          loading={preview.isFetching}
          onClick={() => p && onNext(p)}
          data-testid="export-preview-next"
        >
          {t('transfer.export.toTarget')}
        </Button>
      </Space>
    </Flex>
  );
}

/** Held-back sealed leads and protected identities: a warning, and the box to include them where the role allows. */
function WithheldNotice({
  preview,
  includes,
  onIncludes,
}: {
  preview: ExportPreview;
  includes: Includes;
  onIncludes: (next: Includes) => void;
}) {
  const { t } = useTranslation();
  const { sealed, protected: prot } = preview.excluded;
  const anything = sealed > 0 || prot > 0 || includes.includeSealed || includes.includeProtected;
  if (!anything && !preview.mayIncludeSealed && !preview.mayIncludeProtected) return null;
  return (
    <Alert
      type={sealed > 0 || prot > 0 ? 'warning' : 'info'}
      showIcon
      data-testid="export-withheld"
      title={
        sealed > 0 || prot > 0
          ? t('transfer.export.withheld', { sealed, protected: prot })
          : t('transfer.export.nothingWithheld')
      }
      description={
        <Flex vertical gap={4}>
          {preview.mayIncludeSealed ? (
            <Checkbox
              checked={includes.includeSealed}
              onChange={(e) => onIncludes({ ...includes, includeSealed: e.target.checked })}
              data-testid="export-include-sealed"
            >
              {t('transfer.export.includeSealed')}
            </Checkbox>
          ) : null}
          {preview.mayIncludeProtected ? (
            <Checkbox
              checked={includes.includeProtected}
              onChange={(e) => onIncludes({ ...includes, includeProtected: e.target.checked })}
              data-testid="export-include-protected"
            >
              {t('transfer.export.includeProtected')}
            </Checkbox>
          ) : null}
          {!preview.mayIncludeSealed && sealed > 0 ? <span>{t('transfer.export.sealedByRole')}</span> : null}
          {!preview.mayIncludeProtected && prot > 0 ? (
            <span>{t('transfer.export.protectedByRole')}</span>
          ) : null}
        </Flex>
      }
    />
  );
}
