import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareRepeatedStatements } from './pg-statements.js';

/*
 * A connection prepares the statements it runs more than once (src/db/pg-statements.ts), within
 * bounds, and answers every statement as it would unprepared.
 */

const pgUrl = inject('pgUrl');

describe.skipIf(!pgUrl)('prepared statements (PostgreSQL)', () => {
  let client: pg.Client;
  /** The statements prepared on this connection, by their text. */
  const prepared = async () => {
    const { rows } = await client.query<{ statement: string }>(
      'select statement from pg_prepared_statements order by statement',
    );
    return rows.map((row) => row.statement);
  };

  beforeAll(async () => {
    client = new pg.Client({ connectionString: pgUrl! });
    await client.connect();
    prepareRepeatedStatements(client);
  });
  afterAll(async () => {
    await client.end();
  });

  it('prepares a statement from its second run, and answers the same each time', async () => {
    const text = 'select $1::int + 1 as n';
    expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect(await prepared()).not.toContain(text);
    expect((await client.query(text, [2])).rows).toEqual([{ n: 3 }]);
    expect(await prepared()).toContain(text);
    expect((await client.query(text, [3])).rows).toEqual([{ n: 4 }]);
  });

  it.each([
    ['select * from (select 1 as a) t where a = $1', [1]],
    ['select t.* from (select 1 as a) t where a = $1', [1]],
    ['select a, * from (select 1 as a) t where a = $1', [1]],
    [
      `select ${Array.from({ length: 101 }, (_, i) => `$${i + 1}::int`).join(' + ')} as n`,
      Array.from({ length: 101 }, () => 1),
    ],
  ])('never prepares %s (its columns from a star, or too many parameters)', async (text, values) => {
    for (let run = 0; run < 3; run += 1) await client.query(text, values);
    expect(await prepared()).not.toContain(text);
  });

  it('counts rows with count(*) in a prepared statement', async () => {
    const text = 'select count(*)::int as n from generate_series(1, $1::int)';
    for (let run = 0; run < 2; run += 1) await client.query(text, [5]);
    expect(await prepared()).toContain(text);
    expect((await client.query(text, [7])).rows).toEqual([{ n: 7 }]);
  });

  it('passes other forms of query through: text alone, a config, a callback', async () => {
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect((await client.query({ text: 'select $1::text as v', values: ['x'] })).rows).toEqual([{ v: 'x' }]);
    const viaCallback = await new Promise((resolve, reject) =>
      client.query('select $1::int as v', [5], (error, result) =>
        error ? reject(error) : resolve(result.rows),
      ),
    );
    expect(viaCallback).toEqual([{ v: 5 }]);
  });

  it('keeps the 100 most recently used on a connection, deallocating the others, and answers all', async () => {
    const text = (i: number) => `select $1::int + ${i} as n`;
    const run = async (i: number) => expect((await client.query(text(i), [1])).rows).toEqual([{ n: 1 + i }]);
    for (let i = 0; i < 130; i += 1) for (let twice = 0; twice < 2; twice += 1) await run(i);
    const now = await prepared();
    expect(now).toHaveLength(100);
    expect(now).toEqual(expect.arrayContaining([text(30), text(129)]));
    expect(now).not.toContain(text(29));
    // Used again, the first is prepared anew (under another name) and the least recent goes.
    await run(0);
    await run(0);
    expect(await prepared()).toContain(text(0));
    expect(await prepared()).not.toContain(text(30));
    // node-postgres's record of what the connection parsed is bounded too (its internals: a version
    // that renamed them would fail here, not leak).
    const record = (client as unknown as { connection: { parsedStatements: Record<string, string> } })
      .connection;
    expect(Object.keys(record.parsedStatements).length).toBeLessThanOrEqual(100);
  });
});
