import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import type { IntakeLedgerRow } from '../../../../../shared/contracts/intake-leads-ledger';
import { mayCall } from '../../../app/access';
import { ilKeys } from '../common/case-data';
import { CaseGate } from '../common/case-gate';
import { LedgerPageFrame } from '../common/ledger-page-frame';
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
  const columns = useMemo(() => intakeColumns(t, ledger.view, setOpenId), [t, ledger.view]);

  return (
    <LedgerPageFrame<IntakeLedgerRow, IntakeFilters, IntakeSort>
      kind="intake"
      caseId={caseId}
      ledger={ledger}
      columns={columns}
      canCreate={canCreate}
      onCreate={() => setCreating(true)}
      filters={
        <IntakeFilterControls caseId={caseId} filters={ledger.view.filters} onChange={ledger.setFilters} />
      }
    >
      <IntakeForm caseId={caseId} open={creating} onClose={() => setCreating(false)} />
      <IntakeDrawer caseId={caseId} id={openId} session={session} onClose={() => setOpenId(null)} />
    </LedgerPageFrame>
  );
}
