import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * The content-addressed file store. Never edit after landing: add a new file.
 *
 * `files` keeps each distinct content once, keyed by its SHA-256 (bytes in the database, so a backup
 * of the database is a backup of the evidence, on SQLite and PostgreSQL alike). `file_attachments`
 * links a file to the record that owns it (owner kind + id, and an optional slot such as a
 * question id) under the name it was uploaded with; the owner's permissions decide who sees it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('file_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('owner_slot', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('file_attachments_owner_idx')
    .on('file_attachments')
    .columns(['owner_kind', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('file_attachments_sha256_idx')
    .on('file_attachments')
    .column('sha256')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('file_attachments').execute();
  await db.schema.dropTable('files').execute();
}
