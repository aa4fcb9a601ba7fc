import type { DISPOSALS, LEAD_ACTIONS, LEAD_STATUSES } from '../../../shared/contracts/intake-leads';
import type { Role } from '../../../shared/roles';

export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadAction = (typeof LEAD_ACTIONS)[number];
export type Disposal = (typeof DISPOSALS)[number];

interface Transition {
  from: readonly LeadStatus[];
  to: LeadStatus;
  /** Roles that may take this step (beyond the contract's access list). */
  roles: readonly Role[];
  /** The approved disposal this step carries out, when it carries one out. */
  disposals?: readonly Disposal[];
  /** A field the step needs in its input. */
  needs?: 'disposal' | 'result' | 'receivingBody' | 'feedbackDate';
}

const WORKERS: readonly Role[] = ['group_leader', 'deputy_leader', 'member', 'intake_officer'];
const APPROVERS: readonly Role[] = ['group_leader'];
const TRANSFERS: readonly Disposal[] = ['transfer_discipline_commission', 'transfer_organisation_department'];

/**
 * The lead lifecycle (四种处置方式 plus transfer): a disposal is proposed by any case
 * worker, approved (or returned) by the group leader only, then carried out. A lead
 * under talk/inquiry or preliminary verification may be proposed again (e.g. for
 * transfer once verification has found something).
 */
export const LEAD_TRANSITIONS: Record<LeadAction, Transition> = {
  propose: { from: ['registered', 'in_progress', 'held'], to: 'proposed', roles: WORKERS, needs: 'disposal' },
  approve: { from: ['proposed'], to: 'approved', roles: APPROVERS },
  return: { from: ['proposed'], to: 'registered', roles: APPROVERS },
  start: {
    from: ['approved'],
    to: 'in_progress',
    roles: WORKERS,
    disposals: ['talk_or_inquiry_letter', 'preliminary_verification'],
  },
  conclude: { from: ['in_progress'], to: 'concluded', roles: WORKERS, needs: 'result' },
  transfer: {
    from: ['approved'],
    to: 'transferred',
    roles: WORKERS,
    disposals: TRANSFERS,
    needs: 'receivingBody',
  },
  hold: { from: ['approved'], to: 'held', roles: WORKERS, disposals: ['hold'] },
  close: { from: ['approved'], to: 'closed', roles: WORKERS, disposals: ['close'] },
  record_feedback: {
    from: ['transferred', 'concluded'],
    to: 'transferred',
    roles: WORKERS,
    needs: 'feedbackDate',
  },
};

export type TransitionCheck =
  | { ok: true; to: LeadStatus }
  | {
      ok: false;
      code: 'LEAD_TRANSITION_INVALID' | 'LEAD_APPROVER_REQUIRED' | 'LEAD_FIELD_REQUIRED';
      field?: string;
    };

/** Decides one step: may `roles` take `action` on a lead in `status` with `disposal`? */
export function checkTransition(
  status: LeadStatus,
  action: LeadAction,
  roles: readonly Role[],
  disposal: Disposal | null,
  input: Partial<Record<'disposal' | 'result' | 'receivingBody' | 'feedbackDate', unknown>>,
): TransitionCheck {
  const t = LEAD_TRANSITIONS[action];
  if (!t.from.includes(status)) return { ok: false, code: 'LEAD_TRANSITION_INVALID' };
  if (t.disposals && (!disposal || !t.disposals.includes(disposal))) {
    return { ok: false, code: 'LEAD_TRANSITION_INVALID' };
  }
  if (!roles.some((r) => t.roles.includes(r))) return { ok: false, code: 'LEAD_APPROVER_REQUIRED' };
  if (t.needs && !input[t.needs]) return { ok: false, code: 'LEAD_FIELD_REQUIRED', field: t.needs };
  // record_feedback keeps a concluded lead concluded.
  const to = action === 'record_feedback' ? status : t.to;
  return { ok: true, to };
}

/** The actions open to a lead in `status` (for the detail page's buttons). */
export function actionsFrom(status: LeadStatus, disposal: Disposal | null): LeadAction[] {
  return (Object.keys(LEAD_TRANSITIONS) as LeadAction[]).filter((a) => {
    const t = LEAD_TRANSITIONS[a];
    return t.from.includes(status) && (!t.disposals || (disposal !== null && t.disposals.includes(disposal)));
  });
}

/** Terminal statuses: the lead has an outcome. */
export function hasOutcome(status: LeadStatus): boolean {
  return ['concluded', 'transferred', 'held', 'closed'].includes(status);
}
