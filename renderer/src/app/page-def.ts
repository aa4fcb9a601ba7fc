import type { ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';

export interface PageContext {
  session: SessionInfo;
  /** The pages this user can open, in navigation order. */
  pages: readonly PageDef[];
  navigate: (key: string) => void;
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
