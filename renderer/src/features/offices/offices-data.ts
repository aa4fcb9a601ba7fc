import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of the offices page, under one root (dropped on lock: PROTECTED_QUERY_KEYS). */
export const officesKeys = {
  root: ['offices'] as const,
  own: ['offices', 'own'] as const,
  list: ['offices', 'list'] as const,
  history: (officeId: string) => ['offices', 'history', officeId] as const,
};

/** bundle-format.md §5: a key card file is at most 16 KiB (the core checks it again). */
export const KEY_CARD_MAX_BYTES = 16 * 1024;

export function useOwnOffice() {
  return useQuery({ queryKey: officesKeys.own, queryFn: () => call('offices:identity', {}), staleTime: 0 });
}

export function useTrustedOffices() {
  return useQuery({ queryKey: officesKeys.list, queryFn: () => call('offices:list', {}), staleTime: 0 });
}

export function useTrustHistory(officeId: string) {
  return useQuery({
    queryKey: officesKeys.history(officeId),
    queryFn: () => call('offices:history', { officeId }),
    staleTime: 0,
  });
}

/** Every change on this page refreshes both panels, the recipients of the export screen and histories. */
function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: officesKeys.root });
    void client.invalidateQueries({ queryKey: ['transfer'] });
  };
}

export function useExportCard() {
  return useMutation({
    mutationFn: () => call('offices:exportCard', {}),
    onSuccess: (card) => saveText(card.fileName, card.text),
  });
}

export function useRotateKeys() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call('offices:rotateKeys', { confirm: true }),
    onSuccess: invalidate,
  });
}

export function usePreviewCard() {
  return useMutation({ mutationFn: (cardText: string) => call('offices:previewCard', { cardText }) });
}

export function useTrustCard() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { cardText: string; fingerprint: string }) => call('offices:trust', input),
    onSuccess: invalidate,
  });
}

export function useAcceptRotation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (cardText: string) => call('offices:acceptRotation', { cardText }),
    onSuccess: invalidate,
  });
}

export function useRevokeOffice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { officeId: string; reason: string }) => call('offices:revoke', input),
    onSuccess: invalidate,
  });
}

/** Saves text the core produced as a file download (the browser host; Electron shows the same). */
function saveText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * What a person typed, reduced to its digits: spaces, hyphens and full-width digits
 * allowed (the same rule as the core's comparison, bundle-format.md §5).
 */
export function fingerprintDigits(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\s\-\u3000\uFF0D]/g, '');
}

export function isFingerprintInput(input: string): boolean {
  return /^\d{32}$/.test(fingerprintDigits(input));
}

/** The 8 groups of a fingerprint ("0412 9930 …"). */
export function fingerprintGroups(fingerprint: string): string[] {
  return fingerprint.split(' ');
}
