import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RegionTable } from '../../db/schema/org.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { countReferences } from './org.queries.js';

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
  update(id: string, version: number, changes: Partial<RegionRow>): Promise<boolean> {
    return updateVersioned(this.db, 'regions', id, version, changes);
  }

  /** Returns false when the version did not match (nothing deleted). */
  delete(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'regions', id, version);
  }

  countOffices(id: string): Promise<number> {
    return countReferences(this.db, 'offices', 'region_id', id);
  }
}
