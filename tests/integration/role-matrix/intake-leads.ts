import type { Expected } from './expected';

/** The intake-leads channels and who may call them, written by hand. */
export const INTAKE_LEADS_EXPECTED: Record<string, Expected> = {};
