import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INTAKE_CHANNELS, SCOPE_DECISIONS } from '../../../../../shared/contracts/intake-leads';
import {
  INTAKE_STATUSES,
  NONE,
  type INTAKE_SORT_KEYS,
  type IntakePageInput,
} from '../../../../../shared/contracts/intake-leads-ledger';
import { MultiFilter, OverdueOnly, OwnerFilter, ReceivedRange, TextFilter } from '../common/ledger-toolbar';

export type IntakeSort = (typeof INTAKE_SORT_KEYS)[number];
export type IntakeFilters = Pick<
  IntakePageInput,
  'statuses' | 'channels' | 'scopes' | 'realName' | 'receivedFrom' | 'receivedTo' | 'owner' | 'text'
> & { overdueOnly?: true };

export const NO_INTAKE_FILTERS: IntakeFilters = {};
const REAL_NAME = ['real', 'anonymous'] as const;

/** The intake ledger's filter controls (inside LedgerToolbar). */
export function IntakeFilterControls({
  caseId,
  filters,
  onChange,
}: {
  caseId: string;
  filters: IntakeFilters;
  onChange: (patch: Partial<IntakeFilters>) => void;
}) {
  const { t } = useTranslation();
  const realName = filters.realName === undefined ? undefined : filters.realName ? 'real' : 'anonymous';
  return (
    <>
      <MultiFilter
        label={t('ledger.filters.status')}
        value={filters.statuses}
        options={INTAKE_STATUSES.map((s) => ({ value: s, label: t(`intake.statuses.${s}`) }))}
        onChange={(statuses) => onChange({ statuses })}
        width={150}
        data-testid="intake-filter-status"
      />
      <MultiFilter
        label={t('ledger.filters.channel')}
        value={filters.channels}
        options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))}
        onChange={(channels) => onChange({ channels })}
        width={150}
        data-testid="intake-filter-channel"
      />
      <MultiFilter
        label={t('ledger.filters.scope')}
        value={filters.scopes}
        options={[
          { value: NONE, label: t('ledger.filters.undecided') },
          ...SCOPE_DECISIONS.map((s) => ({ value: s, label: t(`intake.scopes.${s}`) })),
        ]}
        onChange={(scopes) => onChange({ scopes })}
        width={160}
        data-testid="intake-filter-scope"
      />
      <Select<'real' | 'anonymous'>
        allowClear
        placeholder={t('ledger.filters.realName')}
        aria-label={t('ledger.filters.realName')}
        value={realName}
        onChange={(v) => onChange({ realName: v === undefined ? undefined : v === 'real' })}
        options={REAL_NAME.map((value) => ({ value, label: t(`intake.realNames.${value}`) }))}
        style={{ width: 100 }}
        data-testid="intake-filter-real-name"
      />
      <ReceivedRange
        from={filters.receivedFrom}
        to={filters.receivedTo}
        labels={[t('ledger.filters.receivedFrom'), t('ledger.filters.receivedTo')]}
        onChange={(receivedFrom, receivedTo) => onChange({ receivedFrom, receivedTo })}
        data-testid="intake-filter-received"
      />
      <OwnerFilter
        caseId={caseId}
        value={filters.owner}
        onChange={(owner) => onChange({ owner })}
        data-testid="intake-filter-owner"
      />
      <TextFilter
        value={filters.text}
        placeholder={t('ledger.filters.searchIntake')}
        onChange={(text) => onChange({ text })}
        data-testid="intake-filter-text"
      />
      <OverdueOnly
        value={filters.overdueOnly === true}
        onChange={(on) => onChange({ overdueOnly: on ? true : undefined })}
        data-testid="intake-filter-overdue"
      />
    </>
  );
}
