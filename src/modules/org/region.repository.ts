import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RegionTable } from '../../db/schema/org.js';
import { countReferences, OrgRows } from './org.queries.js';

export type RegionRow = Selectable<RegionTable>;

/** SQL for regions; no rules. `db` may be a transaction. */
export class RegionRepository extends OrgRows<'regions'> {
  constructor(db: Kysely<Database>) {
    super(db, 'regions');
  }

  list(ids?: ReadonlySet<string>): Promise<RegionRow[]> {
    let query = this.db.selectFrom('regions').selectAll().orderBy('name').orderBy('id');
    if (ids) query = query.where('id', 'in', ids.size ? [...ids] : ['']);
    return query.execute();
  }

  findByCode(code: string): Promise<RegionRow | undefined> {
    return this.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  countOffices(id: string): Promise<number> {
    return countReferences(this.db, 'offices', 'region_id', id);
  }
}
