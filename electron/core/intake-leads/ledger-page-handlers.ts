import type { intakeLeadsLedgerContract } from '../../../shared/contracts/intake-leads-ledger';
import { readOfficeRules } from '../reference/office-rules';
import type { HandlersFor, ServiceContext } from '../service-context';
import { assertCase, today } from './common';
import { intakePage } from './intake-page';
import { leadPage } from './lead-page';
import { decisionCutoff } from './ledger-sql';

/** intake:page and leads:page: a case's ledgers a page at a time, filtered and sorted in the core. */
export function createLedgerPageHandlers(
  ctx: ServiceContext,
): HandlersFor<keyof typeof intakeLeadsLedgerContract> {
  return {
    'intake:page': (input) => {
      assertCase(ctx, input.caseId);
      const day = today(ctx);
      // Rows carry an overdue flag, so the cutoff is needed with or without the filter.
      const dates = { today: day, decisionCutoff: decisionCutoff(day, readOfficeRules(ctx.db())) };
      return { ...intakePage(ctx.db(), input, dates), today: day };
    },

    'leads:page': (input) => {
      assertCase(ctx, input.caseId);
      const day = today(ctx);
      return { ...leadPage(ctx.db(), input, ctx.session().userId, day), today: day };
    },
  };
}
