import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { openDb, type Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';

/* 20261130240000_ai_system_context (public_fields kept in PUBLISHABLE_FIELDS order) on a register that already holds a system (SQLite). */
describe('adding languages, countries, alternatives and risks to existing AI systems', () => {
  let db: Db;
  beforeAll(async () => {
    db = openDb('sqlite::memory:');
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => MIGRATIONS },
    });
    const { error } = await migrator.migrateTo('20261130210000_compliance');
    if (error) throw error;
    await sql`PRAGMA foreign_keys = OFF`.execute(db.kysely);
    const now = '2026-11-01T00:00:00.000Z';
    for (const [id, publicFields] of [
      ['a', '["purpose","tier"]'],
      ['b', '[]'],
    ] as const)
      await sql`insert into ai_systems (id, name, office_id, models, lifecycle, affected_people, personal_data,
        approval_status, dpia_done, usage_app_ids, data_asset_ids, public, public_fields, search_text, version,
        created_at, updated_at)
        values (${id}, 'Old system', 'office', '[]', 'idea', '[]', 0, 'under_review', 0, '[]', '[]', 1,
        ${publicFields}, 'old system', 1, ${now}, ${now})`.execute(db.kysely);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives them no languages, countries or texts, and publishes languages and countries beside their fields', async () => {
    const rows = await db.kysely
      .selectFrom('ai_systems')
      .select([
        'id',
        'languages',
        'countries',
        'alternatives_considered',
        'risks_and_mitigations',
        'public_fields',
        'version',
      ])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: 'a',
        languages: '[]',
        countries: '[]',
        alternatives_considered: null,
        risks_and_mitigations: null,
        public_fields: '["purpose","languages","countries","tier"]',
        version: 1,
      },
      {
        id: 'b',
        languages: '[]',
        countries: '[]',
        alternatives_considered: null,
        risks_and_mitigations: null,
        public_fields: '["languages","countries"]',
        version: 1,
      },
    ]);
  });
});
