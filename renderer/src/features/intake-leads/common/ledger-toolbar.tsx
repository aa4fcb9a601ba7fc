import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Flex, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_TEXT_MAX, NONE } from '../../../../../shared/contracts/intake-leads-ledger';
import { useCaseUsers } from './case-data';

const BAR_STYLES = { body: { padding: '10px 12px' } };
const SEARCH_BY_LABEL = { optionFilterProp: 'label' } as const;

/**
 * The filter bar above a paged ledger: labelled selects, the received-date range,
 * owner, overdue only and a search on number or summary, a reset and the total.
 * Every control changes the filters at once; the core does the filtering.
 */
export function LedgerToolbar({
  children,
  total,
  onReset,
  'data-testid': testId,
}: {
  children: ReactNode;
  total: number | undefined;
  onReset: () => void;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }} styles={BAR_STYLES}>
      <Flex gap={8} wrap align="center" data-testid={`${testId}-filters`}>
        {children}
        <Button icon={<ClearOutlined />} onClick={onReset} data-testid={`${testId}-reset`}>
          {t('ledger.filters.reset')}
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid={`${testId}-total`}>
          {total === undefined ? '' : t('ledger.total', { total: total.toLocaleString() })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** A multiple choice among codes, its label shown as the placeholder. */
export function MultiFilter<V extends string>({
  label,
  value,
  options,
  onChange,
  width = 150,
  'data-testid': testId,
}: {
  label: string;
  value: V[] | undefined;
  options: { value: V; label: string }[];
  onChange: (value: V[]) => void;
  width?: number;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <Select<V[]>
      mode="multiple"
      allowClear
      // One compact tag instead of a row of them: "status: open", "channel: 2 chosen".
      maxTagCount={0}
      maxTagPlaceholder={(omitted) =>
        omitted.length === 1
          ? t('ledger.filters.chosenOne', { label, value: omitted[0]!.label as string })
          : t('ledger.filters.chosenMany', { label, count: omitted.length })
      }
      placeholder={label}
      aria-label={label}
      value={value ?? []}
      options={options}
      onChange={onChange}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}

const FORMAT = 'YYYY-MM-DD';

/** From–to on the received date; either end may stay open. */
export function ReceivedRange({
  from,
  to,
  labels,
  onChange,
  'data-testid': testId,
}: {
  from: string | undefined;
  to: string | undefined;
  /** The placeholders of both ends, naming the ledger's own date. */
  labels: [string, string];
  onChange: (from: string | undefined, to: string | undefined) => void;
  'data-testid': string;
}) {
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      value={[from ? dayjs(from, FORMAT) : null, to ? dayjs(to, FORMAT) : null]}
      format={FORMAT}
      placeholder={labels}
      onChange={(range) => onChange(range?.[0]?.format(FORMAT), range?.[1]?.format(FORMAT))}
      style={{ width: 264 }}
      data-testid={testId}
    />
  );
}

/** One owner of the case, or the rows without one. */
export function OwnerFilter({
  caseId,
  value,
  onChange,
  'data-testid': testId,
}: {
  caseId: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  const users = useCaseUsers(caseId);
  return (
    <Select<string>
      allowClear
      showSearch={SEARCH_BY_LABEL}
      placeholder={t('ledger.filters.owner')}
      aria-label={t('ledger.filters.owner')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={[
        { value: NONE, label: t('ledger.filters.noOwner') },
        ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
      ]}
      style={{ width: 130 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}

export function OverdueOnly({
  value,
  onChange,
  'data-testid': testId,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox checked={value} onChange={(e) => onChange(e.target.checked)} data-testid={testId}>
      {t('ledger.filters.overdueOnly')}
    </Checkbox>
  );
}

/** Searches when Enter is pressed or the field is cleared. */
export function TextFilter({
  value,
  placeholder,
  onChange,
  'data-testid': testId,
}: {
  value: string | undefined;
  placeholder: string;
  onChange: (value: string | undefined) => void;
  'data-testid': string;
}) {
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // A reset from outside: show the new value.
    setShown(value);
    setDraft(value ?? '');
  }
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      aria-label={placeholder}
      maxLength={LEDGER_TEXT_MAX}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (!e.target.value) onChange(undefined);
      }}
      onPressEnter={() => onChange(draft.trim() || undefined)}
      style={{ width: 190 }}
      data-testid={testId}
    />
  );
}
