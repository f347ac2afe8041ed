import { errors } from '../../../core/errors.js';

/** How long one statement of a scan may run on the scanned server. */
export const STATEMENT_TIMEOUT_MS = 120_000;
export const CONNECT_TIMEOUT_MS = 10_000;
/** Rows fetched per round trip when a table is read whole (`--full`). */
export const FETCH_ROWS = 5000;
/** Bytes of a binary value kept (as base64): enough to recognise a biometric template. */
const MAX_BINARY_BYTES = 768;

export type DatabaseKind = 'postgres' | 'mysql';

export interface DatabaseTarget {
  kind: DatabaseKind;
  url: URL;
  /** The URL as a report shows it: scheme, host, port and database, never a user or password. */
  display: string;
  database: string | null;
  /** `?schema=NAME` (PostgreSQL): only that schema is scanned. */
  schema: string | null;
}

/** Whether a scan source names a database rather than a path. */
export function isDatabaseUrl(source: string): boolean {
  return /^(postgres|postgresql|mysql|mariadb):\/\//i.test(source);
}

/** The URL without user or password (and without its query, which may hold credentials too). */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//');
  }
}

export function parseDatabaseUrl(raw: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.validation(`Not a database URL: ${redactUrl(raw)}`, [
      { path: 'source', message: 'use postgres://user:password@host:port/database or mysql://…' },
    ]);
  }
  const scheme = url.protocol.replace(':', '').toLowerCase();
  const kind: DatabaseKind | null =
    scheme === 'postgres' || scheme === 'postgresql'
      ? 'postgres'
      : scheme === 'mysql' || scheme === 'mariadb'
        ? 'mysql'
        : null;
  if (!kind || !url.hostname)
    throw errors.validation(`Not a database URL: ${redactUrl(raw)}`, [
      { path: 'source', message: 'use postgres://user:password@host:port/database or mysql://…' },
    ]);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || null;
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  return {
    kind,
    url,
    schema,
    display: `${kind}://${url.host}${database ? `/${database}` : ''}`,
    database,
  };
}

/** A driver's failure in words a user can act on; never the password. */
export function databaseError(target: DatabaseTarget, error: unknown) {
  const code = (error as { code?: string } | null)?.code;
  const where = `${target.url.hostname}:${target.url.port || (target.kind === 'postgres' ? 5432 : 3306)}`;
  const reason = error instanceof Error ? error.message : String(error);
  const message =
    code === 'ECONNREFUSED'
      ? `Cannot connect to the database at ${where}: connection refused (is the server running and the port right?)`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `Cannot connect to the database: the host ${target.url.hostname} is unknown`
        : code === 'ETIMEDOUT' || /timeout/i.test(reason)
          ? `The database at ${where} did not answer in time (${reason})`
          : `The database at ${where} refused the scan: ${reason}`;
  return errors.validation(message.replaceAll(target.url.password || '\u0000', '***'), [
    { path: 'source', message: reason.replaceAll(target.url.password || '\u0000', '***') },
  ]);
}

/** A database value as text for the detectors: binary kept as base64 of its first bytes. */
export function binaryText(value: Buffer): string {
  return value.subarray(0, MAX_BINARY_BYTES).toString('base64');
}
