import type { Kysely } from 'kysely';

/*
 * The AI systems register, continued: the languages (ISO 639-1) and countries (ISO 3166-1 alpha-2)
 * a system works in, as JSON arrays ('[]' for existing systems), and two texts: the alternatives
 * considered and the risks and their mitigations (null for existing systems). Languages and
 * countries are public by default, so existing systems get them added to their public_fields (they
 * are empty until someone fills them, so nothing published changes). Never edit after landing.
 */

const NEW_PUBLIC = ['languages', 'countries'];

/** The publishable fields in their order as of this migration (public_fields is stored in it). */
const ORDER = [
  'public_description',
  'purpose',
  'office_id',
  'department_id',
  'business_owner_id',
  'technical_owner_id',
  'provider',
  'contract',
  'models',
  'deployment',
  'lifecycle',
  'users',
  'affected_people',
  'decisions_informed',
  'human_oversight',
  'personal_data',
  'approval_status',
  'dpia_done',
  'dpia_reference',
  'data_asset_ids',
  'languages',
  'countries',
  'alternatives_considered',
  'risks_and_mitigations',
  'tier',
  'next_review_date',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ai_systems')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('ai_systems')
    .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('ai_systems').addColumn('alternatives_considered', 'text').execute();
  await db.schema.alterTable('ai_systems').addColumn('risks_and_mitigations', 'text').execute();
  const rows = (await db.selectFrom('ai_systems').select(['id', 'public_fields']).execute()) as {
    id: string;
    public_fields: string;
  }[];
  for (const row of rows) {
    const fields = [...(JSON.parse(row.public_fields) as string[]), ...NEW_PUBLIC];
    await db
      .updateTable('ai_systems')
      .set({ public_fields: JSON.stringify(ORDER.filter((field) => fields.includes(field))) })
      .where('id', '=', row.id)
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['risks_and_mitigations', 'alternatives_considered', 'countries', 'languages'])
    await db.schema.alterTable('ai_systems').dropColumn(column).execute();
}
