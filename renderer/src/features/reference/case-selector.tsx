import { Select } from 'antd';
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

function CaseSelect() {
  const { t } = useTranslation();
  const { caseId, setCaseId } = useCurrentCase();
  const cases = useCases();
  return (
    <Select
      allowClear
      showSearch={SEARCH_BY_LABEL}
      placeholder={t('reference.cases.selectorPlaceholder')}
      value={caseId ?? undefined}
      onChange={(v: string | undefined) => setCaseId(v ?? null)}
      loading={cases.isPending}
      style={{ width: 300 }}
      data-testid="case-selector"
      options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.unitName}` }))}
    />
  );
}
