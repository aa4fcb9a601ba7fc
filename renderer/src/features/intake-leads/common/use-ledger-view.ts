import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../../shared/contract';
import {
  LEDGER_PAGE_SIZE_DEFAULT,
  type SORT_ORDERS,
} from '../../../../../shared/contracts/intake-leads-ledger';
import { call } from '../../../api/client';

export type SortOrder = (typeof SORT_ORDERS)[number];

/** What a ledger list shows: its filters, sort and page. */
export interface LedgerView<F, S extends string> {
  filters: F;
  sort: S;
  order: SortOrder;
  page: number;
  pageSize: number;
}

/**
 * The state of a paged ledger and its page, read from the core (intake:page or
 * leads:page). A new filter or sort starts again at page 1; the previous page stays
 * on screen while the next one loads, so the table never flashes empty.
 */
export function useLedgerView<C extends 'intake:page' | 'leads:page', F extends object, S extends string>(
  channel: C,
  queryKey: readonly unknown[],
  caseId: string,
  defaults: { filters: F; sort: S; order: SortOrder },
) {
  const [view, setView] = useState<LedgerView<F, S>>({
    ...defaults,
    page: 1,
    pageSize: LEDGER_PAGE_SIZE_DEFAULT,
  });
  const input = {
    caseId,
    ...withoutEmpty(view.filters),
    sort: view.sort,
    order: view.order,
    page: view.page,
    pageSize: view.pageSize,
  } as unknown as ChannelInput<C>;
  const options = {
    queryKey: [...queryKey, 'page', input],
    queryFn: () => call(channel as Channel, input as never) as Promise<ChannelOutput<C>>,
  };
  // Ask the core while the page renders rather than after (useQuery starts in an
  // effect): the first rows then arrive with the first paint. Once, on mount.
  const client = useQueryClient();
  useState(() => void client.prefetchQuery(options));
  const page = useQuery({ ...options, placeholderData: keepPreviousData });
  const setFilters = useCallback(
    (patch: Partial<F>) => setView((v) => ({ ...v, filters: { ...v.filters, ...patch }, page: 1 })),
    [],
  );
  const setSort = useCallback(
    (sort: S | null, order: SortOrder | null) =>
      setView((v) => ({
        ...v,
        sort: sort ?? defaults.sort,
        order: sort && order ? order : defaults.order,
        page: 1,
      })),
    [defaults.sort, defaults.order],
  );
  const setPage = useCallback(
    (p: number, size: number) =>
      setView((v) => ({ ...v, page: size === v.pageSize ? p : 1, pageSize: size })),
    [],
  );
  const reset = useCallback(
    () => setView((v) => ({ ...v, filters: defaults.filters, page: 1 })),
    [defaults.filters],
  );
  return { view, page, setFilters, setSort, setPage, reset };
}

/** Leaves out unset filters (undefined, empty lists, blank text) so the input stays small. */
function withoutEmpty(filters: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}
