import type { intakeLeadsContract } from '../../../shared/contracts/intake-leads';
import type { intakeLeadsEditContract } from '../../../shared/contracts/intake-leads-edits';
import { matchLocale } from '../../../shared/locale-ids';
import { readPreferences } from '../preferences';
import { readOfficeRules } from '../reference/office-rules';
import type { HandlersFor, ServiceContext } from '../service-context';
import { assertCase, today } from './common';
import { createIntakeEditHandlers } from './intake-edit';
import { canSeeReporter, createIntakeHandlers } from './intake-handlers';
import { intakeRows, toIntakeItem } from './intake-repo';
import { createLeadEditHandlers } from './lead-edit';
import { createLeadHandlers } from './lead-handlers';
import { toLead, visibleLeadRows } from './lead-repo';
import { exportIntake, exportLeads } from './ledger-export';
import { overdueBoard } from './overdue';

export function createIntakeLeadsHandlers(
  ctx: ServiceContext,
): HandlersFor<keyof typeof intakeLeadsContract | keyof typeof intakeLeadsEditContract> {
  return {
    ...createIntakeHandlers(ctx),
    ...createLeadHandlers(ctx),
    ...createIntakeEditHandlers(ctx),
    ...createLeadEditHandlers(ctx),

    'overdue:board': ({ caseId }) => {
      assertCase(ctx, caseId);
      const day = today(ctx);
      return { today: day, rows: overdueBoard(ctx.db(), caseId, ctx.session().userId, day) };
    },

    /** The ledger as .xlsx bytes for the renderer to save; the export itself is audited. */
    'ledger:export': async ({ caseId, ledger }) => {
      const db = ctx.db();
      assertCase(ctx, caseId);
      const prefs = readPreferences(ctx.options.dataDir, ctx.options.osLocale);
      const lang = prefs.language ?? matchLocale(prefs.osLocale);
      const stamp = today(ctx);
      let file;
      if (ledger === 'intake') {
        const withReporter = canSeeReporter(ctx);
        const items = intakeRows(db, caseId).map((r) => toIntakeItem(db, r, withReporter));
        file = await exportIntake(items, lang, withReporter, stamp);
      } else {
        const rules = readOfficeRules(db);
        const leads = visibleLeadRows(db, caseId, ctx.session().userId).map((r) => toLead(db, r));
        file = await exportLeads(
          leads,
          lang,
          {
            disciplines: new Map(rules.disciplines.map((d) => [d.code, d.label])),
            tags: new Map(rules.leadTags.map((d) => [d.code, d.label])),
          },
          stamp,
        );
      }
      ctx.write(
        {
          action: 'ledger.export',
          entityType: 'case',
          entityId: caseId,
          details: { ledger, rows: file.rows, sha256: file.sha256, fileName: file.fileName },
        },
        () => {},
      );
      return file;
    },
  };
}
