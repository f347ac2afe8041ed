import { describe, expect, it } from 'vitest';
import {
  actionsFromFailures,
  assigneeFor,
  reconcileActions,
  type ActionDescriptor,
  type OpenAction,
} from './actions.js';
import { findFailures } from './compute-scorecard.js';
import { defaultControls } from './default-controls.js';
import type { ScoredAsset } from './scored-asset.js';
import { scorecardConfigSchema, type ScorecardConfigInput } from './scorecard.schema.js';
import { AS_OF, healthyAsset } from './testing/assets.js';

function plan(assets: ScoredAsset[], settings: ScorecardConfigInput = {}, asOf = AS_OF): ActionDescriptor[] {
  const config = scorecardConfigSchema.parse(settings);
  return actionsFromFailures(findFailures(assets, { asOf, controls: defaultControls(), config }), {
    asOf,
    config,
  });
}

describe('who an action goes to', () => {
  it.each([
    ['the custodian', {}, 'person-custodian'],
    ['the focal point when there is no custodian', { data_custodian_id: null }, 'person-focal'],
    ['the owner when there is neither', { data_custodian_id: null, focal_point_id: null }, 'person-owner'],
    [
      'nobody when the asset names nobody',
      { data_custodian_id: null, focal_point_id: null, data_owner_id: null },
      null,
    ],
    ['the focal point when the custodian is blank text', { data_custodian_id: '' }, 'person-focal'],
  ])('%s', (_label, overrides, assignee) => {
    expect(assigneeFor(healthyAsset(overrides))).toBe(assignee);
  });
});

describe('actions from failures', () => {
  it('raises one action per failing control, with its first reason and all its reasons', () => {
    const asset = healthyAsset({
      id: 'A',
      data_owner_id: null,
      data_custodian_id: null,
      last_reviewed: null,
    });
    expect(plan([asset])).toEqual([
      {
        asset_id: 'A',
        control: 'ownership',
        reason_code: 'ownership.missing_owner',
        reason_codes: ['ownership.missing_owner', 'ownership.missing_custodian'],
        assignee_person_id: 'person-focal',
        due_date: '2026-12-31', // high severity: 30 days
      },
      {
        asset_id: 'A',
        control: 'review_freshness',
        reason_code: 'review_freshness.never_reviewed',
        reason_codes: ['review_freshness.never_reviewed'],
        assignee_person_id: 'person-focal',
        due_date: '2027-01-30', // medium severity: 60 days
      },
    ]);
  });

  it('raises nothing for a healthy asset or a control that does not apply', () => {
    expect(plan([healthyAsset(), healthyAsset({ personal_data: false, legal_basis: null })])).toEqual([]);
  });

  it('takes due days from the severity settings, and from a control’s own setting first', () => {
    const asset = healthyAsset({ sensitivity_label: null, description: null });
    const dueDates = (settings: ScorecardConfigInput) =>
      plan([asset], settings).map((a) => [a.control, a.due_date]);
    expect(dueDates({ due_days: { high: 7, medium: 14 } })).toEqual([
      ['documentation', '2026-12-15'],
      ['classification', '2026-12-08'],
    ]);
    expect(dueDates({ controls: { classification: { due_days: 1 } } })).toEqual([
      ['documentation', '2027-01-30'],
      ['classification', '2026-12-02'],
    ]);
  });

  it('refuses a scoring date that is not a calendar date', () => {
    expect(() => actionsFromFailures([], { asOf: 'tomorrow' })).toThrow(/as_of/);
  });
});

const stored = (action: ActionDescriptor, id: string): OpenAction => ({
  id,
  asset_id: action.asset_id,
  control: action.control,
  reason_code: action.reason_code,
  assignee_person_id: action.assignee_person_id,
  due_date: action.due_date,
});
const everything = (assets: ScoredAsset[]) => ({
  assetIds: new Set(assets.map((a) => a.id)),
  controls: new Set(defaultControls().map((c) => c.id)),
});

describe('reconciling open actions with a new scoring', () => {
  it('fixed items close themselves at the next scoring, and new failures open', () => {
    const before = healthyAsset({ id: 'A', data_custodian_id: null });
    const [first] = plan([before]);
    expect(first!.control).toBe('ownership');
    const open = [stored(first!, 'action-1')];

    const after = {
      ...before,
      data_custodian_id: 'person-custodian',
      sensitivity_label: null,
      last_access_review: null,
    };
    const result = reconcileActions(open, plan([after], {}, '2026-12-02'), everything([after]));
    expect(result.close).toEqual([{ action: open[0], reason: 'resolved' }]);
    expect(result.open.map((a) => [a.control, a.reason_code, a.due_date])).toEqual([
      ['classification', 'classification.missing_label', '2027-01-01'],
    ]);
    expect(result.update).toEqual([]);
    expect(result.unchanged).toEqual([]);
  });

  it('closes an action whose control no longer applies (the label went down to Internal)', () => {
    const confidential = healthyAsset({ id: 'A', last_access_review: null });
    const open = plan([confidential]).map((a, i) => stored(a, `action-${i}`));
    expect(open.map((a) => a.control)).toEqual(['access_review']);
    const internal = { ...confidential, sensitivity_label: 'Internal' };
    const result = reconcileActions(open, plan([internal]), everything([internal]));
    expect(result.close).toEqual([{ action: open[0], reason: 'resolved' }]);
  });

  it('keeps an action that still fails, unchanged, without moving its due date', () => {
    const asset = healthyAsset({ id: 'A', sensitivity_label: null });
    const open = plan([asset]).map((a, i) => stored(a, `action-${i}`));
    const later = plan([asset], {}, '2027-03-01');
    expect(later[0]!.due_date).not.toBe(open[0]!.due_date);
    expect(reconcileActions(open, later, everything([asset]))).toEqual({
      open: [],
      close: [],
      update: [],
      unchanged: open,
    });
  });

  it('updates the reason when the control fails for another reason, and the assignee when the custodian changes', () => {
    const asset = healthyAsset({ id: 'A', data_owner_id: null, data_custodian_id: null });
    const open = plan([asset]).map((a, i) => stored(a, `action-${i}`));
    expect(open[0]!.reason_code).toBe('ownership.missing_owner');
    const ownerFixedCustodianStillMissing = { ...asset, data_owner_id: 'person-owner' };
    const result = reconcileActions(open, plan([ownerFixedCustodianStillMissing]), everything([asset]));
    expect(result.update).toEqual([
      { action: open[0], changes: { reason_code: 'ownership.missing_custodian' } },
    ]);

    const newCustodianButNoLabel = healthyAsset({ id: 'B', sensitivity_label: null });
    const openB = plan([newCustodianButNoLabel]).map((a, i) => stored(a, `b-${i}`));
    const reassigned = { ...newCustodianButNoLabel, data_custodian_id: 'person-new' };
    expect(reconcileActions(openB, plan([reassigned]), everything([reassigned])).update).toEqual([
      { action: openB[0], changes: { assignee_person_id: 'person-new' } },
    ]);
  });

  it('leaves alone the actions of assets the scoring did not look at', () => {
    const kenya = healthyAsset({ id: 'KE-1', sensitivity_label: null });
    const uganda = healthyAsset({ id: 'UG-1', office_key: 'UG', sensitivity_label: null });
    const open = plan([kenya, uganda]).map((a, i) => stored(a, `action-${i}`));
    const fixedKenya = { ...kenya, sensitivity_label: 'Internal' };
    const result = reconcileActions(open, plan([fixedKenya]), everything([fixedKenya]));
    expect(result.close.map((c) => c.action.asset_id)).toEqual(['KE-1']);
    expect(result.unchanged).toEqual([]);
    expect(result.update).toEqual([]);
  });

  it('closes the actions of a control that was switched off', () => {
    const asset = healthyAsset({ id: 'A', last_reviewed: null });
    const open = plan([asset]).map((a, i) => stored(a, `action-${i}`));
    const settings = { controls: { review_freshness: { enabled: false } } };
    const scope = { assetIds: new Set(['A']), controls: new Set(['ownership', 'documentation']) };
    expect(reconcileActions(open, plan([asset], settings), scope).close).toEqual([
      { action: open[0], reason: 'control_removed' },
    ]);
  });

  it('closes a second open action for the same asset and control as a duplicate', () => {
    const asset = healthyAsset({ id: 'A', sensitivity_label: null });
    const [action] = plan([asset]);
    const open = [stored(action!, 'first'), stored(action!, 'second')];
    const result = reconcileActions(open, plan([asset]), everything([asset]));
    expect(result.unchanged.map((a) => a.id)).toEqual(['first']);
    expect(result.close).toEqual([{ action: open[1], reason: 'duplicate' }]);
  });

  it('with nothing open, opens every planned action', () => {
    const assets = [healthyAsset({ id: 'A', purpose: null }), healthyAsset({ id: 'B', retention: null })];
    const planned = plan(assets);
    expect(reconcileActions([], planned, everything(assets)).open).toEqual(planned);
  });
});
