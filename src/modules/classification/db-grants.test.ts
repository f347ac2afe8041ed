import { describe, expect, it } from 'vitest';
import { mysqlGrantRows, pgGrantRows, schemaPatternCovers } from './db-grants.js';

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

  it('writes privileges held on some columns only with their columns, unless held on the whole table', () => {
    const grant = (grantee: string | null, privilege: string, column: string | null) => ({
      schema: 's',
      table: 't',
      column,
      grantee,
      can_login: grantee === null ? null : true,
      privilege,
    });
    expect(
      pgGrantRows('db', [
        grant(null, 'SELECT', 'nombre'),
        grant(null, 'SELECT', 'telefono'),
        grant('app', 'SELECT', null),
        grant('app', 'SELECT', 'nombre'),
        grant('app', 'UPDATE', 'nombre'),
      ]).map((r) => [r.principal, r.access_level]),
    ).toEqual([
      ['PUBLIC', 'SELECT (nombre, telefono)'],
      ['app', 'SELECT, UPDATE (nombre)'],
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
      "'analyst_role'@''",
      'reg',
      null,
      'INSERT',
      { resource: 'reg.*', principal: 'analyst_role', principal_type: 'group' },
    ],
    [
      "'PUBLIC'@''",
      'reg',
      'people',
      'SELECT',
      { resource: 'reg.people', principal: 'PUBLIC', principal_type: 'everyone' },
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

describe('MariaDB grants of the database the URL names', () => {
  it.each([
    ['test', 'test', true],
    ['te_t', 'test', true],
    ['te\\_t', 'test', false],
    ['te\\_t', 'te_t', true],
    ['t%', 'test', true],
    ['%', 'anything', true],
    ['Test', 'test', false],
    ['tes', 'test', false],
    ['a.c', 'abc', false],
  ])('the schema pattern %s covers %s: %s', (pattern, database, covers) => {
    expect(schemaPatternCovers(pattern, database)).toBe(covers);
  });

  it('keeps global grants, the tables of that database and the schema grants covering it', () => {
    const rows = mysqlGrantRows(
      [
        { grantee: "'a'@'%'", schema: null, table: null, privilege: 'SELECT' },
        { grantee: "'b'@'%'", schema: 'reg', table: 'people', column: 'nombre', privilege: 'SELECT' },
        { grantee: "'c'@'%'", schema: 'other', table: 'people', privilege: 'SELECT' },
        { grantee: "'d'@'%'", schema: 'r_g', table: null, privilege: 'SELECT' },
        { grantee: "'e'@'%'", schema: 'other', table: null, privilege: 'SELECT' },
      ],
      'reg',
    );
    expect(rows.map((r) => [r.resource, r.principal, r.access_level])).toEqual([
      ['*.*', 'a@%', 'SELECT'],
      ['reg.people', 'b@%', 'SELECT (nombre)'],
      ['r_g.*', 'd@%', 'SELECT'],
    ]);
  });
});
