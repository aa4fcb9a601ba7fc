import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConflictValue } from '../../../../shared/contracts/conflicts';
import { call } from '../../api/client';

// Under 'records' so conflicts are dropped from memory when the vault locks.
export const CONFLICT_KEY = ['records', 'conflicts'] as const;

export function useConflicts() {
  return useQuery({
    queryKey: [...CONFLICT_KEY, 'list'],
    queryFn: () => call('conflicts:list', {}),
    staleTime: 0,
  });
}

export function useConflict(type: string | null, id: string | null) {
  return useQuery({
    queryKey: [...CONFLICT_KEY, 'get', type, id],
    queryFn: () => call('conflicts:get', { type: type!, id: id! }),
    enabled: type !== null && id !== null,
    staleTime: 0,
    retry: false,
  });
}

/** Resolving changes the record itself: every record query is refreshed. */
export function useResolveConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: string; id: string; field: string; value: ConflictValue }) =>
      call('conflicts:resolve', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['records'] }),
  });
}
