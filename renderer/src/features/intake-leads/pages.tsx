import type { PageDef } from '../../app/page-def';

/** The intake-leads pages, in navigation order. */
export const INTAKE_LEADS_PAGES: PageDef[] = [];
