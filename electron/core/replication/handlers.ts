import type { conflictsContract } from '../../../shared/contracts/conflicts';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { conflictDetail, listConflicts, type Viewer } from './conflicts';
import { resolveConflict } from './resolve-conflict';

/** Audit entity types of the records whose history pages show a resolution. */
const AUDIT_ENTITY: Record<string, string> = {
  lead: 'lead',
  intake: 'intake',
  case: 'case',
  unit: 'unit',
  person: 'person',
  inspector: 'inspector',
};

export function createConflictHandlers(ctx: ServiceContext): HandlersFor<keyof typeof conflictsContract> {
  const viewer = (): Viewer => {
    const s = ctx.session();
    const user = ctx.user();
    return { userId: user.id, roles: user.roles, officeId: s.office.id, officeName: s.office.name };
  };
  return {
    'conflicts:list': ({ caseId }) => listConflicts(ctx.db(), viewer(), caseId),
    'conflicts:get': ({ type, id }) => {
      const detail = conflictDetail(ctx.db(), viewer(), type, id);
      if (!detail) throw new AppError('CONFLICT_NOT_FOUND');
      return detail;
    },
    'conflicts:resolve': (input) => {
      const v = viewer();
      const clock = ctx.session().clock;
      ctx.write(
        {
          action: 'conflict.resolve',
          entityType: AUDIT_ENTITY[input.type] ?? 'record',
          entityId: input.id,
          // The field's name only: values may be protected content.
          details: { recordType: input.type, field: input.field },
        },
        (db, hlc) => resolveConflict(db, v, input, hlc, () => clock.now()),
      );
      return conflictDetail(ctx.db(), v, input.type, input.id);
    },
  };
}
