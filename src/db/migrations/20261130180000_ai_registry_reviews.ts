import type { Kysely } from 'kysely';

/*
 * The AI systems register, continued: which fields of each system the public register shows
 * (public_fields, a JSON array of field names), and the register's settings (one row: the months
 * from verification to the next review, by tier). Never edit after landing: add a new file.
 */

/** The fields published before per-field flags existed: existing systems keep showing exactly these. */
const PUBLISHED_BEFORE = [
  'public_description',
  'purpose',
  'office_id',
  'department_id',
  'provider',
  'models',
  'deployment',
  'lifecycle',
  'affected_people',
  'decisions_informed',
  'human_oversight',
  'dpia_done',
  'tier',
  'next_review_date',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ai_systems')
    .addColumn('public_fields', 'text', (c) => c.notNull().defaultTo(JSON.stringify(PUBLISHED_BEFORE)))
    .execute();
  await db.schema
    .createTable('ai_registry_settings')
    .addColumn('id', 'text', (c) => c.primaryKey()) // always 'ai_registry': a single row
    .addColumn('review_months', 'text', (c) => c.notNull()) // JSON: tier → months
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ai_registry_settings').execute();
  await db.schema.alterTable('ai_systems').dropColumn('public_fields').execute();
}
