import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCliDatabase, runCliInProcess, type CliDatabase } from '../../cli/testing/in-process.js';
import { ACCESS_VIOLATIONS_EXIT } from './classification.cli.js';
import type { GrantsResult } from './sensitive-data.schema.js';
import { MARIADB_URL, mariadbAnswers } from './testing/mariadb.js';

/*
 * `custos access grants` against real servers: grants made with GRANT on a throwaway table of
 * PostgreSQL (the dialect tests' server) and MariaDB on 127.0.0.1:3306 (root, no password; skipped
 * when it does not answer), read back as listing rows and checked against the label policy.
 * Everything created (tables, users, roles, grants) is dropped afterwards.
 */
const suffix = `${process.pid}_${Date.now() % 100_000}`;
let cli: CliDatabase;

beforeAll(async () => {
  cli = await openCliDatabase('sqlite', null);
});
afterAll(() => cli.close());

async function grants(url: string, label: string): Promise<{ code: number; result: GrantsResult }> {
  const run = await runCliInProcess(cli.url, ['access', 'grants', url, '--label', label, '--json']);
  expect(run.stderr).toBe('');
  return { code: run.code, result: JSON.parse(run.stdout) as GrantsResult };
}

const MARIADB = MARIADB_URL;
const mariadb = await mariadbAnswers();

describe.skipIf(!mariadb)('MariaDB grants (skipped when 127.0.0.1:3306 does not answer)', () => {
  const table = `custos_grants_${suffix}`;
  const app = `custos_app_${suffix}`;
  const clerk = `custos_clerk_${suffix}`;
  const role = `custos_role_${suffix}`;
  const anonymous = `''@'custos-${suffix}.invalid'`; // a host nobody connects from
  let connection: mysql.Connection;
  const statements = [
    `create table test.${table} (id int primary key, nombre varchar(100), telefono varchar(30))`,
    `create user '${app}'@'%'`,
    `grant select on test.${table} to '${app}'@'%'`,
    `grant select on otherdb_${suffix}.* to '${app}'@'%'`, // another database: not listed
    `create user '${clerk}'@'localhost'`,
    `grant select (nombre), update (telefono) on test.${table} to '${clerk}'@'localhost'`,
    `grant select on \`t_st\`.* to '${clerk}'@'localhost'`, // a pattern covering "test"
    `create role ${role}`,
    `grant select, insert on test.* to ${role}`,
    `grant ${role} to '${app}'@'%'`,
    `create user ${anonymous}`,
    `grant select on test.${table} to ${anonymous}`,
    `grant select on test.${table} to PUBLIC`,
  ];

  beforeAll(async () => {
    connection = await mysql.createConnection({ uri: MARIADB });
    for (const statement of statements) await connection.query(statement);
  });

  afterAll(async () => {
    for (const statement of [
      `revoke select on test.${table} from PUBLIC`,
      `drop user if exists ${anonymous}`,
      `drop role if exists ${role}`,
      `drop user if exists '${clerk}'@'localhost'`,
      `drop user if exists '${app}'@'%'`,
      `drop table if exists test.${table}`,
    ])
      await connection.query(statement).catch(() => undefined);
    await connection.end();
  });

  const ours = (result: GrantsResult) =>
    result.rows
      .filter((r) => [app, clerk, role, 'PUBLIC', 'anonymous'].some((p) => r.principal.startsWith(p)))
      .map((r) => [r.resource, r.principal, r.principal_type, r.access_level])
      .sort((a, b) => a.join(' ').localeCompare(b.join(' ')));

  it('reads users, a wildcard host, column grants, a role on the whole database, the anonymous account and PUBLIC', async () => {
    const { code, result } = await grants(MARIADB, 'Confidential');
    expect(result.source).toBe('mysql://root@127.0.0.1:3306/test');
    expect(ours(result)).toEqual(
      [
        [`t_st.*`, `${clerk}@localhost`, 'user', 'SELECT'],
        [`test.*`, role, 'group', 'SELECT, INSERT'],
        [`test.${table}`, `${app}@%`, 'user', 'SELECT'],
        [`test.${table}`, `${clerk}@localhost`, 'user', 'SELECT (nombre), UPDATE (telefono)'],
        [`test.${table}`, `anonymous@custos-${suffix}.invalid`, 'everyone', 'SELECT'],
        [`test.${table}`, 'PUBLIC', 'everyone', 'SELECT'],
      ].sort((a, b) => a.join(' ').localeCompare(b.join(' '))),
    );
    expect(result.rows.some((r) => r.resource.startsWith(`otherdb_${suffix}`))).toBe(false);
    // Confidential: open to everyone is a high violation; users and roles are not.
    const mine = result.violations.filter((v) => v.resource === `test.${table}`);
    expect(mine.map((v) => [v.principal, v.severity, v.rule]).sort()).toEqual([
      ['PUBLIC', 'high', 'forbidden_principal_type'],
      [`anonymous@custos-${suffix}.invalid`, 'high', 'forbidden_principal_type'],
    ]);
    expect(code).toBe(ACCESS_VIOLATIONS_EXIT);
  });

  it('Strictly Confidential data open to everyone is critical; Public data breaks no rule', async () => {
    const strict = (await grants(MARIADB, 'Strictly Confidential')).result.violations.filter(
      (v) => v.resource === `test.${table}`,
    );
    expect(strict.map((v) => v.severity)).toEqual(['critical', 'critical']);
    expect((await grants(MARIADB, 'Public')).result.violations).toEqual([]);
  });
});

const pgUrl = inject('pgUrl');

describe.skipIf(!pgUrl)('PostgreSQL grants', () => {
  const schema = `custos_grants_${suffix}`;
  const login = `custos_login_${suffix}`;
  const group = `custos_group_${suffix}`;
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: pgUrl! });
    await client.connect();
    for (const statement of [
      `create schema ${schema}`,
      `create table ${schema}.people (id int, nombre text, telefono text)`,
      `create view ${schema}.people_names as select nombre from ${schema}.people`,
      `create role ${login} login`,
      `create role ${group}`,
      `grant select on ${schema}.people to ${login}`,
      `grant select, update on ${schema}.people to ${group}`,
      `grant select (telefono) on ${schema}.people to public`,
      `grant select on ${schema}.people_names to public`,
    ])
      await client.query(statement);
  });

  afterAll(async () => {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.query(`drop role if exists ${login}`);
    await client.query(`drop role if exists ${group}`);
    await client.end();
  });

  it('reads login roles, group roles, PUBLIC on a view and PUBLIC on a column', async () => {
    const { code, result } = await grants(pgUrl!, 'Confidential');
    const database = new URL(pgUrl!).pathname.slice(1);
    const rows = result.rows
      .filter((r) => r.resource.startsWith(`${database}/${schema}.`) && r.principal !== 'postgres')
      .map((r) => [r.resource.slice(database.length + 1), r.principal, r.principal_type, r.access_level]);
    expect(rows).toEqual([
      [`${schema}.people`, group, 'group', 'SELECT, UPDATE'],
      [`${schema}.people`, login, 'user', 'SELECT'],
      [`${schema}.people`, 'PUBLIC', 'everyone', 'SELECT (telefono)'],
      [`${schema}.people_names`, 'PUBLIC', 'everyone', 'SELECT'],
    ]);
    const mine = result.violations.filter((v) => v.resource.startsWith(`${database}/${schema}.`));
    expect(mine.map((v) => [v.resource.split('.').pop(), v.principal, v.severity])).toEqual([
      ['people', 'PUBLIC', 'high'],
      ['people_names', 'PUBLIC', 'high'],
    ]);
    expect(code).toBe(ACCESS_VIOLATIONS_EXIT);
  });
});
