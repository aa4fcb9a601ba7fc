import type { SearchType } from '../../../../shared/contracts/search';

/** Tag colours per record type, so a list of mixed results scans quickly. */
export const TYPE_COLORS: Record<SearchType, string> = {
  intake: 'blue',
  lead: 'volcano',
  person: 'green',
  unit: 'cyan',
  talk: 'purple',
  document_request: 'geekblue',
  visit: 'gold',
};
