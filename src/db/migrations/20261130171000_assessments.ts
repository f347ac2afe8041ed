import type { Kysely } from 'kysely';

/*
 * Assessments run from templates (DPIA, AI impact, data sharing, AI vendor). Never edit after landing:
 * add a new file.
 *
 * Shipped templates are data files (data/assessments/*.yaml); `assessment_templates` holds the ones
 * admins add, as JSON of the same schema. An assessment keeps a copy of the template it was started
 * from, so a template changed later never changes what was asked. `revision` counts completions:
 * completing stores a snapshot in `assessment_versions` and locks the assessment; reopening starts
 * the next revision. Evidence files are `file_attachments` with owner kind 'assessment'.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('subject_text', 'text')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('assessments_office_idx')
    .on('assessments')
    .columns(['office_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('assessments_updated_idx')
    .on('assessments')
    .columns(['updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('assessment_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('question_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('recommendation', 'text')
    .addColumn('risk_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_findings_assessment_idx')
    .on('assessment_findings')
    .column('assessment_id')
    .execute();

  await db.schema
    .createTable('assessment_versions')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_versions_pkey', ['assessment_id', 'revision'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_versions').execute();
  await db.schema.dropTable('assessment_findings').execute();
  await db.schema.dropTable('assessments').execute();
  await db.schema.dropTable('assessment_templates').execute();
}
