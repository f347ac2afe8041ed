import { expect, it } from 'vitest';
import { isUuid } from '../core/ids.js';
import { describeEachDialect } from './testing/dialects.js';

describeEachDialect('the instance marker migration', ({ db }) => {
  it('marks the database as Custos with an instance id of its own', async () => {
    const rows = await db()
      .kysely.selectFrom('custos_meta')
      .select(['key', 'value'])
      .where('key', 'in', ['custos_instance', 'schema_family'])
      .orderBy('key')
      .execute();
    expect(rows.map((r) => r.key)).toEqual(['custos_instance', 'schema_family']);
    expect(isUuid(rows[0]!.value)).toBe(true);
    expect(rows[1]!.value).toBe('custos');
  });
});
