import type { Expected } from './expected';

/** The search channels and who may call them, written by hand. */
export const SEARCH_EXPECTED: Record<string, Expected> = {};
