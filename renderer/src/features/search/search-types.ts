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

/** The page that shows each record type (a hit opens its record there); a type without one is not a link. */
export const HIT_PAGES: Partial<Record<SearchType, string>> = {
  intake: 'intake',
  lead: 'leads',
  person: 'persons',
  unit: 'units',
  talk: 'workRecords',
  document_request: 'workRecords',
  visit: 'workRecords',
};
