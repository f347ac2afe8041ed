import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * SQLite only: the search words join the name and updated-at indexes of assets, as they already do
 * on PostgreSQL (see 20261130100000_inventory). A search for a word on more than 1,000 assets walks
 * the page's sort order and tests each asset's search_text (src/db/fulltext.ts): with the words in
 * the index, that walk reads no table row, whatever the number of assets it passes over. The new
 * indexes keep the old ones' leading columns, which they replace. Never edit after landing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop index assets_name_idx`.execute(db);
  await sql`drop index assets_updated_idx`.execute(db);
  await sql`create index assets_name_search_idx on assets (name, id, search_text)`.execute(db);
  await sql`create index assets_updated_search_idx on assets (updated_at, id, search_text)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop index assets_name_search_idx`.execute(db);
  await sql`drop index assets_updated_search_idx`.execute(db);
  await sql`create index assets_name_idx on assets (name, id)`.execute(db);
  await sql`create index assets_updated_idx on assets (updated_at, id)`.execute(db);
}
