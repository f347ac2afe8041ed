import mysql from 'mysql2/promise';
import pg from 'pg';
import { errors } from '../../core/errors.js';
import type { PrincipalType } from './label-policy.schema.js';
import type { AccessListingEntry } from './sensitive-data.schema.js';
import { databaseKind, redactDatabaseUrl } from './source-description.js';

/*
 * Who can read or change each table of a database, as listing rows for checkAccess: PostgreSQL from
 * the tables' ACLs (every grantee, PUBLIC included, whoever connects), MariaDB/MySQL from
 * information_schema's privilege tables (what the connected account may see: connect as an admin).
 * Read-only: only catalogue queries run.
 */

export interface PgGrant {
  schema: string;
  table: string;
  /** Null for PUBLIC. */
  grantee: string | null;
  can_login: boolean | null;
  privilege: string;
}

/** Grants of one database as listing rows: one row per table and grantee, privileges joined. */
export function pgGrantRows(database: string, grants: readonly PgGrant[]): AccessListingEntry[] {
  const rows = new Map<string, AccessListingEntry & { privileges: string[] }>();
  for (const g of grants) {
    const resource = `${database}/${g.schema}.${g.table}`;
    const principal = g.grantee ?? 'PUBLIC';
    const type: PrincipalType = g.grantee === null ? 'everyone' : g.can_login ? 'user' : 'group';
    const key = `${resource}\u0000${principal}`;
    const row = rows.get(key) ?? {
      resource,
      principal,
      principal_type: type,
      access_level: '',
      privileges: [],
    };
    if (!row.privileges.includes(g.privilege)) row.privileges.push(g.privilege);
    rows.set(key, row);
  }
  return [...rows.values()].map(({ privileges, ...row }) => ({
    ...row,
    access_level: privileges.join(', '),
  }));
}

export interface MysqlGrant {
  /** As information_schema writes it: 'user'@'host', or 'role' for a role. */
  grantee: string;
  /** Null for global privileges. */
  schema: string | null;
  /** Null for schema-wide privileges. */
  table: string | null;
  privilege: string;
}

const SYSTEM_SCHEMAS = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

/** The principal of a MariaDB grantee: the anonymous account is anyone who can connect; a role is a group. */
function mysqlPrincipal(grantee: string): { principal: string; type: PrincipalType } {
  const match = /^'(.*)'@'(.*)'$/.exec(grantee);
  if (!match) return { principal: grantee.replace(/^'|'$/g, ''), type: 'group' };
  const [, user, host] = match;
  if (user === '') return { principal: `anonymous@${host}`, type: 'everyone' };
  return { principal: `${user}@${host}`, type: 'user' };
}

export function mysqlGrantRows(grants: readonly MysqlGrant[]): AccessListingEntry[] {
  const rows = new Map<string, AccessListingEntry & { privileges: string[] }>();
  for (const g of grants) {
    if (g.schema && SYSTEM_SCHEMAS.has(g.schema.toLowerCase())) continue;
    if (g.privilege === 'USAGE') continue; // "can connect", nothing more
    const resource = g.schema === null ? '*.*' : `${g.schema}.${g.table ?? '*'}`;
    const { principal, type } = mysqlPrincipal(g.grantee);
    const key = `${resource}\u0000${principal}`;
    const row = rows.get(key) ?? {
      resource,
      principal,
      principal_type: type,
      access_level: '',
      privileges: [],
    };
    if (!row.privileges.includes(g.privilege)) row.privileges.push(g.privilege);
    rows.set(key, row);
  }
  return [...rows.values()].map(({ privileges, ...row }) => ({
    ...row,
    access_level: privileges.join(', '),
  }));
}

const PG_GRANTS = `
  select n.nspname as schema, c.relname as "table", r.rolname as grantee, r.rolcanlogin as can_login,
         a.privilege_type as privilege
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  cross join lateral aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
  left join pg_roles r on r.oid = a.grantee
  where c.relkind in ('r', 'v', 'm', 'p', 'f')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
  order by 1, 2, 3, 5`;

const MYSQL_GRANTS = `
  select grantee, table_schema as \`schema\`, table_name as \`table\`, privilege_type as privilege
    from information_schema.table_privileges
  union all
  select grantee, table_schema, null, privilege_type from information_schema.schema_privileges
  union all
  select grantee, null, null, privilege_type from information_schema.user_privileges`;

function unreadable(source: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return errors.validation(`${source}: could not read the grants (${message})`, [
    { path: 'database_url', message: 'unreadable database' },
  ]);
}

/** Read every table's grants of the database at `url` as listing rows. */
export async function readDatabaseGrants(
  url: string,
): Promise<{ source: string; rows: AccessListingEntry[] }> {
  const source = redactDatabaseUrl(url);
  if (databaseKind(url) === 'postgres') {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      const { rows: db } = await client.query<{ name: string }>('select current_database() as name');
      const { rows } = await client.query<PgGrant>(PG_GRANTS);
      return { source, rows: pgGrantRows(db[0]!.name, rows) };
    } catch (error) {
      throw unreadable(source, error);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({
      uri: url.replace(/^mariadb:/, 'mysql:'),
      connectTimeout: 10_000,
    });
    const [rows] = await connection.query(MYSQL_GRANTS);
    return { source, rows: mysqlGrantRows(rows as MysqlGrant[]) };
  } catch (error) {
    throw unreadable(source, error);
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
