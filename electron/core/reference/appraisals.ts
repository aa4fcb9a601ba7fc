import { diffFields } from '../audit/diff';
import { AppError } from '../errors';
import type { HandlersFor, ServiceContext } from '../service-context';
import { mayManageCase } from './case-access';
import { requireLive } from './common';
import { getInspector } from './pool';

/**
 * The appraisal (评价) of an inspector after a round, kept on their membership of
 * that case's group. Written (changed, removed) by a manager of that case; shown in
 * the inspector's past rounds and history.
 */
export function createAppraisalHandlers(ctx: ServiceContext): HandlersFor<'pool:setAppraisal'> {
  return {
    'pool:setAppraisal': ({ memberId, appraisal }) => {
      const db = ctx.db();
      const member = requireLive<{ case_id: string; inspector_id: string; appraisal: string | null }>(
        db,
        'case_members',
        memberId,
      );
      const kase = requireLive<{ code: string }>(db, 'cases', member.case_id);
      if (!mayManageCase(db, member.case_id, ctx.user())) throw new AppError('ROLE_FORBIDDEN');
      const changes = diffFields({ appraisal: member.appraisal }, { appraisal });
      if (Object.keys(changes).length > 0) {
        ctx.write(
          {
            action: 'inspector.appraisal',
            entityType: 'inspector',
            entityId: member.inspector_id,
            details: { caseCode: kase.code, changes },
          },
          (wdb, hlc) =>
            wdb
              .prepare('UPDATE case_members SET appraisal = ?, updated_hlc = ? WHERE id = ?')
              .run(appraisal, hlc, memberId),
        );
      }
      return getInspector(db, member.inspector_id);
    },
  };
}
