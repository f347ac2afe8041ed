import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * The words of the assets' search text, each once (src/db/fulltext.ts): a search turns each term into
 * the words it starts and asks the full-text index for those words, which is cheaper than asking for
 * the prefix on both dialects. PostgreSQL's GIN index gathers every entry of a prefix in full first
 * (4 ms for "health:* & survey:*" at 100,000 assets, 0.8 ms for "health & survey"); SQLite's FTS5
 * streams a count of words, but must gather a prefix's matches before counting them. Words are only
 * added, in the transaction that writes the text; a word no asset has any more costs a lookup and
 * nothing else. Ordered by code point on both dialects (PostgreSQL: collation "C"), so the words a
 * term starts are one range of the key. Filled here from the assets already stored (the words are
 * letters, digits and marks only, so on SQLite they make a JSON array as they are). Never edit after
 * landing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table asset_words (word text collate "C" primary key)`.execute(db);
    await sql`insert into asset_words (word)
      select distinct w from assets, unnest(string_to_array(search_text, ' ')) as w where w <> ''`.execute(
      db,
    );
  } else {
    await sql`create table asset_words (word text primary key) without rowid`.execute(db);
    await sql`insert or ignore into asset_words (word)
      select value from assets, json_each('["' || replace(search_text, ' ', '","') || '"]') where value <> ''`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table asset_words`.execute(db);
}
