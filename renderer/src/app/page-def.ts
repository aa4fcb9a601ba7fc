import type { ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';

/** What a page is opened with besides its key: a record to show on arrival (a search hit). */
export interface PageParams {
  recordId?: string;
  /** The kind of that record, for pages that list several kinds (work records: talk, visit…). */
  recordType?: string;
}

export interface PageContext {
  session: SessionInfo;
  /** The pages this user can open, in navigation order. */
  pages: readonly PageDef[];
  /** Opens a page; each navigation mounts it afresh, so it reads `params` once, on arrival. */
  navigate: (key: string, params?: PageParams) => void;
  params: PageParams;
}

/**
 * One page of the signed-in shell. Its label is `nav.<key>`, its navigation entry
 * carries `data-testid="nav-<key>"`, and the overview describes it with
 * `home.can.<key>`. Each domain lists its pages in features/<domain>/pages.tsx.
 */
export interface PageDef {
  key: string;
  icon: ReactNode;
  visibleTo: (roles: readonly Role[]) => boolean;
  render: (ctx: PageContext) => ReactNode;
}
