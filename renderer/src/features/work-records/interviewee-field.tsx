import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PersonSummary } from '../../../../shared/contracts/reference';
import { call } from '../../api/client';

/** Who was talked to: a person of the reference records, or a name typed in. */
export interface Interviewee {
  personId: string | null;
  name: string;
}

const FIND_LIMIT = 12;

/**
 * Type a name: matching persons from the reference records are offered (with unit
 * and post); picking one links the talk to that person, typing on keeps a free name.
 */
export function IntervieweeField({
  value,
  onChange,
  onPick,
  placeholder,
  'data-testid': testId,
}: {
  value?: Interviewee;
  onChange?: (value: Interviewee) => void;
  onPick?: (person: PersonSummary) => void;
  placeholder?: string;
  'data-testid'?: string;
}) {
  const name = value?.name ?? '';
  const [query, setQuery] = useState(name);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(name.trim().slice(0, 40)), 200);
    return () => clearTimeout(timer);
  }, [name]);
  const persons = useQuery({
    queryKey: ['reference', 'find', 'persons', query],
    queryFn: () => call('persons:find', { query, limit: FIND_LIMIT }),
    enabled: query.length > 0,
    staleTime: 30_000,
  });
  const found = persons.data ?? [];
  return (
    <AutoComplete
      value={name}
      placeholder={placeholder}
      data-testid={testId}
      options={found.map((p) => ({
        value: p.id,
        label: (
          <Flex gap={8} justify="space-between">
            <span>{p.name}</span>
            <Typography.Text type="secondary" ellipsis>
              {[p.unitName, p.post].filter(Boolean).join(' ')}
            </Typography.Text>
          </Flex>
        ),
      }))}
      onSelect={(id: string) => {
        const person = found.find((p) => p.id === id);
        if (!person) return;
        onChange?.({ personId: person.id, name: person.name });
        onPick?.(person);
      }}
      onChange={(text: string) => {
        // Selecting an option also reports its value (the id): onSelect handles that.
        if (found.some((p) => p.id === text)) return;
        onChange?.({ personId: null, name: text });
      }}
    />
  );
}
