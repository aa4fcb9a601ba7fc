import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface EnumSelectProps {
  /** The catalog branch naming each value, e.g. 'reference.unitTypes'. */
  branch: string;
  values: readonly string[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** A Select over one of the contract's enums, each value shown by its translated label. */
export function EnumSelect({ branch, values, multiple, allowClear, placeholder, ...rest }: EnumSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      allowClear={allowClear}
      placeholder={placeholder}
      options={values.map((v) => ({ value: v, label: t(`${branch}.${v}`) }))}
    />
  );
}
