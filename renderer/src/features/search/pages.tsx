import type { PageDef } from '../../app/page-def';

/** The search pages, in navigation order. */
export const SEARCH_PAGES: PageDef[] = [];
