import type { ReactNode } from 'react';
import type { CaseSummary } from '../../../../shared/contracts/reference';
import { useTranslation } from 'react-i18next';
import { usePersons, useRounds, useUnits } from './queries';

/** Enum fields and the catalog branch that names their values. */
const ENUM_FIELDS: Record<string, string> = {
  unitType: 'reference.unitTypes',
  managementLevel: 'reference.levels',
  availability: 'reference.availability',
  backgrounds: 'reference.backgrounds',
  phase: 'reference.phases',
  groupRole: 'reference.groupRoles',
  relationType: 'reference.relationTypes',
  gender: 'reference.genders',
};

/** Field labels and value formatting for the history of reference records. */
export function useHistoryFormat(): {
  fieldLabel: (field: string) => string;
  formatValue: (field: string, value: unknown) => ReactNode;
} {
  const { t } = useTranslation();
  const units = useUnits();
  const persons = usePersons();
  const rounds = useRounds();
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  return {
    fieldLabel: (field) => t(`reference.fields.${field}`),
    formatValue: (field, value) => {
      const branch = ENUM_FIELDS[field];
      if (branch && typeof value === 'string') return t(`${branch}.${value}`);
      if (branch && Array.isArray(value))
        return value.map((v) => t(`${branch}.${String(v)}`)).join(t('common.listSeparator'));
      if ((field === 'unitId' || field === 'parentId') && typeof value === 'string') return unitName(value);
      if (field === 'roundId' && typeof value === 'string')
        return rounds.data?.find((r) => r.id === value)?.name ?? value;
      if (field === 'personId' && typeof value === 'string')
        return persons.data?.find((p) => p.id === value)?.name ?? value;
      if (typeof value === 'boolean') return value ? t('reference.yes') : t('reference.no');
      if (field === 'idNumber') return t('reference.protectedValue');
      return undefined;
    },
  };
}

/** 2019-03-01 – 2023-06-30, with an open end written as "to date". */
export function DateRange({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  if (!from && !to) return <>{t('reference.dateUnknown')}</>;
  return <>{t('reference.dateRange', { from: from ?? '…', to: to ?? t('reference.present') })}</>;
}

export const PHASE_COLORS: Record<CaseSummary['phase'], string> = {
  preparation: 'default',
  stationed: 'processing',
  report: 'blue',
  feedback: 'cyan',
  transfer: 'purple',
  rectification: 'orange',
  closed: 'success',
};
