import { useTranslation } from 'react-i18next';
import { DISPOSALS, LEAD_STATUSES } from '../../../../../shared/contracts/intake-leads';
import {
  NONE,
  type LEAD_SORT_KEYS,
  type LeadPageInput,
} from '../../../../../shared/contracts/intake-leads-ledger';
import { useLeadCodes } from '../common/lead-codes';
import { MultiFilter, OverdueOnly, OwnerFilter, ReceivedRange, TextFilter } from '../common/ledger-toolbar';

export type LeadSort = (typeof LEAD_SORT_KEYS)[number];
export type LeadFilters = Pick<
  LeadPageInput,
  'statuses' | 'disposals' | 'disciplines' | 'receivedFrom' | 'receivedTo' | 'owner' | 'text'
> & { overdueOnly?: true };

export const NO_LEAD_FILTERS: LeadFilters = {};

/** The lead ledger's filter controls (inside LedgerToolbar). */
export function LeadFilterControls({
  caseId,
  filters,
  onChange,
}: {
  caseId: string;
  filters: LeadFilters;
  onChange: (patch: Partial<LeadFilters>) => void;
}) {
  const { t } = useTranslation();
  const codes = useLeadCodes();
  return (
    <>
      <MultiFilter
        label={t('ledger.filters.status')}
        value={filters.statuses}
        options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
        onChange={(statuses) => onChange({ statuses })}
        width={150}
        data-testid="leads-filter-status"
      />
      <MultiFilter
        label={t('ledger.filters.disposal')}
        value={filters.disposals}
        options={[
          { value: NONE, label: t('ledger.filters.noDisposal') },
          ...DISPOSALS.map((d) => ({ value: d, label: t(`leads.disposals.${d}`) })),
        ]}
        onChange={(disposals) => onChange({ disposals })}
        width={170}
        data-testid="leads-filter-disposal"
      />
      <MultiFilter
        label={t('ledger.filters.category')}
        value={filters.disciplines}
        options={[
          { value: NONE, label: t('ledger.filters.noCategory') },
          ...codes.disciplines.map((d) => ({ value: d.code, label: d.label })),
        ]}
        onChange={(disciplines) => onChange({ disciplines })}
        width={150}
        data-testid="leads-filter-category"
      />
      <ReceivedRange
        from={filters.receivedFrom}
        to={filters.receivedTo}
        labels={[t('ledger.filters.leadsFrom'), t('ledger.filters.leadsTo')]}
        onChange={(receivedFrom, receivedTo) => onChange({ receivedFrom, receivedTo })}
        data-testid="leads-filter-received"
      />
      <OwnerFilter
        caseId={caseId}
        value={filters.owner}
        onChange={(owner) => onChange({ owner })}
        data-testid="leads-filter-owner"
      />
      <TextFilter
        value={filters.text}
        placeholder={t('ledger.filters.searchLeads')}
        onChange={(text) => onChange({ text })}
        data-testid="leads-filter-text"
      />
      <OverdueOnly
        value={filters.overdueOnly === true}
        onChange={(on) => onChange({ overdueOnly: on ? true : undefined })}
        data-testid="leads-filter-overdue"
      />
    </>
  );
}
