import { OFFICE_RULE_SCHEMAS } from '../../../shared/office-rules';
import { diffFields } from '../audit/diff';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { office } from './common';
import { readOfficeRules, writeOfficeRule } from './office-rules';
import { assertRecusalRules } from './recusal-rules-check';

export function createRuleHandlers(ctx: ServiceContext): HandlersFor<'rules:get' | 'rules:update'> {
  return {
    'rules:get': () => readOfficeRules(ctx.db()),
    'rules:update': ({ key, value }) => {
      if (key === 'recusal') assertRecusalRules(value);
      const parsed = OFFICE_RULE_SCHEMAS[key].safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('INPUT_INVALID', {
          field: ['value', ...(issue?.path ?? [])].join('.'),
          issue: issue?.code ?? 'invalid',
        });
      }
      const before = readOfficeRules(ctx.db())[key];
      const changes = diffFields({ [key]: before }, { [key]: parsed.data });
      if (Object.keys(changes).length === 0) return null;
      ctx.write(
        {
          action: 'office_rules.update',
          entityType: 'office_rules',
          entityId: null,
          details: { key, changes },
        },
        (db, hlc) => writeOfficeRule(db, key, parsed.data as never, { hlc, office: office(ctx) }),
      );
      return null;
    },
  };
}
