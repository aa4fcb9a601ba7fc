import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Empty, Flex, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageContainer } from '../../../components/page-container';
import { useExportLedger } from './case-data';
import { onTableChange, useBodyHeight, usePagination, widthOf } from './ledger-table';
import { LedgerToolbar } from './ledger-toolbar';
import type { LedgerView, SortOrder } from './use-ledger-view';

interface LedgerPageFrameProps<R, F, S extends string> {
  /** Which ledger: names its strings (`<kind>.title`…), its test ids and its export. */
  kind: 'intake' | 'leads';
  caseId: string;
  ledger: {
    view: LedgerView<F, S>;
    page: UseQueryResult<{ rows: R[]; total: number }> & { isPlaceholderData: boolean };
    setPage: (page: number, size: number) => void;
    setSort: (sort: S | null, order: SortOrder | null) => void;
    reset: () => void;
  };
  columns: TableColumnsType<R>;
  canCreate: boolean;
  onCreate: () => void;
  /** The ledger's filter controls, shown in the toolbar. */
  filters: ReactNode;
  /** The create form and the record drawer. */
  children: ReactNode;
}

/**
 * The page around a paged ledger: refresh, export and create in the header, the filter
 * toolbar, and the virtual table whose pager and sorters drive the core's page query.
 */
export function LedgerPageFrame<R extends { id: string }, F, S extends string>({
  kind,
  caseId,
  ledger,
  columns,
  canCreate,
  onCreate,
  filters,
  children,
}: LedgerPageFrameProps<R, F, S>) {
  const { t } = useTranslation();
  const { view, page } = ledger;
  const exporter = useExportLedger(caseId, kind);
  const [tableBox, bodyHeight] = useBodyHeight();
  const pagination = usePagination(view, page.data?.total, `${kind}-table`);

  return (
    <PageContainer
      title={t(`${kind}.title`)}
      description={t(`${kind}.subtitle`)}
      data-testid={`${kind}-page`}
      extra={
        <Flex gap={8} align="center">
          <Button icon={<ReloadOutlined />} onClick={() => void page.refetch()} loading={page.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid={`${kind}-export`}
          >
            {t(`${kind}.export`)}
          </Button>
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={`${kind}-create`}>
              {t(`${kind}.create`)}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <LedgerToolbar total={page.data?.total} onReset={ledger.reset} data-testid={kind}>
        {filters}
      </LedgerToolbar>
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={page} style={{ margin: 16 }} />
        <div ref={tableBox}>
          <Table<R>
            virtual
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={page.data?.rows ?? []}
            loading={page.isPending || (page.isPlaceholderData && page.isFetching)}
            pagination={pagination}
            scroll={{ x: widthOf(columns), y: bodyHeight }}
            onChange={onTableChange<R, S>(ledger.setPage, ledger.setSort, view)}
            locale={{ emptyText: <Empty description={t('ledger.empty')} /> }}
            data-testid={`${kind}-table`}
          />
        </div>
      </Card>
      {children}
    </PageContainer>
  );
}
