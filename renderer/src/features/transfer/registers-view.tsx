import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  ExportRegisterRow,
  ImportOutcome,
  ImportRegisterRow,
} from '../../../../shared/contracts/transfer';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { i18n } from '../../i18n/i18n';
import { formatBytes, useRegisters } from './transfer-data';

const OUTCOME_COLOR: Record<ImportOutcome, string> = {
  previewed: 'blue',
  applied: 'green',
  discarded: 'default',
  refused: 'red',
};

/** A SHA-256 or bundle id, shortened to fit a register's row; the whole value in the tooltip. */
function Short({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <Tooltip title={value}>
      <Typography.Text code>{value.slice(0, 8)}</Typography.Text>
    </Tooltip>
  );
}

/** The translated sentence of a refusal's error code; the register keeps the code and the claimed fingerprint only. */
function refusalReason(t: TFunction, code: string, fingerprint: string | null): string {
  const key = `errors.${code}`;
  if (!i18n.exists(key)) return code;
  // Details other than the fingerprint are not registered: their places show a dash.
  const dash = '—';
  return t(key, {
    fingerprint: fingerprint ?? dash,
    keyId: dash,
    file: dash,
    name: dash,
    type: dash,
    parentType: dash,
    limit: dash,
    field: dash,
    found: dash,
    supported: dash,
    max: dash,
    line: dash,
  });
}

/** 登记簿: every export and every import attempt, newest first. */
export function RegistersView() {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const registers = useRegisters();
  const at = (iso: string) => formatDateTime(iso, language);

  const exportColumns: ColumnsType<ExportRegisterRow> = [
    { title: t('transfer.columns.at'), dataIndex: 'at', width: 150, render: at },
    { title: t('transfer.columns.actor'), dataIndex: 'actorName', width: 80 },
    {
      title: t('transfer.columns.bundleId'),
      dataIndex: 'bundleId',
      width: 100,
      render: (v: string) => <Short value={v} />,
    },
    {
      title: t('transfer.columns.recipients'),
      dataIndex: 'recipients',
      render: (rs: ExportRegisterRow['recipients']) =>
        rs
          .map((r) => t('transfer.registers.withSequence', { name: r.officeName, sequence: r.sequence }))
          .join(t('common.listSeparator')),
    },
    {
      title: t('transfer.export.modeLabel'),
      dataIndex: 'mode',
      width: 80,
      render: (m: string) => t(`transfer.modes.${m}`),
    },
    { title: t('transfer.columns.mediaLabel'), dataIndex: 'mediaLabel', width: 120 },
    { title: t('transfer.columns.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('transfer.columns.size'), dataIndex: 'size', width: 90, align: 'right', render: formatBytes },
    {
      title: t('transfer.columns.sha256'),
      dataIndex: 'sha256',
      width: 100,
      render: (v: string) => <Short value={v} />,
    },
  ];
  const importColumns: ColumnsType<ImportRegisterRow> = [
    { title: t('transfer.columns.at'), dataIndex: 'at', width: 150, render: at },
    { title: t('transfer.columns.actor'), dataIndex: 'actorName', width: 80 },
    {
      title: t('transfer.columns.outcome'),
      dataIndex: 'outcome',
      width: 110,
      render: (o: ImportOutcome, r) => (
        <Tag color={OUTCOME_COLOR[o]} data-testid={`import-outcome-${o}`}>
          {t(`transfer.outcomes.${o}`)}
          {o === 'applied' && r.conflicts ? t('transfer.registers.conflicts', { count: r.conflicts }) : ''}
        </Tag>
      ),
    },
    {
      title: t('transfer.columns.sender'),
      dataIndex: 'senderName',
      width: 110,
      render: (name: string | null, r) =>
        name ?? (r.fingerprint ? <Typography.Text code>{r.fingerprint}</Typography.Text> : '—'),
    },
    {
      title: t('transfer.columns.sequence'),
      dataIndex: 'sequence',
      width: 50,
      align: 'right',
      render: (s: number | null) => s ?? '—',
    },
    {
      title: t('transfer.columns.bundleId'),
      dataIndex: 'bundleId',
      width: 100,
      render: (v: string | null) => <Short value={v} />,
    },
    { title: t('transfer.columns.file'), dataIndex: 'fileName', ellipsis: true },
    {
      title: t('transfer.columns.size'),
      dataIndex: 'fileSize',
      width: 90,
      align: 'right',
      render: (s: number | null) => (s === null ? '—' : formatBytes(s)),
    },
    {
      title: t('transfer.columns.sha256'),
      dataIndex: 'sha256',
      width: 100,
      render: (v: string | null) => <Short value={v} />,
    },
    {
      title: t('transfer.columns.reason'),
      dataIndex: 'reason',
      width: 150,
      ellipsis: { showTitle: false },
      render: (code: string | null, r) =>
        code ? (
          <Tooltip title={refusalReason(t, code, r.fingerprint)}>
            {refusalReason(t, code, r.fingerprint)}
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="transfer-registers">
      <ErrorAlert result={registers} />
      <Card
        size="small"
        title={t('transfer.registers.exports')}
        extra={
          <Button
            size="small"
            icon={<ReloadOutlined />}
            onClick={() => void registers.refetch()}
            loading={registers.isFetching}
          >
            {t('common.refresh')}
          </Button>
        }
      >
        <Table<ExportRegisterRow>
          rowKey="id"
          size="small"
          columns={exportColumns}
          dataSource={registers.data?.exports ?? []}
          loading={registers.isPending}
          locale={{ emptyText: t('transfer.registers.noExports') }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="export-register"
        />
      </Card>
      <Card size="small" title={t('transfer.registers.imports')}>
        <Table<ImportRegisterRow>
          rowKey="id"
          size="small"
          columns={importColumns}
          dataSource={registers.data?.imports ?? []}
          loading={registers.isPending}
          locale={{ emptyText: t('transfer.registers.noImports') }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="import-register"
        />
      </Card>
    </Flex>
  );
}
