import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * PostgreSQL only: the words of the assets' search text, each once (src/db/fulltext.ts, `termWords`).
 * A search first looks up which words each of its terms starts, then asks the GIN index for those
 * words: a whole word is much cheaper to look up there than a prefix, whose entries the index gathers
 * in full first (4 ms for "health:* & survey:*" at 100,000 assets, 0.8 ms for "health & survey").
 * Words are only added, in the transaction that writes the text; a word no asset has any more costs
 * a lookup and nothing else. Collation "C" orders them by code point, so the words a term starts are
 * one range of the key. Filled here from the assets already stored. Never edit after landing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table asset_words (word text collate "C" primary key)`.execute(db);
  await sql`insert into asset_words (word)
    select distinct w from assets, unnest(string_to_array(search_text, ' ')) as w where w <> ''`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop table asset_words`.execute(db);
}
