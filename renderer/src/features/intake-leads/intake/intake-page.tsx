import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import type { IntakeLedgerRow } from '../../../../../shared/contracts/intake-leads-ledger';
import { mayCall } from '../../../app/access';
import { ErrorAlert } from '../../../components/error-alert';
import { PageContainer } from '../../../components/page-container';
import { ilKeys, useExportLedger } from '../common/case-data';
import { CaseGate } from '../common/case-gate';
import { onTableChange, useBodyHeight, usePagination, widthOf } from '../common/ledger-table';
import { LedgerToolbar } from '../common/ledger-toolbar';
import { useLedgerView } from '../common/use-ledger-view';
import { intakeColumns } from './intake-columns';
import { IntakeDrawer } from './intake-drawer';
import {
  IntakeFilterControls,
  NO_INTAKE_FILTERS,
  type IntakeFilters,
  type IntakeSort,
} from './intake-filters';
import { IntakeForm } from './intake-form';

const DEFAULTS = { filters: NO_INTAKE_FILTERS, sort: 'number' as IntakeSort, order: 'desc' as const };

/** `openId`: an item to open on arrival (a search hit). */
export function IntakePage({ session, openId }: { session: SessionInfo; openId?: string | undefined }) {
  return (
    <CaseGate>{(caseId) => <IntakeLedger caseId={caseId} session={session} openId={openId} />}</CaseGate>
  );
}

/**
 * The intake ledger a page at a time: filtered, sorted and counted in the core
 * (intake:page), shown in a virtual table so a page of 200 rows scrolls smoothly.
 */
function IntakeLedger({
  caseId,
  session,
  openId: initialOpenId,
}: {
  caseId: string;
  session: SessionInfo;
  openId?: string | undefined;
}) {
  const { t } = useTranslation();
  const canCreate = mayCall('intake:create', session.user.roles);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(initialOpenId ?? null);
  const ledger = useLedgerView<'intake:page', IntakeFilters, IntakeSort>(
    'intake:page',
    ilKeys.intake(caseId),
    caseId,
    DEFAULTS,
  );
  const { view, page } = ledger;
  const exporter = useExportLedger(caseId, 'intake');
  const [tableBox, bodyHeight] = useBodyHeight();
  const columns = useMemo(() => intakeColumns(t, view, setOpenId), [t, view]);
  const pagination = usePagination(view, page.data?.total, 'intake-table');

  return (
    <PageContainer
      title={t('intake.title')}
      description={t('intake.subtitle')}
      data-testid="intake-page"
      extra={
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void page.refetch()} loading={page.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid="intake-export"
          >
            {t('intake.export')}
          </Button>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="intake-create"
            >
              {t('intake.create')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <LedgerToolbar total={page.data?.total} onReset={ledger.reset} data-testid="intake">
        <IntakeFilterControls caseId={caseId} filters={view.filters} onChange={ledger.setFilters} />
      </LedgerToolbar>
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={page} style={{ margin: 16 }} />
        <div ref={tableBox}>
          <Table<IntakeLedgerRow>
            virtual
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={page.data?.rows ?? []}
            loading={page.isPending || (page.isPlaceholderData && page.isFetching)}
            pagination={pagination}
            scroll={{ x: widthOf(columns), y: bodyHeight }}
            onChange={onTableChange<IntakeLedgerRow, IntakeSort>(ledger.setPage, ledger.setSort, view)}
            locale={{ emptyText: <Empty description={t('ledger.empty')} /> }}
            data-testid="intake-table"
          />
        </div>
      </Card>
      <IntakeForm caseId={caseId} open={creating} onClose={() => setCreating(false)} />
      <IntakeDrawer caseId={caseId} id={openId} session={session} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
