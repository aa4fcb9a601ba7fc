import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchQueryInput } from '../../../../shared/contracts/search';
import { call } from '../../api/client';

// Under 'records' so the results are dropped from memory when the vault locks.
const SEARCH_KEY = ['records', 'search'] as const;

/** The search for the submitted filters; idle until there is a query. */
export function useSearch(input: SearchQueryInput | null) {
  return useQuery({
    queryKey: [...SEARCH_KEY, input],
    queryFn: () => call('search:query', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useSearchOptions() {
  return useQuery({
    queryKey: [...SEARCH_KEY, 'options'],
    queryFn: () => call('search:options', {}),
    staleTime: Infinity,
  });
}
