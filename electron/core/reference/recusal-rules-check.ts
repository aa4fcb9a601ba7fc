import { RELATION_TYPES } from '../../../shared/contracts/reference';
import { recusalRulesSchema } from '../../../shared/office-rules';
import { AppError } from '../errors';

/**
 * Checks an office's recusal rule sets before they are stored, with an error that
 * names the rule and the problem (unknown kind, years outside 0–30 or missing,
 * no or unknown relation types, a code used twice). Anything else the schema
 * refuses is reported as plain invalid input by the caller.
 */
export function assertRecusalRules(value: unknown): void {
  const parsed = recusalRulesSchema.safeParse(value);
  const sets = (value ?? {}) as Record<string, unknown>;
  const ruleAt = (path: readonly PropertyKey[]) => {
    const list = sets[String(path[0])];
    const rule = Array.isArray(list)
      ? (list[Number(path[1])] as Record<string, unknown> | undefined)
      : undefined;
    return {
      rule: typeof rule?.label === 'string' ? rule.label : String(path[1] ?? ''),
      code: typeof rule?.code === 'string' ? rule.code : '',
    };
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[2];
      const { rule, code } = ruleAt(issue.path);
      if (issue.message === 'code_duplicate') throw new AppError('RECUSAL_RULE_DUPLICATE', { code });
      if (field === 'kind') throw new AppError('RECUSAL_RULE_KIND', { rule });
      if (field === 'years') throw new AppError('RECUSAL_RULE_YEARS', { rule });
      if (field === 'relationTypes') throw new AppError('RECUSAL_RULE_RELATIONS', { rule });
    }
    return;
  }
  for (const set of [parsed.data.leaders, parsed.data.members]) {
    for (const r of set) {
      if (r.relationTypes.some((t) => !(RELATION_TYPES as readonly string[]).includes(t))) {
        throw new AppError('RECUSAL_RULE_RELATIONS', { rule: r.label });
      }
    }
  }
}
