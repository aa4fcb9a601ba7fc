import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkRecordKind } from '../../../../shared/contracts/work-records';
import { call } from '../../api/client';

/** Query keys under ['records'], so a lock drops them with every other record. */
export const wrKeys = {
  root: ['records', 'work-records'] as const,
  list: (caseId: string, kind: WorkRecordKind) => ['records', 'work-records', 'list', caseId, kind] as const,
  one: (id: string) => ['records', 'work-records', 'one', id] as const,
  forLead: (leadId: string) => ['records', 'work-records', 'lead', leadId] as const,
};

export function useWorkRecords(caseId: string, kind: WorkRecordKind) {
  return useQuery({
    queryKey: wrKeys.list(caseId, kind),
    queryFn: () => call('workRecords:list', { caseId, kind }),
  });
}

export function useWorkRecord(id: string | null) {
  return useQuery({
    queryKey: wrKeys.one(id ?? ''),
    queryFn: () => call('workRecords:get', { id: id! }),
    enabled: id !== null,
  });
}

/** After a change: the work records, their histories, and the leads (which show their links). */
export function useRefreshWorkRecords() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: wrKeys.root });
    void client.invalidateQueries({ queryKey: ['records', 'history'] });
    void client.invalidateQueries({ queryKey: ['intake-leads'] });
  };
}
