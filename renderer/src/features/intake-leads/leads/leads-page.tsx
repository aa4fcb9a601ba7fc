import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import type { LeadLedgerRow } from '../../../../../shared/contracts/intake-leads-ledger';
import { mayCall } from '../../../app/access';
import { ilKeys } from '../common/case-data';
import { CaseGate } from '../common/case-gate';
import { useLeadCodes } from '../common/lead-codes';
import { LedgerPageFrame } from '../common/ledger-page-frame';
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
  const canCreate = mayCall('leads:create', session.user.roles);
  const codes = useLeadCodes();
  const columns = useMemo(
    () => leadColumns(t, ledger.view, codes.label, setOpenId),
    [t, ledger.view, codes.label],
  );

  return (
    <LedgerPageFrame<LeadLedgerRow, LeadFilters, LeadSort>
      kind="leads"
      caseId={caseId}
      ledger={ledger}
      columns={columns}
      canCreate={canCreate}
      onCreate={() => setCreating(true)}
      filters={
        <LeadFilterControls caseId={caseId} filters={ledger.view.filters} onChange={ledger.setFilters} />
      }
    >
      <LeadForm caseId={caseId} open={creating} session={session} onClose={() => setCreating(false)} />
      <LeadDrawer id={openId} session={session} onClose={() => setOpenId(null)} />
    </LedgerPageFrame>
  );
}
