import type { Kysely } from 'kysely';

/*
 * Compliance assessments against a framework of the library (data/frameworks): one assessment per
 * framework and scope (the whole organisation when office_id is null, else an office or HQ department),
 * and the status each requirement was given, with its evidence links and linked risks.
 * Never edit after landing: add a new file.
 *
 * framework_id and requirement_id name entries of the shipped library, which lives in files, so they
 * carry no foreign key; the service checks them. risk_id names a record of the risk register, which
 * lands separately: no foreign key yet (the service checks it through an injected lookup).
 * Evidence of kind 'file' names a blob of the file store by its sha256 (reserved until it lands).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compliance_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.references('offices.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_assessments_office_idx')
    .on('compliance_assessments')
    .columns(['office_id', 'title'])
    .execute();
  await db.schema
    .createIndex('compliance_assessments_owner_idx')
    .on('compliance_assessments')
    .column('owner_id')
    .execute();

  await db.schema
    .createTable('compliance_requirement_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('compliance_assessments.id').onDelete('cascade'),
    )
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('not_applicable_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('compliance_requirement_assessments_key', ['assessment_id', 'requirement_id'])
    .execute();

  await db.schema
    .createTable('compliance_evidence_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('compliance_assessments.id').onDelete('cascade'),
    )
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'url' | 'file'
    .addColumn('url', 'text')
    .addColumn('title', 'text')
    .addColumn('sha256', 'text')
    .addColumn('name', 'text')
    .execute();
  await db.schema
    .createIndex('compliance_evidence_links_requirement_idx')
    .on('compliance_evidence_links')
    .columns(['assessment_id', 'requirement_id', 'position'])
    .execute();
  await db.schema
    .createIndex('compliance_evidence_links_sha256_idx')
    .on('compliance_evidence_links')
    .column('sha256')
    .execute();

  await db.schema
    .createTable('compliance_risk_links')
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('compliance_assessments.id').onDelete('cascade'),
    )
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('risk_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_risk_links_pk', ['assessment_id', 'requirement_id', 'risk_id'])
    .execute();
  await db.schema
    .createIndex('compliance_risk_links_risk_idx')
    .on('compliance_risk_links')
    .column('risk_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('compliance_risk_links').execute();
  await db.schema.dropTable('compliance_evidence_links').execute();
  await db.schema.dropTable('compliance_requirement_assessments').execute();
  await db.schema.dropTable('compliance_assessments').execute();
}
