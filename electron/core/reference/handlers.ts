import type { referenceContract } from '../../../shared/contracts/reference';
import type { HandlersFor, ServiceContext } from '../service-context';
import { createAppraisalHandlers } from './appraisals';
import { createCaseHandlers } from './cases';
import { createPersonHandlers } from './persons';
import { createPickerHandlers } from './pickers';
import { createPoolHandlers } from './pool';
import { createRuleHandlers } from './rules';
import { createUnitHandlers } from './units';

export function createReferenceHandlers(ctx: ServiceContext): HandlersFor<keyof typeof referenceContract> {
  return {
    ...createUnitHandlers(ctx),
    ...createPersonHandlers(ctx),
    ...createPoolHandlers(ctx),
    ...createCaseHandlers(ctx),
    ...createRuleHandlers(ctx),
    ...createPickerHandlers(ctx),
    ...createAppraisalHandlers(ctx),
  };
}
