import { SEARCH_TYPES, type searchContract, type SearchType } from '../../../shared/contracts/search';
import type { Role } from '../../../shared/roles';
import { casesHiddenFrom } from '../reference/case-access';
import { readOfficeRules } from '../reference/office-rules';
import type { HandlersFor, ServiceContext } from '../service-context';
import { searchableTypes } from '../work-records/work-record-access';
import { runSearch } from './search-query';

/**
 * Talks are indexed with their notes; a role that may not read talk notes (see
 * work-records/work-record-access.ts) searches every other type. Input is left
 * unchanged for everyone else, which keeps the query on its fast path; null means
 * nothing the caller asked for is readable to them.
 */
function withReadableTypes<T extends { types?: SearchType[] | undefined }>(
  input: T,
  roles: readonly Role[],
): T | null {
  const types = searchableTypes(roles, input.types);
  if (types.length === 0) return null;
  return types.length === (input.types?.length || SEARCH_TYPES.length) ? input : { ...input, types };
}

export function createSearchHandlers(ctx: ServiceContext): HandlersFor<keyof typeof searchContract> {
  return {
    'search:query': (input) => {
      const readable = withReadableTypes(input, ctx.user().roles);
      if (!readable) return { total: 0, page: input.page, pageSize: input.pageSize, hits: [] };
      return runSearch(
        ctx.db(),
        readable,
        (type, id) => ctx.canSee(type, id),
        casesHiddenFrom(ctx.db(), ctx.session().userId),
      );
    },
    'search:options': () => ({
      categories: readOfficeRules(ctx.db())
        .disciplines.filter((d) => !d.retired)
        .map(({ code, label }) => ({ code, label })),
    }),
  };
}
