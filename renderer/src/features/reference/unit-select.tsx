import { Select } from 'antd';
import { useUnits } from './queries';
import { SEARCH_BY_LABEL } from './keys';

interface UnitSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/** Picks a unit by name (searchable). */
export function UnitSelect({ value, onChange, placeholder, 'data-testid': testId }: UnitSelectProps) {
  const units = useUnits();
  return (
    <Select
      allowClear
      showSearch={SEARCH_BY_LABEL}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={placeholder}
      loading={units.isPending}
      options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      data-testid={testId}
    />
  );
}
