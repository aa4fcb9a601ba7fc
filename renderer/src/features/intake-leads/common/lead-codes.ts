import { useQuery } from '@tanstack/react-query';
import { DEFAULT_OFFICE_RULES } from '../../../../../shared/office-rules';
import { call } from '../../../api/client';

/**
 * The office's discipline categories and tags (defaults until the rules are read):
 * the current ones to choose from, and a label for any code, retired ones included.
 */
export function useLeadCodes() {
  const rules = useQuery({ queryKey: ['intake-leads', 'rules'], queryFn: () => call('rules:get', {}) });
  const r = rules.data ?? DEFAULT_OFFICE_RULES;
  const labels = new Map([...r.disciplines, ...r.leadTags].map((c) => [c.code, c.label]));
  return {
    disciplines: r.disciplines.filter((d) => !d.retired),
    tags: r.leadTags.filter((d) => !d.retired),
    label: (code: string) => labels.get(code) ?? code,
  };
}
