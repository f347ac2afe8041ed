import { describe, expect, it } from 'vitest';
import type { AccessListingRow } from './access-listing.js';
import { checkAccess } from './access-policy.js';
import { loadLabelPolicy } from './label-policy.js';
import type { PrincipalType } from './label-policy.schema.js';

const policy = loadLabelPolicy();

const row = (
  principal: string,
  principal_type: PrincipalType,
  resource = '/cases.xlsx',
): AccessListingRow => ({
  resource,
  principal,
  principal_type,
  access_level: 'Read',
});

const EVERY_TYPE: AccessListingRow[] = [
  row('amina@example.org', 'user'),
  row('Protection team', 'group'),
  row('guest@partner.example', 'guest'),
  row('someone@other.example', 'external'),
  row('Everyone', 'everyone'),
  row('https://share/anon', 'anonymous_link'),
];

describe('checking access against the label policy', () => {
  it.each<[string, string[]]>([
    [
      'Strictly Confidential',
      ['critical:everyone', 'critical:anonymous_link', 'high:guest', 'high:external'],
    ],
    ['Confidential', ['high:everyone', 'high:anonymous_link']],
    ['Internal', ['medium:anonymous_link']],
    ['Public', []],
  ])('%s forbids %j', (label, expected) => {
    const found = checkAccess(EVERY_TYPE, label, policy).map((v) => `${v.severity}:${v.principal_type}`);
    expect(found).toEqual(expected);
  });

  it('explains each violation with the principal and its access', () => {
    const [violation] = checkAccess([row('Everyone', 'everyone')], 'Confidential', policy);
    expect(violation).toEqual({
      rule: 'forbidden_principal_type',
      severity: 'high',
      resource: '/cases.xlsx',
      principal: 'Everyone',
      principal_type: 'everyone',
      access_level: 'Read',
      message: 'Confidential data must not be shared with everyone: Everyone has Read access',
    });
  });

  it('counts distinct principals per resource against the limit', () => {
    const many = Array.from({ length: 26 }, (_, i) => row(`user${i}@example.org`, 'user'));
    const repeated = [
      ...many.slice(0, 25),
      row('USER0@example.org', 'user'),
      row('x@example.org', 'user', '/other.xlsx'),
    ];
    expect(checkAccess(many, 'Strictly Confidential', policy)).toEqual([
      {
        rule: 'too_many_principals',
        severity: 'medium',
        resource: '/cases.xlsx',
        message: 'Strictly Confidential data may be open to at most 25 principals; 26 have access',
      },
    ]);
    expect(checkAccess(repeated, 'Strictly Confidential', policy)).toEqual([]);
  });

  it('lists the most severe violations first, then by resource', () => {
    const rows = [row('g', 'guest', '/b'), row('e', 'everyone', '/z'), row('a', 'anonymous_link', '/a')];
    expect(
      checkAccess(rows, 'Strictly Confidential', policy).map((v) => `${v.severity} ${v.resource}`),
    ).toEqual(['critical /a', 'critical /z', 'high /b']);
  });

  it('refuses a label the policy does not define', () => {
    expect(() => checkAccess([], 'Top Secret', policy)).toThrow(/Unknown label/);
  });
});
