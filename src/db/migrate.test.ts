import { expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { describeEachDialect, openTestDb } from './testing/dialects.js';

describeEachDialect('migrations', ({ db, dialect }) => {
  it('migrates a database while another migrated Custos schema shares the server', async () => {
    // On PostgreSQL `db()` is a migrated schema of its own; the second must not mistake its tables for ours.
    expect(db().dialect).toBe(dialect);
    const second = await openTestDb(dialect);
    try {
      const tables = await second.kysely.introspection.getTables();
      expect(tables.map((t) => t.name)).toContain('people');
      expect(await migrateToLatest(second)).toEqual({ applied: [] });
      const applied = await second.kysely
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(applied).toHaveLength(Object.keys(MIGRATIONS).length);
    } finally {
      await second.close();
    }
  });
});
