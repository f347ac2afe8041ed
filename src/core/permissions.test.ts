import { describe, expect, it } from 'vitest';
import { hasPermission, inScope, ROLES, type Actor, type Permission, type Role } from './permissions.js';

function actor(role: Role, readOnly = false): Actor {
  return { userId: 'u', label: 'u@example.org', role, scope: { kind: 'all' }, personId: null, readOnly };
}

describe('role permissions', () => {
  const table: [Role, Permission, boolean][] = [
    ['admin', 'users.manage', true],
    ['admin', 'system.admin', true],
    ['governance_officer', 'org.structure.write', true],
    ['governance_officer', 'users.manage', false],
    ['regional_focal_point', 'org.office.write', true],
    ['regional_focal_point', 'org.structure.write', false],
    ['office_focal_point', 'people.write', true],
    ['office_focal_point', 'people.import', false],
    ['data_custodian', 'people.write', false],
    ['data_custodian', 'org.read', true],
    ['auditor', 'audit.verify', true],
    ['auditor', 'people.write', false],
    ['viewer', 'people.read', true],
    ['viewer', 'audit.read', false],
    ['viewer', 'org.office.write', false],
    ['viewer', 'scorecard.read', true],
    ['viewer', 'actions.read', true],
    ['viewer', 'scorecard.snapshot', false],
    ['governance_officer', 'scorecard.snapshot', true],
    ['governance_officer', 'scorecard.manage', false],
    ['admin', 'scorecard.manage', true],
    ['data_custodian', 'scorecard.manage', false],
    ['viewer', 'jobs.read', true],
    ['viewer', 'classification.read', false],
    ['auditor', 'classification.read', true],
    ['auditor', 'classification.label', false],
    ['data_custodian', 'classification.label', true],
    ['data_custodian', 'classification.scan', false],
    ['governance_officer', 'classification.scan', true],
  ];
  it.each(table)('%s has %s: %s', (role, permission, expected) => {
    expect(hasPermission(actor(role), permission)).toBe(expected);
  });

  it.each(ROLES)('%s can read the organisation', (role) => {
    expect(hasPermission(actor(role), 'org.read')).toBe(true);
  });

  it.each(ROLES)('%s reads the scorecard wherever it reads the inventory', (role) => {
    expect(hasPermission(actor(role), 'scorecard.read')).toBe(hasPermission(actor(role), 'inventory.read'));
  });

  it('a read-only token keeps reads and loses every write, even for an admin', () => {
    expect(hasPermission(actor('admin', true), 'people.read')).toBe(true);
    expect(hasPermission(actor('admin', true), 'people.write')).toBe(false);
    expect(hasPermission(actor('admin', true), 'users.manage')).toBe(false);
  });
});

describe('scope', () => {
  const scoped: Actor = {
    ...actor('office_focal_point'),
    scope: { kind: 'offices', officeIds: new Set(['o1']), regionIds: new Set(['r1']) },
  };
  it.each([
    ['o1', true],
    ['o2', false],
    [null, false],
  ] as const)('office %s in scope: %s', (office, expected) => {
    expect(inScope(scoped, office)).toBe(expected);
  });
  it('organisation-wide actors see every office', () => {
    expect(inScope(actor('auditor'), 'anything')).toBe(true);
  });
});
