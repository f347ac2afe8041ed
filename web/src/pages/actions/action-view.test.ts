import { describe, expect, it } from 'vitest';
import type { Action } from '@server/modules/actions/actions.schema';
import { actionRow } from './action-view';

const action = (changes: Partial<Action>): Action => ({
  id: 'a1',
  source: 'scorecard',
  source_key: 'scorecard:as/1:ownership',
  office_id: null,
  assignee_person_id: null,
  version: 1,
  created_at: '2026-12-01T00:00:00Z',
  updated_at: '2026-12-01T00:00:00Z',
  subject_type: 'asset',
  subject_id: 'as/1',
  subject_name: 'Payroll',
  assignee_name: 'Amina',
  code: 'ownership',
  code_title: { en: 'Ownership', fr: 'Responsabilité', es: 'Propiedad' },
  reason_codes: ['ownership.missing_custodian'],
  due_date: '2026-12-31',
  overdue: false,
  status: 'open',
  close_reason: null,
  opened_at: '2026-12-01T00:00:00Z',
  closed_at: null,
  ...changes,
});

describe('actionRow', () => {
  it('links an AI system’s review action to the system', () => {
    expect(
      actionRow(
        action({
          source: 'ai_review',
          subject_type: 'ai_system',
          subject_id: 'ai/1',
          subject_name: 'Triage',
        }),
        'en',
      ),
    ).toMatchObject({ assetLink: '/ai-systems/ai%2F1', assetName: 'Triage' });
  });

  it('links a risk treatment’s action to its risk', () => {
    const row = actionRow(
      action({ source: 'risk', subject_type: 'risk', subject_id: 'r1', subject_name: 'Flood', code: 't1' }),
      'en',
    );
    expect(row).toMatchObject({ assetLink: '/risks/r1', assetName: 'Flood' });
  });

  it('links the asset and titles the control in the reader language', () => {
    expect(actionRow(action({}), 'es')).toMatchObject({
      assetLink: '/inventory/assets/as%2F1',
      assetName: 'Payroll',
      control: 'Propiedad',
      reasonCodes: ['ownership.missing_custodian'],
      due: '2026-12-31',
      overdue: false,
    });
  });

  it.each([
    [{ overdue: true }, true],
    [{ overdue: true, status: 'closed' as const }, false],
    [{ overdue: false }, false],
  ])('with %j is overdue: %s', (changes, overdue) => {
    expect(actionRow(action(changes), 'en').overdue).toBe(overdue);
  });

  it('has no link for a deleted asset and falls back to the control id without a title', () => {
    expect(actionRow(action({ subject_name: null, code_title: null }), 'fr')).toMatchObject({
      assetLink: null,
      control: 'ownership',
    });
  });
});
