import type pg from 'pg';

/*
 * PostgreSQL: statements a connection runs again and again are prepared on it (a named statement,
 * parsed once), as pgJDBC and asyncpg do by default. PostgreSQL then skips parsing them, and after five
 * runs plans them once for all parameters when that plan is estimated no worse than planning each run
 * (plan_cache_mode auto). For a search, whose statements are long and run a few times a request,
 * parsing and planning were a fifth of the database's work (0.1 to 0.4 ms a statement).
 *
 * Bounded, since a connection keeps what it prepares until it closes:
 * - prepared only from its second run on the connection, so one-off statements (with values
 *   written into the text) never are;
 * - at most MAX_PARAMETERS parameters: long bulk writes are planned each time, as before;
 * - at most PREPARED per connection, the most recently used (as asyncpg keeps them): preparing one
 *   more deallocates the least recently used;
 * - never a statement whose columns come from a `*`: a later change of the table's columns would
 *   make PostgreSQL refuse the prepared one ("cached plan must not change result type").
 */

const PREPARED = 100;
const MAX_PARAMETERS = 100;
/** Statements seen once and not yet prepared, counted up to this many (then counted afresh). */
const SEEN = 1_000;

/** `select *`, `returning *`, `, *` or `table.*`: not `count(*)`. */
const STAR_COLUMNS = /(?:\bselect\s+(?:distinct\s+)?|\breturning\s+|,\s*|\.)\*/i;

type Query = (...args: unknown[]) => Promise<unknown>;

/**
 * node-postgres's own record of the statements a connection has parsed (not public API): a
 * deallocated statement must leave it, or the record would grow with every statement ever evicted.
 */
interface ParsedRecord {
  parsedStatements?: Record<string, string>;
  submittedNamedStatements?: Record<string, string>;
}

/** Make `client` prepare the statements it runs repeatedly (Pool 'connect' event). */
export function prepareRepeatedStatements(client: pg.Client): void {
  /** Text → name, least recently used first. */
  const prepared = new Map<string, string>();
  const seen = new Set<string>();
  let named = 0;
  const query = client.query.bind(client) as Query;
  // After the statements queued before it (node-postgres runs a connection's queries in order), so
  // a statement still being parsed is not recorded again once forgotten. A failure (the connection
  // closing, a transaction already failed) leaves it prepared until the connection closes.
  const deallocate = (name: string) =>
    query(`deallocate ${name}`).then(
      () => {
        const record = (client as unknown as { connection?: ParsedRecord }).connection;
        delete record?.parsedStatements?.[name];
        delete record?.submittedNamedStatements?.[name];
      },
      () => undefined,
    );
  const nameFor = (text: string, values: readonly unknown[]): string | null => {
    const name = prepared.get(text);
    if (name !== undefined) {
      prepared.delete(text);
      prepared.set(text, name);
      return name;
    }
    if (values.length > MAX_PARAMETERS || STAR_COLUMNS.test(text)) return null;
    if (!seen.has(text)) {
      if (seen.size >= SEEN) seen.clear();
      seen.add(text);
      return null;
    }
    seen.delete(text);
    if (prepared.size >= PREPARED) {
      const [oldest, oldestName] = prepared.entries().next().value!;
      prepared.delete(oldest);
      void deallocate(oldestName);
    }
    named += 1;
    const created = `custos_${named}`;
    prepared.set(text, created);
    return created;
  };
  // Kysely runs every statement as query(text, values); anything else (a cursor, a callback) as is.
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
      const name = nameFor(text, values);
      if (name !== null) return query({ name, text, values });
    }
    return query(...args);
  }) as typeof client.query;
}
