import type { Expected } from './expected';

/** The reference channels and who may call them, written by hand. */
export const REFERENCE_EXPECTED: Record<string, Expected> = {};
