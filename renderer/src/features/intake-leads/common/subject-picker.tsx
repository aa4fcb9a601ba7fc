import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary, Unit } from '../../../../../shared/contracts/reference';
import { call } from '../../../api/client';

/** What a picked subject's value carries: a reference to a person, a unit, or a typed name. */
export interface PickedSubject {
  value: string;
  label: string;
}

/** The person's post and management level at the moment they are picked, to prefill the row. */
export interface PickDetails {
  post: string | null;
  managementLevel: string | null;
}

export const REF = {
  person: (id: string) => `person:${id}`,
  unit: (id: string) => `unit:${id}`,
  text: (name: string) => `text:${name}`,
};

/** Reads a picker value back: which record (or typed name) it names. */
export function parseRef(value: string): { kind: 'person' | 'unit' | 'text'; rest: string } {
  const at = value.indexOf(':');
  return { kind: value.slice(0, at) as 'person' | 'unit' | 'text', rest: value.slice(at + 1) };
}

const FIND_LIMIT = 15;
const DEBOUNCE_MS = 250;
const MAX_NAME = 100;

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

/** An option, or a group of them (typed name, persons, units). */
interface Option {
  value?: string;
  label: string;
  options?: Option[];
  person?: PersonSummary;
  unit?: Unit;
  typed?: boolean;
}

/**
 * A searchable picker of a reported person or unit: the core searches the reference
 * records as the user types (persons:find, units:find); each person shows with unit
 * and post. Someone not (yet) in the records is entered by their typed name.
 */
export function SubjectPicker({
  value,
  onChange,
  onPick,
  'data-testid': testId,
}: {
  value?: PickedSubject;
  onChange?: (value: PickedSubject | undefined) => void;
  onPick?: (details: PickDetails) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim().slice(0, 40));
  const persons = useQuery({
    queryKey: ['reference', 'find', 'persons', query],
    queryFn: () => call('persons:find', { query, limit: FIND_LIMIT }),
    enabled: open,
    staleTime: 30_000,
  });
  const units = useQuery({
    queryKey: ['reference', 'find', 'units', query],
    queryFn: () => call('units:find', { query, limit: FIND_LIMIT }),
    enabled: open,
    staleTime: 30_000,
  });
  const name = typed.trim().slice(0, MAX_NAME);
  const personOptions: Option[] = (persons.data ?? []).map((p) => ({
    value: REF.person(p.id),
    label: p.name,
    person: p,
  }));
  const unitOptions: Option[] = (units.data ?? []).map((u) => ({
    value: REF.unit(u.id),
    label: u.name,
    unit: u,
  }));
  // Records first (Enter picks the best match); the typed name last, for someone not on file.
  const groups = [
    ...(personOptions.length ? [{ label: t('editing.subjects.persons'), options: personOptions }] : []),
    ...(unitOptions.length ? [{ label: t('editing.subjects.units'), options: unitOptions }] : []),
    ...(name
      ? [
          {
            label: t('editing.subjects.typedGroup'),
            options: [{ value: REF.text(name), label: name, typed: true }],
          },
        ]
      : []),
  ];

  return (
    <Select<PickedSubject, Option>
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      labelInValue
      allowClear
      value={value}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped('');
      }}
      placeholder={t('editing.subjects.placeholder')}
      loading={persons.isFetching || units.isFetching}
      notFoundContent={t('editing.subjects.notFound')}
      options={groups}
      optionRender={(option) => {
        const o = option.data;
        if (o.typed) return t('editing.subjects.typed', { name: o.label });
        const extra = o.person ? [o.person.unitName, o.person.post] : [o.unit?.shortName];
        return (
          <Flex gap={8} align="baseline">
            <span>{o.label}</span>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {extra.filter(Boolean).join(' ')}
            </Typography.Text>
          </Flex>
        );
      }}
      onChange={(next, option) => {
        onChange?.(next ? { value: next.value, label: String(next.label) } : undefined);
        const picked = Array.isArray(option) ? undefined : option;
        if (picked?.person) {
          onPick?.({ post: picked.person.post, managementLevel: picked.person.managementLevel });
        }
      }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
