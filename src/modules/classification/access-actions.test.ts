import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../actions/actions.service.js';
import { accessActionChanges, accessActionKey } from './access-actions.js';
import type { AccessViolation } from './access-policy.js';

const asset = { id: 'a1', office_id: 'o1', data_custodian_id: 'p1' };
const anon: AccessViolation = {
  rule: 'forbidden_principal_type',
  severity: 'critical',
  resource: '/sites/ke/list.xlsx',
  principal: 'Anyone with the link',
  principal_type: 'anonymous_link',
  access_level: 'View',
  message: '…',
};
const crowd: AccessViolation = {
  rule: 'too_many_principals',
  severity: 'medium',
  resource: '/sites/ke/list.xlsx',
  message: '…',
};

function stored(violation: AccessViolation, overrides: Partial<StoredAction> = {}): StoredAction {
  return {
    id: `act-${violation.rule}`,
    source_key: accessActionKey(asset.id, violation),
    subject_id: asset.id,
    office_id: asset.office_id,
    code: violation.rule,
    reason_codes: [violation.severity],
    assignee_person_id: asset.data_custodian_id,
    due_date: '2026-12-07',
    ...overrides,
  };
}

describe('access violations as actions', () => {
  it.each([
    [
      'a new violation opens an action due by its severity',
      [anon],
      [],
      { open: 1, close: 0, update: 0, kept: 0 },
    ],
    [
      'a violation still there keeps its action',
      [anon],
      [stored(anon)],
      { open: 0, close: 0, update: 0, kept: 1 },
    ],
    ['a violation gone closes its action', [], [stored(anon)], { open: 0, close: 1, update: 0, kept: 0 }],
    [
      'a new custodian takes over the open action',
      [anon],
      [stored(anon, { assignee_person_id: 'p-old' })],
      { open: 0, close: 0, update: 1, kept: 1 },
    ],
    [
      'actions of other assets are left alone',
      [],
      [stored(anon, { subject_id: 'a2' })],
      { open: 0, close: 0, update: 0, kept: 0 },
    ],
    ['two violations open two actions', [anon, crowd], [], { open: 2, close: 0, update: 0, kept: 0 }],
  ] as const)('%s', (_name, violations, existing, expected) => {
    const changes = accessActionChanges(asset, violations, existing, '2026-11-30');
    expect({
      open: changes.open.length,
      close: changes.close.length,
      update: changes.update.length,
      kept: changes.kept,
    }).toEqual(expected);
  });

  it.each([
    [anon, '2026-12-07'],
    [crowd, '2026-12-30'],
  ] as const)('due date of a %s violation', (violation, due) => {
    const [action] = accessActionChanges(asset, [violation], [], '2026-11-30').open;
    expect(action).toMatchObject({
      due_date: due,
      assignee_person_id: 'p1',
      subject_id: 'a1',
      source: 'access',
    });
  });

  it('keys an action by resource and principal, whatever their case', () => {
    expect(accessActionKey('a1', anon)).toBe(
      accessActionKey('a1', {
        ...anon,
        resource: anon.resource.toUpperCase(),
        principal: 'ANYONE WITH THE LINK',
      }),
    );
    expect(accessActionKey('a1', anon)).not.toBe(
      accessActionKey('a1', { ...anon, principal: 'someone else' }),
    );
  });
});
