import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { call } from '../../api/client';

/** Every reference query lives under ['reference', …] (dropped on lock, see PROTECTED_QUERY_KEYS). */
export const refKeys = {
  all: ['reference'] as const,
  units: ['reference', 'units'] as const,
  unit: (id: string) => ['reference', 'unit', id] as const,
  persons: ['reference', 'persons'] as const,
  person: (id: string) => ['reference', 'person', id] as const,
  pool: ['reference', 'pool'] as const,
  inspector: (id: string) => ['reference', 'inspector', id] as const,
  rounds: ['reference', 'rounds'] as const,
  cases: ['reference', 'cases'] as const,
  kase: (id: string) => ['reference', 'case', id] as const,
  accounts: ['reference', 'accounts'] as const,
  rules: ['reference', 'rules'] as const,
};

export const useUnits = () => useQuery({ queryKey: refKeys.units, queryFn: () => call('units:list', {}) });
export const usePersons = () =>
  useQuery({ queryKey: refKeys.persons, queryFn: () => call('persons:list', {}) });
export const usePool = () => useQuery({ queryKey: refKeys.pool, queryFn: () => call('pool:list', {}) });
export const useRounds = () => useQuery({ queryKey: refKeys.rounds, queryFn: () => call('rounds:list', {}) });
export const useCases = () => useQuery({ queryKey: refKeys.cases, queryFn: () => call('cases:list', {}) });

/**
 * A reference write: on success every reference query and the record histories are
 * refreshed (units, persons, pool and cases show each other's names).
 */
export function useRefMutation<C extends Channel>(channel: C, onDone?: (value: ChannelOutput<C>) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: (value) => {
      void client.invalidateQueries({ queryKey: refKeys.all });
      void client.invalidateQueries({ queryKey: ['records'] });
      onDone?.(value);
    },
  });
}
