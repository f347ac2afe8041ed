import mysql from 'mysql2/promise';
import pg from 'pg';
import { errors } from '../../core/errors.js';
import type { PrincipalType } from './label-policy.schema.js';
import type { AccessListingEntry } from './sensitive-data.schema.js';
import { databaseKind, redactDatabaseUrl } from './source-description.js';
import { parseDatabaseUrl } from './sources/database.js';

/*
 * Who can read or change each table of a database, as listing rows for checkAccess: PostgreSQL from
 * the tables' and columns' ACLs (every grantee, PUBLIC included, whoever connects), MariaDB/MySQL from
 * information_schema's privilege tables (what the connected account may see: connect as an admin).
 * Read-only: only catalogue queries run.
 */

/** One privilege of one principal on one resource; `column` for a privilege on some columns only. */
interface Grant {
  resource: string;
  principal: string;
  type: PrincipalType;
  privilege: string;
  column: string | null;
}

/**
 * One listing row per resource and principal, privileges joined in the order met: "SELECT, UPDATE";
 * a privilege held on some columns only is written with them, "SELECT (nombre, telefono)", and left
 * out when the principal holds it on the whole table.
 */
function listingRows(grants: Iterable<Grant>): AccessListingEntry[] {
  const rows = new Map<
    string,
    { row: Omit<AccessListingEntry, 'access_level'>; privileges: Map<string, Set<string> | 'all'> }
  >();
  for (const g of grants) {
    const key = `${g.resource}\u0000${g.principal}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: { resource: g.resource, principal: g.principal, principal_type: g.type },
        privileges: new Map(),
      };
      rows.set(key, entry);
    }
    const held = entry.privileges.get(g.privilege);
    if (g.column === null) entry.privileges.set(g.privilege, 'all');
    else if (held === undefined) entry.privileges.set(g.privilege, new Set([g.column]));
    else if (held !== 'all') held.add(g.column);
  }
  return [...rows.values()].map(({ row, privileges }) => ({
    ...row,
    access_level: [...privileges]
      .map(([privilege, columns]) =>
        columns === 'all' ? privilege : `${privilege} (${[...columns].join(', ')})`,
      )
      .join(', '),
  }));
}

export interface PgGrant {
  schema: string;
  table: string;
  /** Null for a privilege on the whole table. */
  column?: string | null;
  /** Null for PUBLIC. */
  grantee: string | null;
  can_login: boolean | null;
  privilege: string;
}

/** Grants of one database as listing rows: one row per table and grantee, privileges joined. */
export function pgGrantRows(database: string, grants: readonly PgGrant[]): AccessListingEntry[] {
  return listingRows(
    grants.map((g) => ({
      resource: `${database}/${g.schema}.${g.table}`,
      principal: g.grantee ?? 'PUBLIC',
      type: g.grantee === null ? 'everyone' : g.can_login ? 'user' : 'group',
      privilege: g.privilege,
      column: g.column ?? null,
    })),
  );
}

export interface MysqlGrant {
  /** As information_schema writes it: 'user'@'host'; MariaDB writes a role, and PUBLIC, as 'role'@''. */
  grantee: string;
  /** Null for global privileges. */
  schema: string | null;
  /** Null for schema-wide privileges. */
  table: string | null;
  /** Null unless the privilege is on some columns only. */
  column?: string | null;
  privilege: string;
}

const SYSTEM_SCHEMAS = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

/**
 * The principal of a MariaDB/MySQL grantee: PUBLIC (MariaDB 10.11+) and the anonymous account are
 * anyone who can connect; a role — written with an empty host by MariaDB — is a group.
 */
function mysqlPrincipal(grantee: string): { principal: string; type: PrincipalType } {
  const match = /^'(.*)'@'(.*)'$/.exec(grantee);
  if (!match) return { principal: grantee.replace(/^'|'$/g, ''), type: 'group' };
  const [, user, host] = match;
  if (host === '')
    return user === 'PUBLIC'
      ? { principal: 'PUBLIC', type: 'everyone' }
      : { principal: user!, type: 'group' };
  if (user === '') return { principal: `anonymous@${host}`, type: 'everyone' };
  return { principal: `${user}@${host}`, type: 'user' };
}

/**
 * Whether a schema-wide grant's database name covers `database`: such names are LIKE patterns
 * (`_` any one character, `%` any characters, `\_` and `\%` themselves), so `GRANT … ON te_t.*`
 * also grants on `test`.
 */
export function schemaPatternCovers(pattern: string, database: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (c === '_') source += '.';
    else if (c === '%') source += '.*';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'su').test(database);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Grants as listing rows, system schemas and bare USAGE left out. With `database` (the one the URL
 * names), only what reaches it: global grants, its tables and columns, and schema-wide grants whose
 * name pattern covers it.
 */
export function mysqlGrantRows(
  grants: readonly MysqlGrant[],
  database?: string | null,
): AccessListingEntry[] {
  return listingRows(
    grants.flatMap((g): Grant[] => {
      if (g.schema && SYSTEM_SCHEMAS.has(g.schema.toLowerCase())) return [];
      if (g.privilege === 'USAGE') return []; // "can connect", nothing more
      if (database && g.schema !== null) {
        const reaches = g.table === null ? schemaPatternCovers(g.schema, database) : g.schema === database;
        if (!reaches) return [];
      }
      const { principal, type } = mysqlPrincipal(g.grantee);
      return [
        {
          resource: g.schema === null ? '*.*' : `${g.schema}.${g.table ?? '*'}`,
          principal,
          type,
          privilege: g.privilege,
          column: g.column ?? null,
        },
      ];
    }),
  );
}

const RELATIONS = `c.relkind in ('r', 'v', 'm', 'p', 'f')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`;

const PG_GRANTS = `
  select n.nspname as schema, c.relname as "table", null::name as "column", r.rolname as grantee,
         r.rolcanlogin as can_login, a.privilege_type as privilege
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  cross join lateral aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
  left join pg_roles r on r.oid = a.grantee
  where ${RELATIONS}
  union all
  select n.nspname, c.relname, att.attname, r.rolname, r.rolcanlogin, a.privilege_type
  from pg_attribute att
  join pg_class c on c.oid = att.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  cross join lateral aclexplode(att.attacl) a
  left join pg_roles r on r.oid = a.grantee
  where att.attacl is not null and att.attnum > 0 and not att.attisdropped and ${RELATIONS}
  order by 1, 2, 4, 3 nulls first, 6`;

const MYSQL_GRANTS = `
  select grantee, table_schema as \`schema\`, table_name as \`table\`, null as \`column\`,
         privilege_type as privilege
    from information_schema.table_privileges
  union all
  select grantee, table_schema, table_name, column_name, privilege_type
    from information_schema.column_privileges
  union all
  select grantee, table_schema, null, null, privilege_type from information_schema.schema_privileges
  union all
  select grantee, null, null, null, privilege_type from information_schema.user_privileges`;

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
    return { source, rows: mysqlGrantRows(rows as MysqlGrant[], parseDatabaseUrl(url).database) };
  } catch (error) {
    throw unreadable(source, error);
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
