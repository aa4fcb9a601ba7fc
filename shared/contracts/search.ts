import { z } from 'zod';
import { CASE_ROLES, entry, isoDate, none } from '../contract-kit';

/** Channels of the search domain (see shared/contract.ts for the rules every entry follows). */
export const SEARCH_TYPES = [
  'intake',
  'lead',
  'person',
  'unit',
  'talk',
  'document_request',
  'visit',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_PAGE_SIZE_MAX = 50;

export const searchQueryInputSchema = z
  .object({
    /** Two characters or more; words separated by spaces must all appear. */
    query: z.string().trim().min(SEARCH_QUERY_MIN).max(SEARCH_QUERY_MAX),
    types: z.array(z.enum(SEARCH_TYPES)).max(SEARCH_TYPES.length).optional(),
    caseId: z.string().uuid().optional(),
    /** On the record's own date (received, opened, visited …), inclusive. */
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    /** A discipline code from the office rules. */
    category: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .optional(),
    page: z.number().int().min(1).max(1000).default(1),
    pageSize: z.number().int().min(1).max(SEARCH_PAGE_SIZE_MAX).default(20),
  })
  .strict();
export type SearchQueryInput = z.input<typeof searchQueryInputSchema>;

/** A piece of text; `hit` marks a span that matched the query. No HTML anywhere. */
export const segmentSchema = z.object({ text: z.string(), hit: z.boolean() });
export type Segment = z.infer<typeof segmentSchema>;

export const searchHitSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  caseId: z.string().nullable(),
  title: z.array(segmentSchema),
  snippet: z.array(segmentSchema),
  category: z.string().nullable(),
  date: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  /** Hits the caller may see (sealed records of others are not counted). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(searchHitSchema),
  /**
   * Set when there were too many matches to rank them all: the hits are the best of
   * this many newest matches (the total is still exact). Null or absent: all ranked.
   */
  rankedAmong: z.number().int().nullable().optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchOptionsSchema = z.object({
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const searchContract = {
  'search:query': entry(CASE_ROLES, searchQueryInputSchema, searchResultSchema),
  /** What the filters offer: the office's discipline categories. */
  'search:options': entry(CASE_ROLES, none, searchOptionsSchema),
} as const;
