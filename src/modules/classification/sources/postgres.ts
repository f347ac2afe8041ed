import pg from 'pg';
import {
  throwIfAborted,
  uniqueHeaders,
  type ReadContext,
  type SourceDataset,
  type SourceRow,
} from './dataset.js';
import {
  CONNECT_TIMEOUT_MS,
  FETCH_ROWS,
  STATEMENT_TIMEOUT_MS,
  databaseError,
  type DatabaseTarget,
} from './database.js';

/** Every value as the server's text: no parsing into dates or numbers (the detectors read text). */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/** Schemas PostgreSQL and its extensions keep for themselves. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast'];

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface TableRef {
  schema: string;
  table: string;
  oid: number;
  estimate: number;
}

/**
 * Every table of a PostgreSQL database (tables, partitioned tables and materialised views of every
 * schema but the system ones, partitions counted once through their parent), readable by the
 * connecting role. The session is read-only (`default_transaction_read_only`, and each table in a
 * READ ONLY transaction) with a statement timeout. Column comments are header evidence. Rows: a
 * random sample (`TABLESAMPLE SYSTEM` on large tables, then `ORDER BY random() LIMIT n`), or every
 * row through a cursor with `--full`. `?schema=NAME` in the URL limits the scan to one schema.
 */
/** A read-only session (every transaction READ ONLY) with a statement timeout. */
export async function connectPostgres(target: DatabaseTarget): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: target.url.toString(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'custos scan',
    options: '-c default_transaction_read_only=on',
  });
  client.on('error', () => undefined); // a dropped connection fails the pending query instead
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw databaseError(target, error);
  }
  return client;
}

export async function* readPostgresDatasets(
  target: DatabaseTarget,
  context: ReadContext,
): AsyncGenerator<SourceDataset> {
  const client = await connectPostgres(target);
  try {
    const database = (await client.query<{ db: string }>('select current_database() as db')).rows[0]!.db;
    const tables = await client
      .query<TableRef>(
        `select n.nspname as schema, c.relname as table, c.oid::int as oid, greatest(c.reltuples, 0)::float8 as estimate
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'm') and not c.relispartition
            and n.nspname <> all($1) and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast%'
            and has_table_privilege(c.oid, 'SELECT') and ($2::text is null or n.nspname = $2)
          order by 1, 2`,
        [SYSTEM_SCHEMAS, target.schema],
      )
      .catch((error: unknown) => {
        throw databaseError(target, error);
      });
    for (const table of tables.rows) {
      throwIfAborted(context.signal);
      const columns = await client.query<{ name: string; comment: string | null }>(
        `select attname as name, col_description(attrelid, attnum) as comment
           from pg_attribute where attrelid = $1 and attnum > 0 and not attisdropped order by attnum`,
        [table.oid],
      );
      yield {
        source: `postgres://${target.url.host}/${database}/${table.schema}.${table.table}`,
        format: 'postgres',
        headers: uniqueHeaders(columns.rows.map((c) => c.name)),
        descriptions: columns.rows.map((c) => c.comment),
        batches: tableRows(client, table, context),
      };
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function* tableRows(
  client: pg.Client,
  table: TableRef,
  context: ReadContext,
): AsyncGenerator<SourceRow[]> {
  const name = `${quoteIdent(table.schema)}.${quoteIdent(table.table)}`;
  await client.query('begin transaction isolation level repeatable read read only');
  try {
    if (context.sampleRows !== null) {
      const n = context.sampleRows;
      // Pages sampled first on a large table, so that the random order sorts a few rows, not millions.
      const percent = table.estimate > n * 20 ? Math.min(100, (100 * n * 20) / table.estimate) : null;
      const sample = percent ? ` tablesample system (${percent.toFixed(6)})` : '';
      const result = await client.query<unknown[]>({
        text: `select * from ${name}${sample} order by random() limit ${n}`,
        rowMode: 'array',
        types: RAW_TEXT,
      });
      context.onRead?.(result.rows.length, result.rows.length);
      if (result.rows.length > 0) yield result.rows as SourceRow[];
      return;
    }
    await client.query(`declare custos_scan no scroll cursor for select * from ${name}`);
    let done = 0;
    for (;;) {
      throwIfAborted(context.signal);
      const result = await client.query<unknown[]>({
        text: `fetch ${FETCH_ROWS} from custos_scan`,
        rowMode: 'array',
        types: RAW_TEXT,
      });
      if (result.rows.length === 0) break;
      done += result.rows.length;
      context.onRead?.(done, Math.max(done, table.estimate));
      yield result.rows as SourceRow[];
    }
  } finally {
    // Nothing was written: ending with a rollback also clears a failed transaction for the next table.
    await client.query('rollback').catch(() => undefined);
  }
}
