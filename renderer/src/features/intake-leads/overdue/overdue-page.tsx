import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { OverdueRow } from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { PageContainer } from '../../../components/page-container';
import { ilKeys } from '../common/case-data';
import { CaseGate } from '../common/case-gate';

const LIGHT = { red: 'error', yellow: 'warning', green: 'success', none: 'default' } as const;

export function OverduePage() {
  return <CaseGate>{(caseId) => <OverdueBoard caseId={caseId} />}</CaseGate>;
}

/** The "every item has an outcome" board: every item without owner, decision, reply or outcome, most urgent first. */
function OverdueBoard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: ilKeys.overdue(caseId),
    queryFn: () => call('overdue:board', { caseId }),
    staleTime: 0,
  });
  const columns: ColumnsType<OverdueRow> = [
    {
      title: t('leads.overdue.columns.level'),
      dataIndex: 'level',
      width: 120,
      filters: (['red', 'yellow', 'green', 'none'] as const).map((l) => ({
        value: l,
        text: t(`leads.overdue.levels.${l}`),
      })),
      onFilter: (v, r) => r.level === v,
      render: (l: OverdueRow['level']) => (
        <Badge status={LIGHT[l]} text={t(`leads.overdue.levels.${l}`)} data-testid={`overdue-level-${l}`} />
      ),
    },
    {
      title: t('leads.overdue.columns.type'),
      dataIndex: 'entityType',
      width: 90,
      render: (e: OverdueRow['entityType']) => <Tag>{t(`leads.overdue.types.${e}`)}</Tag>,
    },
    { title: t('leads.overdue.columns.number'), dataIndex: 'number', width: 140 },
    { title: t('leads.overdue.columns.summary'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('leads.overdue.columns.problem'),
      dataIndex: 'problem',
      width: 140,
      render: (p: OverdueRow['problem']) => t(`leads.overdue.problems.${p}`),
    },
    {
      title: t('leads.overdue.columns.due'),
      dataIndex: 'due',
      width: 120,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('leads.overdue.columns.daysLeft'),
      dataIndex: 'daysLeft',
      width: 120,
      sorter: (a, b) => (a.daysLeft ?? 9999) - (b.daysLeft ?? 9999),
      render: (d: number | null) =>
        d === null
          ? '—'
          : d < 0
            ? t('leads.overdue.overdueDays', { days: -d })
            : t('leads.overdue.daysLeft', { days: d }),
    },
    {
      title: t('leads.overdue.columns.owner'),
      dataIndex: 'owner',
      width: 100,
      render: (o: string | null) => o ?? '—',
    },
  ];
  return (
    <PageContainer
      title={t('leads.overdue.title')}
      description={t('leads.overdue.subtitle', { today: board.data?.today ?? '' })}
      data-testid="overdue-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={board} style={{ margin: 16 }} />
        <Table<OverdueRow>
          rowKey={(r) => `${r.id}-${r.problem}`}
          size="middle"
          columns={columns}
          dataSource={board.data?.rows ?? []}
          loading={board.isPending}
          locale={{ emptyText: t('leads.overdue.empty') }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          data-testid="overdue-table"
        />
      </Card>
    </PageContainer>
  );
}
