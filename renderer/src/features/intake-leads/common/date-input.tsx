import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

/** A date picker whose form value is the ledger's YYYY-MM-DD text. */
export function DateInput(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  'data-testid'?: string;
}) {
  return (
    <DatePicker
      value={props.value ? dayjs(props.value, FORMAT) : null}
      format={FORMAT}
      onChange={(date) => props.onChange?.(date ? date.format(FORMAT) : null)}
      style={{ width: '100%' }}
      data-testid={props['data-testid']}
    />
  );
}

/** A form rule: this date is not before the date in `otherField` (or the fixed `min`). */
export function notBefore(min: string | (() => unknown), message: string) {
  return {
    validator: (_rule: unknown, value: string | null | undefined) => {
      const other = typeof min === 'function' ? min() : min;
      return !value || typeof other !== 'string' || other <= value
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    },
  };
}

export function todayText(): string {
  return dayjs().format(FORMAT);
}
