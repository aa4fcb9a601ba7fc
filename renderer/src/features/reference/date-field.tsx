import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface DateFieldProps {
  /** YYYY-MM-DD or null, as the contract carries dates. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  'data-testid'?: string;
}

const FORMAT = 'YYYY-MM-DD';

/** A date picker whose form value is the ledger's YYYY-MM-DD text (dayjs is antd's own date library). */
export function DateField({ value, onChange, 'data-testid': testId }: DateFieldProps) {
  return (
    <DatePicker
      value={value ? dayjs(value, FORMAT) : null}
      format={FORMAT}
      onChange={(date) => onChange?.(date ? date.format(FORMAT) : null)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** A form rule: this date is not before the date in `otherField`. */
export function notBefore(otherField: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: string | null | undefined) => {
      const other = getFieldValue(otherField);
      return !value || typeof other !== 'string' || other <= value
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    },
  });
}
