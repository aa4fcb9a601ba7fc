import type { searchContract } from '../../../shared/contracts/search';
import { readOfficeRules } from '../reference/office-rules';
import type { HandlersFor, ServiceContext } from '../service-context';
import { runSearch } from './search-query';

export function createSearchHandlers(ctx: ServiceContext): HandlersFor<keyof typeof searchContract> {
  return {
    'search:query': (input) => runSearch(ctx.db(), input, (type, id) => ctx.canSee(type, id)),
    'search:options': () => ({
      categories: readOfficeRules(ctx.db())
        .disciplines.filter((d) => !d.retired)
        .map(({ code, label }) => ({ code, label })),
    }),
  };
}
