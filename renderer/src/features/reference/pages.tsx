import type { PageDef } from '../../app/page-def';

/** The reference pages, in navigation order. */
export const REFERENCE_PAGES: PageDef[] = [];
