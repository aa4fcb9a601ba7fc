import { Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import { mayCall } from '../../app/access';
import { useCurrentCase } from '../../app/current-case';
import { useCases } from './queries';
import { SEARCH_BY_LABEL } from './keys';

/** The header's case picker: sets the case that intake, leads and work records use. */
export function CaseSelector({ roles }: { roles: readonly Role[] }) {
  if (!mayCall('cases:list', roles)) return null;
  return <CaseSelect />;
}

/**
 * Offers only the cases whose group the user is in: their content is for members
 * only (case managers see other cases on the cases page, not their content). With
 * one such case it is chosen once, on arrival; a case the user left is dropped.
 */
function CaseSelect() {
  const { t } = useTranslation();
  const { caseId, setCaseId } = useCurrentCase();
  const cases = useCases();
  const mine = (cases.data ?? []).filter((c) => c.myGroupRole !== null);
  const only = mine.length === 1 ? mine[0]!.id : null;
  const known = caseId === null || mine.some((c) => c.id === caseId);
  const autoPicked = useRef(false);

  useEffect(() => {
    if (!cases.data) return;
    if (!known) setCaseId(null);
    else if (caseId === null && only && !autoPicked.current) setCaseId(only);
    autoPicked.current = true;
  }, [cases.data, known, caseId, only, setCaseId]);

  return (
    <Select
      allowClear
      showSearch={SEARCH_BY_LABEL}
      placeholder={t('reference.cases.selectorPlaceholder')}
      value={known ? (caseId ?? undefined) : undefined}
      onChange={(v: string | undefined) => setCaseId(v ?? null)}
      loading={cases.isPending}
      style={{ width: 300 }}
      data-testid="case-selector"
      notFoundContent={t('reference.cases.noOwnCases')}
      options={mine.map((c) => ({ value: c.id, label: `${c.code} ${c.unitName}` }))}
    />
  );
}
