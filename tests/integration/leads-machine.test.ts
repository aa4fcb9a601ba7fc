import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  checkTransition,
  LEAD_TRANSITIONS,
} from '../../electron/core/intake-leads/lead-machine';
import { LEAD_ACTIONS } from '../../shared/contracts/intake-leads';

describe('lead state machine', () => {
  it('covers every action', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...LEAD_ACTIONS].sort());
  });

  it('walks preliminary verification to transfer', () => {
    const w = ['member'] as const;
    const l = ['group_leader'] as const;
    expect(
      checkTransition('registered', 'propose', w, 'preliminary_verification', { disposal: 'x' }),
    ).toEqual({
      ok: true,
      to: 'proposed',
    });
    expect(checkTransition('proposed', 'approve', l, 'preliminary_verification', {})).toEqual({
      ok: true,
      to: 'approved',
    });
    expect(checkTransition('approved', 'start', w, 'preliminary_verification', {})).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(
      checkTransition('in_progress', 'propose', w, 'transfer_discipline_commission', { disposal: 'x' }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      checkTransition('approved', 'transfer', w, 'transfer_discipline_commission', {
        receivingBody: '市纪委监委',
      }),
    ).toEqual({ ok: true, to: 'transferred' });
  });

  it('refuses invalid steps, non-approvers and missing fields', () => {
    expect(checkTransition('registered', 'approve', ['group_leader'], null, {})).toMatchObject({
      code: 'LEAD_TRANSITION_INVALID',
    });
    expect(checkTransition('proposed', 'approve', ['member'], 'hold', {})).toMatchObject({
      code: 'LEAD_APPROVER_REQUIRED',
    });
    expect(checkTransition('proposed', 'approve', ['deputy_leader'], 'hold', {})).toMatchObject({
      code: 'LEAD_APPROVER_REQUIRED',
    });
    // A held disposal cannot be "started" nor a verification transferred without a new approval.
    expect(checkTransition('approved', 'start', ['member'], 'hold', {})).toMatchObject({
      code: 'LEAD_TRANSITION_INVALID',
    });
    expect(checkTransition('approved', 'transfer', ['member'], 'preliminary_verification', {})).toMatchObject(
      {
        code: 'LEAD_TRANSITION_INVALID',
      },
    );
    expect(checkTransition('registered', 'propose', ['member'], null, {})).toMatchObject({
      code: 'LEAD_FIELD_REQUIRED',
      field: 'disposal',
    });
    expect(
      checkTransition('in_progress', 'conclude', ['member'], 'preliminary_verification', {}),
    ).toMatchObject({
      code: 'LEAD_FIELD_REQUIRED',
    });
    expect(checkTransition('closed', 'propose', ['group_leader'], 'close', { disposal: 'x' })).toMatchObject({
      code: 'LEAD_TRANSITION_INVALID',
    });
  });

  it('lists the open actions', () => {
    expect(actionsFrom('approved', 'hold')).toEqual(['hold']);
    expect(actionsFrom('proposed', 'close')).toEqual(['approve', 'return']);
    expect(actionsFrom('in_progress', 'preliminary_verification')).toEqual(['propose', 'conclude']);
  });
});
