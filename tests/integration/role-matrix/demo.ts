import type { Expected } from './expected';

/** The demo channel and who may call it, written by hand. */
export const DEMO_EXPECTED: Record<string, Expected> = {
  // Right after setup only the security administrator exists; the core also refuses any vault that is not new.
  'demo:seed': ['security_admin'],
};
