import type { Expected } from './expected';
import { CASE_WORKERS } from './expected';

/** The search channels and who may call them, written by hand. */
export const SEARCH_EXPECTED: Record<string, Expected> = {
  'search:query': CASE_WORKERS,
  'search:options': CASE_WORKERS,
};
