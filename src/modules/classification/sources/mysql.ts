import type { Connection as CoreConnection } from 'mysql2';
import mysql, { type RowDataPacket, type TypeCast } from 'mysql2/promise';
import { isAppError } from '../../../core/errors.js';
import {
  ScanAborted,
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
  binaryText,
  databaseError,
  type DatabaseTarget,
} from './database.js';

const SYSTEM_SCHEMAS = ['mysql', 'information_schema', 'performance_schema', 'sys'];
const BINARY_CHARSET = 63;
const BLOB_TYPES = new Set([
  'TINY_BLOB',
  'MEDIUM_BLOB',
  'LONG_BLOB',
  'BLOB',
  'GEOMETRY',
  'STRING',
  'VAR_STRING',
]);

/** Every value as text; binary columns as base64 of their first bytes. */
const asText: TypeCast = (field) => {
  const charset = (field as unknown as { charset?: number }).charset;
  if (BLOB_TYPES.has(field.type) && charset === BINARY_CHARSET) {
    const buffer = field.buffer();
    return buffer ? binaryText(buffer) : null;
  }
  return field.string();
};

export function quoteMysqlIdent(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

interface TableRef {
  schema: string;
  table: string;
  estimate: number;
}

/**
 * Every base table of a MySQL or MariaDB server (of the URL's database when it names one, else of
 * every database but the system ones) readable by the user. The session is read-only (`SET SESSION
 * TRANSACTION READ ONLY`) with a statement timeout (MariaDB `max_statement_time`, MySQL
 * `max_execution_time`). Column comments are header evidence. Rows: `ORDER BY RAND() LIMIT n`, or
 * every row streamed with `--full`.
 */
/** A read-only session (`SET SESSION TRANSACTION READ ONLY`) with a statement timeout. */
export async function connectMysql(target: DatabaseTarget): Promise<mysql.Connection> {
  const url = new URL(target.url.toString());
  url.protocol = 'mysql:';
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({
      uri: url.toString(),
      connectTimeout: CONNECT_TIMEOUT_MS,
      typeCast: asText,
      rowsAsArray: true,
      multipleStatements: false,
    });
  } catch (error) {
    throw databaseError(target, error);
  }
  connection.on('error', () => undefined);
  try {
    await connection.query('SET SESSION TRANSACTION READ ONLY');
    // One of the two exists: MariaDB counts seconds, MySQL milliseconds (SELECT only).
    await connection
      .query(`SET SESSION max_statement_time = ${STATEMENT_TIMEOUT_MS / 1000}`)
      .catch(() =>
        connection.query(`SET SESSION max_execution_time = ${STATEMENT_TIMEOUT_MS}`).catch(() => undefined),
      );
  } catch (error) {
    await connection.end().catch(() => undefined);
    throw databaseError(target, error);
  }
  return connection;
}

export async function* readMysqlDatasets(
  target: DatabaseTarget,
  context: ReadContext,
): AsyncGenerator<SourceDataset> {
  const connection = await connectMysql(target);
  try {
    const [tables] = await connection.query<RowDataPacket[]>({
      sql: `SELECT TABLE_SCHEMA, TABLE_NAME, COALESCE(TABLE_ROWS, 0) FROM information_schema.TABLES
             WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN (?) ${target.database ? 'AND TABLE_SCHEMA = ?' : ''}
             ORDER BY 1, 2`,
      values: target.database ? [SYSTEM_SCHEMAS, target.database] : [SYSTEM_SCHEMAS],
    });
    const refs: TableRef[] = (tables as unknown as unknown[][]).map(([schema, table, estimate]) => ({
      schema: String(schema),
      table: String(table),
      estimate: Number(estimate),
    }));
    for (const table of refs) {
      throwIfAborted(context.signal);
      const [columns] = await connection.query<RowDataPacket[]>({
        sql: `SELECT COLUMN_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS
               WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
        values: [table.schema, table.table],
      });
      const list = columns as unknown as [string, string | null][];
      yield {
        source: `${target.url.protocol.replace(':', '')}://${target.url.host}/${table.schema}.${table.table}`,
        format: 'mysql',
        headers: uniqueHeaders(list.map(([name]) => String(name))),
        descriptions: list.map(([, comment]) => (comment ? String(comment) : null)),
        batches: tableRows(connection, table, context),
      };
    }
  } catch (error) {
    throw error instanceof ScanAborted || isAppError(error) ? error : databaseError(target, error);
  } finally {
    await connection.end().catch(() => undefined);
  }
}

async function* tableRows(
  connection: mysql.Connection,
  table: TableRef,
  context: ReadContext,
): AsyncGenerator<SourceRow[]> {
  const name = `${quoteMysqlIdent(table.schema)}.${quoteMysqlIdent(table.table)}`;
  if (context.sampleRows !== null) {
    const [rows] = await connection.query<RowDataPacket[]>(
      `SELECT * FROM ${name} ORDER BY RAND() LIMIT ${context.sampleRows}`,
    );
    const list = rows as unknown as SourceRow[];
    context.onRead?.(list.length, list.length);
    if (list.length > 0) yield list;
    return;
  }
  // Streamed with backpressure: the driver pauses the socket while a batch is classified.
  const core = (connection as unknown as { connection: CoreConnection }).connection;
  const stream = core.query(`SELECT * FROM ${name}`).stream({ highWaterMark: FETCH_ROWS });
  let batch: SourceRow[] = [];
  let done = 0;
  try {
    for await (const row of stream as AsyncIterable<SourceRow>) {
      batch.push(row);
      if (batch.length >= FETCH_ROWS) {
        throwIfAborted(context.signal);
        done += batch.length;
        context.onRead?.(done, Math.max(done, table.estimate));
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    stream.destroy();
  }
}
