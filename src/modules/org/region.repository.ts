import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RegionTable } from '../../db/schema/org.js';

export type RegionRow = Selectable<RegionTable>;

/** SQL for regions; no rules. `db` may be a transaction. */
export class RegionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(ids?: ReadonlySet<string>): Promise<RegionRow[]> {
    let query = this.db.selectFrom('regions').selectAll().orderBy('name').orderBy('id');
    if (ids) query = query.where('id', 'in', ids.size ? [...ids] : ['']);
    return query.execute();
  }

  findById(id: string): Promise<RegionRow | undefined> {
    return this.db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByCode(code: string): Promise<RegionRow | undefined> {
    return this.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async insert(row: RegionRow): Promise<void> {
    await this.db.insertInto('regions').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async update(id: string, version: number, changes: Partial<RegionRow>): Promise<boolean> {
    const result = await this.db
      .updateTable('regions')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('regions')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async countOffices(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('offices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
