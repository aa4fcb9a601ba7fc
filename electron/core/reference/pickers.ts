import type { HandlersFor, ServiceContext } from '../service-context';
import { PERSON_SELECT, toSummary, type PersonRow } from './persons';
import { toUnit, type UnitRow } from './units';

/**
 * Server-side search for the pickers of reported persons and units: a name (or alias,
 * or short name) containing the query, exact and prefix matches first. The pickers
 * never load the whole reference list (20,000 persons in a large office).
 */
export function createPickerHandlers(ctx: ServiceContext): HandlersFor<'persons:find' | 'units:find'> {
  return {
    'persons:find': ({ query, limit }) =>
      (
        ctx
          .db()
          .prepare(
            `${PERSON_SELECT} WHERE p.deleted_hlc IS NULL
             AND (@q = '' OR instr(p.name, @q) > 0 OR instr(p.aliases, @q) > 0)
             ORDER BY p.name = @q DESC, substr(p.name, 1, length(@q)) = @q DESC, length(p.name), p.name
             LIMIT @limit`,
          )
          .all({ q: query, limit }) as PersonRow[]
      ).map(toSummary),

    'units:find': ({ query, limit }) =>
      (
        ctx
          .db()
          .prepare(
            `SELECT * FROM units WHERE deleted_hlc IS NULL
             AND (@q = '' OR instr(name, @q) > 0 OR instr(coalesce(short_name, ''), @q) > 0)
             ORDER BY name = @q DESC, substr(name, 1, length(@q)) = @q DESC, length(name), name
             LIMIT @limit`,
          )
          .all({ q: query, limit }) as UnitRow[]
      ).map(toUnit),
  };
}
