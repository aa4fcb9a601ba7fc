import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { IntakeLedgerRow } from '../../../../../shared/contracts/intake-leads-ledger';
import { sortOrderOf } from '../common/ledger-table';
import type { LedgerView } from '../common/use-ledger-view';
import type { IntakeFilters, IntakeSort } from './intake-filters';

const dash = '—';

/** The intake ledger's columns (fixed widths: the table is virtual). */
export function intakeColumns(
  t: TFunction,
  view: LedgerView<IntakeFilters, IntakeSort>,
  open: (id: string) => void,
): ColumnsType<IntakeLedgerRow> {
  const sortable = (key: IntakeSort) => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf(view, key),
    sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[],
  });
  return [
    {
      title: t('intake.columns.number'),
      dataIndex: 'number',
      width: 128,
      ...sortable('number'),
      render: (n: string, item) => (
        <Typography.Link onClick={() => open(item.id)} data-testid={`intake-open-${n}`}>
          {n}
        </Typography.Link>
      ),
    },
    {
      title: t('intake.columns.channel'),
      dataIndex: 'channel',
      width: 64,
      render: (c: IntakeLedgerRow['channel']) => t(`intake.channels.${c}`),
    },
    {
      title: t('intake.columns.receivedDate'),
      dataIndex: 'receivedDate',
      width: 106,
      ...sortable('receivedDate'),
    },
    {
      title: t('intake.columns.realName'),
      dataIndex: 'realName',
      width: 64,
      render: (real: boolean) =>
        real ? (
          <Tag color="blue">{t('intake.realNames.real')}</Tag>
        ) : (
          <Tag>{t('intake.realNames.anonymous')}</Tag>
        ),
    },
    {
      title: t('ledger.columns.subjects'),
      dataIndex: 'subjects',
      width: 96,
      ellipsis: true,
      render: (names: string[]) => names.join(t('common.listSeparator')) || dash,
    },
    { title: t('intake.columns.summary'), dataIndex: 'summary', width: 194, ellipsis: true },
    {
      title: t('intake.columns.scope'),
      dataIndex: 'scopeDecision',
      width: 100,
      ellipsis: true,
      render: (s: IntakeLedgerRow['scopeDecision']) => (s ? t(`intake.scopes.${s}`) : dash),
    },
    {
      title: t('ledger.columns.due'),
      dataIndex: 'dueDate',
      width: 160,
      ...sortable('dueDate'),
      render: (d: string | null, item) => (
        <Flex gap={4} align="center">
          {/* The kind of deadline as a plain title: a tooltip per row costs more to render. */}
          <span
            style={{ whiteSpace: 'nowrap' }}
            title={item.dueKind ? t(`ledger.dueKinds.${item.dueKind}`) : undefined}
          >
            {d ?? dash}
          </span>
          {item.overdue ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="intake-overdue-tag">
              {t('ledger.overdue')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('intake.columns.owner'),
      dataIndex: 'owner',
      width: 80,
      ellipsis: true,
      render: (o: IntakeLedgerRow['owner']) => o?.displayName ?? dash,
    },
    {
      title: t('intake.columns.status'),
      dataIndex: 'status',
      width: 86,
      ...sortable('status'),
      render: (s: IntakeLedgerRow['status']) => (
        <Tag color={s === 'open' ? 'processing' : 'success'}>{t(`intake.statuses.${s}`)}</Tag>
      ),
    },
  ];
}
