import type { Kysely } from 'kysely';

/*
 * The AI systems register and the versioned EU AI Act classifications of each system, with their
 * verification workflow (draft → submitted → under_review → verified | changes_requested).
 * Never edit after landing: add a new file.
 *
 * JSON lists are stored as text; booleans as 0/1; search_text is the folded words `q` looks for (LIKE). `tier` and `next_review_date` on ai_systems are set
 * by the last verified classification (null until one is verified).
 */

const PEOPLE_COLUMNS = ['business_owner_id', 'technical_owner_id'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  let systems = db.schema
    .createTable('ai_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_description', 'text')
    .addColumn('purpose', 'text')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'));
  for (const column of PEOPLE_COLUMNS)
    systems = systems.addColumn(column, 'text', (c) => c.references('people.id'));
  await systems
    .addColumn('provider', 'text')
    .addColumn('contract', 'text')
    .addColumn('models', 'text', (c) => c.notNull())
    .addColumn('deployment', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('users', 'text')
    .addColumn('affected_people', 'text', (c) => c.notNull())
    .addColumn('decisions_informed', 'text')
    .addColumn('human_oversight', 'text')
    .addColumn('personal_data', 'integer', (c) => c.notNull())
    .addColumn('approval_status', 'text', (c) => c.notNull())
    .addColumn('approval_conditions', 'text')
    .addColumn('dpia_done', 'integer', (c) => c.notNull())
    .addColumn('dpia_reference', 'text')
    .addColumn('usage_app_ids', 'text', (c) => c.notNull())
    .addColumn('data_asset_ids', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('next_review_date', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Keyset pages: ORDER BY <column>, id; filters; the foreign keys checked when a referenced row is deleted.
  await db.schema.createIndex('ai_systems_name_idx').on('ai_systems').columns(['name', 'id']).execute();
  await db.schema
    .createIndex('ai_systems_updated_idx')
    .on('ai_systems')
    .columns(['updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('ai_systems_office_idx')
    .on('ai_systems')
    .columns(['office_id', 'name', 'id'])
    .execute();
  await db.schema.createIndex('ai_systems_department_idx').on('ai_systems').column('department_id').execute();
  await db.schema.createIndex('ai_systems_review_idx').on('ai_systems').column('next_review_date').execute();
  for (const column of PEOPLE_COLUMNS)
    await db.schema
      .createIndex(`ai_systems_${column.replace(/_id$/, '')}_idx`)
      .on('ai_systems')
      .column(column)
      .execute();

  await db.schema
    .createTable('ai_classifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('derogation_justification', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comments', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ai_classifications_system_number_key', ['ai_system_id', 'number'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ai_classifications').execute();
  await db.schema.dropTable('ai_systems').execute();
}
