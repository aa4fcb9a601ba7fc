import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The case the user is working on (intake, leads and work records are per case).
 * Kept in memory only: a lock or reload starts without one.
 */
interface CurrentCase {
  caseId: string | null;
  setCaseId: (id: string | null) => void;
}

const CurrentCaseContext = createContext<CurrentCase>({ caseId: null, setCaseId: () => {} });

export function CurrentCaseProvider({ children }: { children: ReactNode }) {
  const [caseId, setCaseId] = useState<string | null>(null);
  const value = useMemo(() => ({ caseId, setCaseId }), [caseId]);
  return <CurrentCaseContext.Provider value={value}>{children}</CurrentCaseContext.Provider>;
}

export function useCurrentCase(): CurrentCase {
  return useContext(CurrentCaseContext);
}
