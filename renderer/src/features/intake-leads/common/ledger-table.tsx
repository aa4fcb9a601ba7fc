import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_PAGE_SIZES } from '../../../../../shared/contracts/intake-leads-ledger';
import type { LedgerView, SortOrder } from './use-ledger-view';

/** Room kept below the table's body for its pager. */
const PAGER = 64;
const MIN_BODY = 260;

/**
 * The height the table's scrolling body may take: from where it starts down to the
 * window's bottom, less the pager. A virtual table needs it as a number.
 */
export function useBodyHeight() {
  const ref = useRef<HTMLDivElement>(null);
  // Where the table starts with the filter bar on two lines: usually right, so the
  // measurement below rarely needs a second render.
  const [height, setHeight] = useState(() => bodyHeight(ESTIMATED_TOP));
  // Measured after the first paint (no forced layout while the page is built).
  useEffect(() => {
    const measure = () => {
      const next = bodyHeight(ref.current?.getBoundingClientRect().top ?? ESTIMATED_TOP);
      setHeight((current) => (Math.abs(current - next) > 4 ? next : current));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return [ref, height] as const;
}

const ESTIMATED_TOP = 266;

/** The table's header row sits above its body, its pager below. */
function bodyHeight(top: number): number {
  return Math.max(MIN_BODY, Math.floor(window.innerHeight - top - 56 - PAGER));
}

/** antd's sort state of a column from the ledger's. */
export function sortOrderOf<S extends string>(
  view: LedgerView<unknown, S>,
  key: S,
): 'ascend' | 'descend' | null {
  if (view.sort !== key) return null;
  return view.order === 'asc' ? 'ascend' : 'descend';
}

/** The server-side pager: sizes 20–200, "rows a–b of n". */
export function usePagination(
  view: { page: number; pageSize: number },
  total: number | undefined,
  testId: string,
): TablePaginationConfig {
  const { t } = useTranslation();
  return {
    current: view.page,
    pageSize: view.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: LEDGER_PAGE_SIZES.map(String),
    showTotal: (n, [from, to]) =>
      t('ledger.range', { from: from.toLocaleString(), to: to.toLocaleString(), total: n.toLocaleString() }),
    showQuickJumper: (total ?? 0) > 10 * view.pageSize,
    style: { padding: '0 16px' },
    // The pager's own test id (antd passes it on to the list element).
    ...({ 'data-testid': `${testId}-pager` } as object),
  };
}

/** Turns antd's table change (pager or a column's sorter) into the ledger's. */
export function onTableChange<R, S extends string>(
  setPage: (page: number, size: number) => void,
  setSort: (sort: S | null, order: SortOrder | null) => void,
  current: { sort: S; order: SortOrder },
): TableProps<R>['onChange'] {
  return (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<R> | undefined;
      const key = (s?.order ? (s.columnKey as S) : null) ?? null;
      const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : null;
      if (key !== current.sort || order !== current.order) setSort(key, order);
      return;
    }
    if (extra.action === 'paginate') setPage(pagination.current ?? 1, pagination.pageSize ?? 50);
  };
}

/** The sum of the columns' fixed widths (a virtual table scrolls sideways beyond it). */
export function widthOf(columns: readonly { width?: number | string }[]): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
}
