import { errors } from '../../core/errors.js';

/**
 * A database URL as it may be stored and shown: scheme, user, host, port and database only. The
 * password and every query parameter (which may carry `password=`, `sslkey=` or tokens) are dropped.
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw errors.validation('database_url: not a valid URL', [
      { path: 'database_url', message: 'expected e.g. postgres://user:password@host:5432/database' },
    ]);
  }
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${parsed.protocol}//${user}${parsed.hostname}${port}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/** The dialect of a database URL the scanner and the grants reader accept. */
export function databaseKind(url: string): 'postgres' | 'mysql' {
  return /^(postgres|postgresql):/i.test(url) ? 'postgres' : 'mysql';
}
