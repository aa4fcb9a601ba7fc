import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import type { LeadLedgerRow } from '../../../../../shared/contracts/intake-leads-ledger';
import { mayCall } from '../../../app/access';
import { ErrorAlert } from '../../../components/error-alert';
import { PageContainer } from '../../../components/page-container';
import { ilKeys, useExportLedger } from '../common/case-data';
import { CaseGate } from '../common/case-gate';
import { useLeadCodes } from '../common/lead-codes';
import { onTableChange, useBodyHeight, usePagination, widthOf } from '../common/ledger-table';
import { LedgerToolbar } from '../common/ledger-toolbar';
import { useLedgerView } from '../common/use-ledger-view';
import { leadColumns } from './lead-columns';
import { LeadDrawer } from './lead-drawer';
import { LeadFilterControls, NO_LEAD_FILTERS, type LeadFilters, type LeadSort } from './lead-filters';
import { LeadForm } from './lead-form';

const DEFAULTS = { filters: NO_LEAD_FILTERS, sort: 'number' as LeadSort, order: 'desc' as const };

/** `openId`: a lead to open on arrival (a search hit). */
export function LeadsPage({ session, openId }: { session: SessionInfo; openId?: string | undefined }) {
  return <CaseGate>{(caseId) => <LeadLedger caseId={caseId} session={session} openId={openId} />}</CaseGate>;
}

/**
 * The lead ledger a page at a time: filtered, sorted and counted in the core
 * (leads:page, which leaves out sealed leads not naming the user), in a virtual table.
 */
function LeadLedger({
  caseId,
  session,
  openId: initialOpenId,
}: {
  caseId: string;
  session: SessionInfo;
  openId?: string | undefined;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(initialOpenId ?? null);
  const ledger = useLedgerView<'leads:page', LeadFilters, LeadSort>(
    'leads:page',
    ilKeys.leads(caseId),
    caseId,
    DEFAULTS,
  );
  const { view, page } = ledger;
  const exporter = useExportLedger(caseId, 'leads');
  const canCreate = mayCall('leads:create', session.user.roles);
  const codes = useLeadCodes();
  const [tableBox, bodyHeight] = useBodyHeight();
  const columns = useMemo(() => leadColumns(t, view, codes.label, setOpenId), [t, view, codes.label]);
  const pagination = usePagination(view, page.data?.total, 'leads-table');

  return (
    <PageContainer
      title={t('leads.title')}
      description={t('leads.subtitle')}
      data-testid="leads-page"
      extra={
        <Flex gap={8} align="center">
          <Button icon={<ReloadOutlined />} onClick={() => void page.refetch()} loading={page.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid="leads-export"
          >
            {t('leads.export')}
          </Button>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="leads-create"
            >
              {t('leads.create')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <LedgerToolbar total={page.data?.total} onReset={ledger.reset} data-testid="leads">
        <LeadFilterControls caseId={caseId} filters={view.filters} onChange={ledger.setFilters} />
      </LedgerToolbar>
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={page} style={{ margin: 16 }} />
        <div ref={tableBox}>
          <Table<LeadLedgerRow>
            virtual
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={page.data?.rows ?? []}
            loading={page.isPending || (page.isPlaceholderData && page.isFetching)}
            pagination={pagination}
            scroll={{ x: widthOf(columns), y: bodyHeight }}
            onChange={onTableChange<LeadLedgerRow, LeadSort>(ledger.setPage, ledger.setSort, view)}
            locale={{ emptyText: <Empty description={t('ledger.empty')} /> }}
            data-testid="leads-table"
          />
        </div>
      </Card>
      <LeadForm caseId={caseId} open={creating} session={session} onClose={() => setCreating(false)} />
      <LeadDrawer id={openId} session={session} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
