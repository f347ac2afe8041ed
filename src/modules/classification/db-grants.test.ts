import { describe, expect, it } from 'vitest';
import { mysqlGrantRows, pgGrantRows } from './db-grants.js';

describe('PostgreSQL grants as listing rows', () => {
  it('joins privileges per table and grantee and names PUBLIC as everyone', () => {
    expect(
      pgGrantRows('cases', [
        { schema: 'public', table: 'people', grantee: null, can_login: null, privilege: 'SELECT' },
        { schema: 'public', table: 'people', grantee: 'app', can_login: true, privilege: 'SELECT' },
        { schema: 'public', table: 'people', grantee: 'app', can_login: true, privilege: 'UPDATE' },
        { schema: 'public', table: 'people', grantee: 'analysts', can_login: false, privilege: 'SELECT' },
      ]),
    ).toEqual([
      {
        resource: 'cases/public.people',
        principal: 'PUBLIC',
        principal_type: 'everyone',
        access_level: 'SELECT',
      },
      {
        resource: 'cases/public.people',
        principal: 'app',
        principal_type: 'user',
        access_level: 'SELECT, UPDATE',
      },
      {
        resource: 'cases/public.people',
        principal: 'analysts',
        principal_type: 'group',
        access_level: 'SELECT',
      },
    ]);
  });
});

describe('MariaDB grants as listing rows', () => {
  it.each([
    [
      "'app'@'%'",
      'reg',
      'people',
      'SELECT',
      { resource: 'reg.people', principal: 'app@%', principal_type: 'user' },
    ],
    [
      "''@'localhost'",
      'reg',
      null,
      'SELECT',
      { resource: 'reg.*', principal: 'anonymous@localhost', principal_type: 'everyone' },
    ],
    [
      "'analyst_role'",
      'reg',
      'people',
      'SELECT',
      { resource: 'reg.people', principal: 'analyst_role', principal_type: 'group' },
    ],
    [
      "'root'@'localhost'",
      null,
      null,
      'SELECT',
      { resource: '*.*', principal: 'root@localhost', principal_type: 'user' },
    ],
  ] as const)('%s on %s.%s', (grantee, schema, table, privilege, expected) => {
    expect(mysqlGrantRows([{ grantee, schema, table, privilege }])).toEqual([
      { ...expected, access_level: privilege },
    ]);
  });

  it('leaves out system schemas and bare USAGE', () => {
    expect(
      mysqlGrantRows([
        { grantee: "'app'@'%'", schema: 'mysql', table: 'user', privilege: 'SELECT' },
        { grantee: "'app'@'%'", schema: null, table: null, privilege: 'USAGE' },
      ]),
    ).toEqual([]);
  });
});
