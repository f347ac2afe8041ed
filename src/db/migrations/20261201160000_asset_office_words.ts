import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * PostgreSQL only: the search words join the assets' office index, as they joined the name and
 * updated-at indexes (20261130100000_inventory). An office focal point's search is limited to a few
 * offices: PostgreSQL now reads their index entries and tests each one's words (about 1,500 for three
 * offices, 0.4 ms) instead of intersecting the full-text index's bitmap of a common word with theirs
 * (18,000 assets for "cash", 1.6 ms) and reading the rows. The new index keeps the old one's columns,
 * which it replaces. SQLite's full-text index answers such a search from its own lists. Never edit
 * after landing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index assets_office_name_idx`.execute(db);
  await sql`create index assets_office_name_idx on assets (office_id, name, id) include (search_vector)`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index assets_office_name_idx`.execute(db);
  await sql`create index assets_office_name_idx on assets (office_id, name, id)`.execute(db);
}
