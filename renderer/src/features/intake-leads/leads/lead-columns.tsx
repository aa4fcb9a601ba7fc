import { LockOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { LeadLedgerRow } from '../../../../../shared/contracts/intake-leads-ledger';
import { sortOrderOf } from '../common/ledger-table';
import type { LedgerView } from '../common/use-ledger-view';
import type { LeadFilters, LeadSort } from './lead-filters';
import { LeadStatusTag } from './lead-status';

const dash = '—';

/** The lead ledger's columns (fixed widths: the table is virtual). */
export function leadColumns(
  t: TFunction,
  view: LedgerView<LeadFilters, LeadSort>,
  label: (code: string) => string,
  open: (id: string) => void,
): ColumnsType<LeadLedgerRow> {
  const sortable = (key: LeadSort) => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf(view, key),
    sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[],
  });
  const sep = t('common.listSeparator');
  return [
    {
      title: t('leads.columns.number'),
      dataIndex: 'number',
      width: 140,
      ...sortable('number'),
      render: (n: string, l) => (
        <Flex gap={6} align="center">
          <Typography.Link onClick={() => open(l.id)} data-testid={`lead-open-${n}`}>
            {n}
          </Typography.Link>
          {l.sealed ? (
            <Tooltip title={t('leads.sealedHint')}>
              <LockOutlined
                style={{ color: '#cf1322' }}
                aria-label={t('leads.sealed')}
                data-testid="lead-sealed-mark"
              />
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('leads.columns.receivedDate'),
      dataIndex: 'receivedDate',
      width: 100,
      ...sortable('receivedDate'),
    },
    {
      title: t('leads.columns.subjectName'),
      dataIndex: 'subjects',
      width: 124,
      ellipsis: true,
      render: (subjects: LeadLedgerRow['subjects']) =>
        subjects.map((s) => [s.name, s.post].filter(Boolean).join(' ')).join(sep) || dash,
    },
    { title: t('leads.columns.summary'), dataIndex: 'summary', width: 190, ellipsis: true },
    {
      title: t('ledger.columns.category'),
      dataIndex: 'discipline',
      width: 84,
      ellipsis: true,
      render: (d: string | null) => (d ? label(d) : dash),
    },
    {
      title: t('leads.columns.disposal'),
      dataIndex: 'disposal',
      width: 116,
      ellipsis: true,
      render: (d: LeadLedgerRow['disposal']) => (d ? t(`leads.disposals.${d}`) : dash),
    },
    {
      title: t('leads.columns.deadline'),
      dataIndex: 'deadline',
      width: 164,
      ...sortable('deadline'),
      render: (d: string | null, l) => (
        <Flex gap={4} align="center">
          <span style={{ whiteSpace: 'nowrap' }}>{d ?? dash}</span>
          {l.overdue ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="lead-overdue-tag">
              {t('ledger.overdue')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('leads.columns.status'),
      dataIndex: 'status',
      width: 88,
      ...sortable('status'),
      render: (s: LeadLedgerRow['status']) => <LeadStatusTag status={s} />,
    },
    {
      title: t('ledger.columns.owner'),
      dataIndex: 'owner',
      width: 66,
      ellipsis: true,
      render: (o: LeadLedgerRow['owner']) => o?.displayName ?? dash,
    },
  ];
}
