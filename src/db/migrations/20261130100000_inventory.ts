import { sql, type Kysely } from 'kysely';
import { isPostgres, sequenceColumn } from '../dialect.js';

/*
 * The data inventory: data assets, grouped under the systems (themselves assets) that hold them, with
 * their owners, sensitivity and review dates; and the full-text index over their folded search text.
 * Never edit after landing: add a new file.
 *
 * `seq` is an integer key beside the UUID `id` (as in audit_events): on SQLite it is the rowid, which
 * the FTS5 index needs as a stable document key (an implicit rowid may change on VACUUM). On
 * PostgreSQL the words are also kept as a generated tsvector column, search_vector, which the
 * application never reads or writes (it selects its columns by name).
 */

const PEOPLE_COLUMNS = ['data_owner_id', 'data_custodian_id', 'data_steward_id', 'focal_point_id'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('assets')
    .addColumn('seq', ...sequenceColumn(db))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('asset_type', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.references('assets.id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'));
  for (const column of PEOPLE_COLUMNS)
    table = table.addColumn(column, 'text', (c) => c.references('people.id'));
  await table
    .addColumn('sensitivity_label', 'text')
    .addColumn('personal_data', 'integer', (c) => c.notNull())
    .addColumn('special_categories', 'text', (c) => c.notNull())
    .addColumn('data_subjects', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('purpose', 'text')
    .addColumn('retention', 'text')
    .addColumn('hosting_location', 'text')
    .addColumn('sharing_agreements', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('last_reviewed', 'text')
    .addColumn('last_access_review', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Keyset pages: ORDER BY <column>, id, alone or within one office. (On PostgreSQL, name and
  // updated_at are created with the search words below.)
  if (!isPostgres(db)) {
    await db.schema.createIndex('assets_name_idx').on('assets').columns(['name', 'id']).execute();
    await db.schema.createIndex('assets_updated_idx').on('assets').columns(['updated_at', 'id']).execute();
  }
  await db.schema.createIndex('assets_created_idx').on('assets').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('assets_office_name_idx')
    .on('assets')
    .columns(['office_id', 'name', 'id'])
    .execute();
  // Filters, and the foreign keys checked when a system, department or person is deleted.
  await db.schema.createIndex('assets_system_idx').on('assets').column('system_id').execute();
  await db.schema.createIndex('assets_department_idx').on('assets').column('department_id').execute();
  // A label is on many assets: with the name, a page of one label is read in order, not sorted.
  await db.schema
    .createIndex('assets_label_idx')
    .on('assets')
    .columns(['sensitivity_label', 'name', 'id'])
    .execute();
  for (const column of PEOPLE_COLUMNS)
    await db.schema
      .createIndex(`assets_${column.replace(/_id$/, '')}_idx`)
      .on('assets')
      .column(column)
      .execute();

  // Full-text search over search_text: space-separated folded words (see src/db/fulltext.ts).
  if (isPostgres(db)) {
    // Stored, so a query walking many rows checks each one without rebuilding its words.
    await sql`alter table assets add column search_vector tsvector generated always as (array_to_tsvector(string_to_array(search_text, ' '))) stored`.execute(
      db,
    );
    await sql`create index assets_search_idx on assets using gin (search_vector)`.execute(db);
    // A search for a common word walks the page's sort order and keeps the matching rows: with the
    // words in the index, that walk never reads the table (an index-only scan).
    await sql`create index assets_name_idx on assets (name, id) include (search_vector)`.execute(db);
    await sql`create index assets_updated_idx on assets (updated_at, id) include (search_vector)`.execute(db);
  } else {
    // Contentless, kept in step by the repository in the same transaction as each write.
    await sql`create virtual table assets_fts using fts5(search_text, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'")`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table assets_fts`.execute(db);
  await db.schema.dropTable('assets').execute();
}
