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
 * - at most PREPARED per connection, the first to run twice; the others are parsed each run;
 * - never a statement whose columns come from a `*`: a later change of the table's columns would
 *   make PostgreSQL refuse the prepared one ("cached plan must not change result type").
 */

const PREPARED = 100;
const MAX_PARAMETERS = 100;
/** Statements seen once and not yet prepared, counted up to this many (then counted afresh). */
const SEEN = 1_000;

/** `select *`, `returning *`, `, *` or `table.*`: not `count(*)`. */
const STAR_COLUMNS = /(?:\bselect\s+(?:distinct\s+)?|\breturning\s+|,\s*|\.)\*/i;

type Query = (...args: unknown[]) => unknown;

/** Make `client` prepare the statements it runs repeatedly (Pool 'connect' event). */
export function prepareRepeatedStatements(client: pg.Client): void {
  const prepared = new Map<string, string>();
  const seen = new Set<string>();
  const query = client.query.bind(client) as Query;
  const nameFor = (text: string, values: readonly unknown[]): string | null => {
    const name = prepared.get(text);
    if (name !== undefined) return name;
    if (prepared.size >= PREPARED || values.length > MAX_PARAMETERS || STAR_COLUMNS.test(text)) return null;
    if (!seen.has(text)) {
      if (seen.size >= SEEN) seen.clear();
      seen.add(text);
      return null;
    }
    seen.delete(text);
    const created = `custos_${prepared.size + 1}`;
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
