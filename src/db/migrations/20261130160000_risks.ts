import type { Kysely } from 'kysely';

/*
 * The risk register: risks of an office (or HQ department), their links to what they concern
 * (data assets, AI systems, AI usage apps, other offices), their treatments (each open treatment is
 * also an action of source `risk`) and the sign-offs that accept them.
 * Never edit after landing: add a new file.
 *
 * `level` is the current level (residual when scored, else inherent), kept for filtering;
 * `acceptance_expires_on` is the expiry of the sign-off in force (null unless accepted).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('consequence', 'text')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('proposer_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('inherent_likelihood', 'integer', (c) => c.notNull())
    .addColumn('inherent_impact', 'integer', (c) => c.notNull())
    .addColumn('existing_controls', 'text')
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('treatment', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_review_date', 'text')
    .addColumn('acceptance_expires_on', 'text')
    .addColumn('source', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risks_title_idx').on('risks').columns(['title', 'id']).execute();
  await db.schema.createIndex('risks_updated_idx').on('risks').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('risks_office_idx').on('risks').columns(['office_id', 'title', 'id']).execute();
  await db.schema.createIndex('risks_department_idx').on('risks').column('department_id').execute();
  await db.schema.createIndex('risks_owner_idx').on('risks').column('owner_person_id').execute();
  await db.schema.createIndex('risks_proposer_idx').on('risks').column('proposer_person_id').execute();
  await db.schema.createIndex('risks_review_idx').on('risks').column('next_review_date').execute();

  // What a risk concerns: kind asset | ai_system | usage_app | office; target an id (a catalogue id for apps).
  await db.schema
    .createTable('risk_links')
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_links_pkey', ['risk_id', 'kind', 'target_id'])
    .execute();
  await db.schema
    .createIndex('risk_links_target_idx')
    .on('risk_links')
    .columns(['kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('risk_treatments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_treatments_risk_idx').on('risk_treatments').column('risk_id').execute();
  await db.schema
    .createIndex('risk_treatments_owner_idx')
    .on('risk_treatments')
    .column('owner_person_id')
    .execute();

  await db.schema
    .createTable('risk_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signer_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_acceptances_risk_idx')
    .on('risk_acceptances')
    .columns(['risk_id', 'signed_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risk_acceptances').execute();
  await db.schema.dropTable('risk_treatments').execute();
  await db.schema.dropTable('risk_links').execute();
  await db.schema.dropTable('risks').execute();
}
