import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { errorMessage } from '../../../i18n/i18n';

/** Query keys of this domain, under one root: a change refreshes every view, a lock drops them all (PROTECTED_QUERY_KEYS). */
export const ilKeys = {
  root: ['intake-leads'] as const,
  intake: (caseId: string) => ['intake-leads', 'intake', caseId] as const,
  leads: (caseId: string) => ['intake-leads', 'leads', caseId] as const,
  overdue: (caseId: string) => ['intake-leads', 'overdue', caseId] as const,
  users: (caseId: string) => ['intake-leads', 'users', caseId] as const,
};

export function useCaseUsers(caseId: string) {
  return useQuery({ queryKey: ilKeys.users(caseId), queryFn: () => call('leads:caseUsers', { caseId }) });
}

/** Refreshes every list of the domain and the record histories after a change. */
export function useRefreshAll() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ilKeys.root });
    void client.invalidateQueries({ queryKey: ['records', 'history'] });
  };
}

/** Saves bytes the core produced as a file download (the browser host; Electron shows the same). */
function saveBytes(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useExportLedger(caseId: string, ledger: 'intake' | 'leads') {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: () => call('ledger:export', { caseId, ledger }),
    onSuccess: (file) => {
      saveBytes(file.fileName, file.base64);
      void message.success(t('intake.exported', { rows: file.rows }));
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });
}
