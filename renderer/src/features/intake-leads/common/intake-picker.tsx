import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { LEDGER_TEXT_MAX } from '../../../../../shared/contracts/intake-leads-ledger';
import { call } from '../../../api/client';
import { ilKeys } from './case-data';

const SHOWN = 20;
const SIZE = 'small' as const;

/**
 * Picks intake items of a case by typing part of their number or summary: the core
 * searches the ledger (intake:page), so a case of any size loads only 20 at a time.
 * Chosen items keep their labels (read one by one) when they leave the results.
 */
export function IntakePicker({
  caseId,
  value,
  onChange,
  'data-testid': testId,
}: {
  caseId: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  'data-testid'?: string;
}) {
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setText(typed.trim().slice(0, LEDGER_TEXT_MAX)), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: [...ilKeys.intake(caseId), 'picker', text],
    queryFn: () => call('intake:page', { caseId, pageSize: SHOWN, ...(text ? { text } : {}) }),
    placeholderData: keepPreviousData,
  });
  // The same keys the lead form reads chosen items with, so each is fetched once.
  const chosen = useQueries({
    queries: (value ?? []).map((id) => ({
      queryKey: [...ilKeys.intake(caseId), id],
      queryFn: () => call('intake:get', { id }),
    })),
  });
  const labels = new Map<string, string>();
  for (const q of chosen) if (q.data) labels.set(q.data.id, `${q.data.number} ${q.data.summary}`);
  for (const row of found.data?.rows ?? []) labels.set(row.id, `${row.number} ${row.summary}`);
  const ids = [...new Set([...(value ?? []), ...(found.data?.rows ?? []).map((r) => r.id)])];

  return (
    <Select<string[]>
      mode="multiple"
      value={value ?? []}
      onChange={(next) => {
        onChange?.(next);
        setTyped('');
      }}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      options={ids.map((id) => ({ value: id, label: labels.get(id) ?? id }))}
      notFoundContent={found.isFetching ? <Spin size={SIZE} /> : undefined}
      data-testid={testId}
    />
  );
}
