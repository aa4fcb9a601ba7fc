import type { searchContract } from '../../../shared/contracts/search';
import type { HandlersFor, ServiceContext } from '../service-context';

export function createSearchHandlers(_ctx: ServiceContext): HandlersFor<keyof typeof searchContract> {
  return {};
}
