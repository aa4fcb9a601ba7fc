import type { referenceContract } from '../../../shared/contracts/reference';
import type { HandlersFor, ServiceContext } from '../service-context';

export function createReferenceHandlers(_ctx: ServiceContext): HandlersFor<keyof typeof referenceContract> {
  return {};
}
