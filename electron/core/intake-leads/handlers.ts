import type { intakeLeadsContract } from '../../../shared/contracts/intake-leads';
import type { HandlersFor, ServiceContext } from '../service-context';

export function createIntakeLeadsHandlers(
  _ctx: ServiceContext,
): HandlersFor<keyof typeof intakeLeadsContract> {
  return {};
}
