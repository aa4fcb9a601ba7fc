import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocaleId } from '../../../shared/locale-ids';
import { call } from './client';

export const queryKeys = {
  status: ['vault', 'status'] as const,
  prefs: ['prefs'] as const,
  session: ['session'] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
};

/** Data that only a signed-in user may see; dropped from memory when the vault locks. */
export const PROTECTED_QUERY_KEYS = [
  queryKeys.users,
  queryKeys.audit,
  ['reference'],
  ['records'],
  ['intake-leads'],
  ['transfer'],
  ['offices'],
];

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The core answers locally and deterministically: retrying only repeats an error.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

export function useVaultStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => call('vault:status', {}), staleTime: 0 });
}

export function usePreferences() {
  return useQuery({ queryKey: queryKeys.prefs, queryFn: () => call('prefs:get', {}), staleTime: Infinity });
}

export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: () => call('session:current', {}),
    staleTime: Infinity,
  });
}

export function useSetLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: LocaleId | null) => call('prefs:setLanguage', { language }),
    onSuccess: (prefs) => client.setQueryData(queryKeys.prefs, prefs),
  });
}
