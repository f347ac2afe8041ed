import { describe, expect, it } from 'vitest';
import { isOrganisationWide, scopeNames, userStatuses } from './user-status';

const now = new Date('2026-12-01T10:00:00.000Z');
const account = { disabled: false, locked_until: null, must_change_password: false };

describe('userStatuses', () => {
  it('calls an account without restrictions active', () => {
    expect(userStatuses(account, now)).toEqual(['active']);
  });

  it('lists every restriction that holds, not active', () => {
    const restricted = {
      disabled: true,
      locked_until: '2026-12-01T10:15:00.000Z',
      must_change_password: true,
    };
    expect(userStatuses(restricted, now)).toEqual(['disabled', 'locked', 'mustChange']);
  });

  it('forgets a lock-out that has already ended', () => {
    expect(userStatuses({ ...account, locked_until: '2026-12-01T09:59:59.000Z' }, now)).toEqual(['active']);
  });
});

describe('isOrganisationWide', () => {
  it('is true for administrators, governance officers and auditors only', () => {
    expect(isOrganisationWide('admin')).toBe(true);
    expect(isOrganisationWide('governance_officer')).toBe(true);
    expect(isOrganisationWide('auditor')).toBe(true);
    expect(isOrganisationWide('office_focal_point')).toBe(false);
    expect(isOrganisationWide('viewer')).toBe(false);
  });
});

describe('scopeNames', () => {
  it('names regions first, then offices, keeping ids it cannot name', () => {
    const names = new Map([
      ['r1', 'East Africa'],
      ['o1', 'Kenya Country Office'],
    ]);
    const user = { scope_region_ids: ['r1'], scope_office_ids: ['o1', 'o-gone'] };
    expect(scopeNames(user, names)).toEqual(['East Africa', 'Kenya Country Office', 'o-gone']);
  });
});
