import type { Kysely } from 'kysely';
import { ASSET_SEARCH, indexNewDocuments, reindexDocuments, unindexDocuments } from '../../db/fulltext.js';
import type { Database } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned.js';
import {
  ASSET_COLUMNS,
  AssetListQuery,
  type AssetFilter,
  type AssetWindow,
  type SearchPlanning,
} from './asset.list.js';
import type { AssetRow } from './asset.present.js';
import type { AssetType } from './asset.schema.js';

/** The columns of a reference another record makes, for the checks of a write. */
export interface OfficeRef {
  id: string;
  code: string;
}
export interface DepartmentRef {
  id: string;
  office_id: string;
}
export interface PersonRef {
  id: string;
  active: number;
}

/**
 * SQL for assets; no rules. `db` may be a transaction. Every write keeps the full-text index in step
 * (src/db/fulltext.ts), so callers never have to.
 */
export class AssetRepository {
  private readonly listQuery: AssetListQuery;

  constructor(
    private readonly db: Kysely<Database>,
    planning: Partial<SearchPlanning> = {},
  ) {
    this.listQuery = new AssetListQuery(db, planning);
  }

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  list(filter: AssetFilter, window: AssetWindow): Promise<AssetRow[]> {
    return this.listQuery.list(filter, window);
  }

  findById(id: string): Promise<AssetRow | undefined> {
    return this.db.selectFrom('assets').select(ASSET_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: readonly string[]): Promise<Map<string, AssetRow>> {
    return mapInChunks(
      ids,
      (chunk) => this.db.selectFrom('assets').select(ASSET_COLUMNS).where('id', 'in', chunk).execute(),
      (row) => [row.id, row],
    );
  }

  /** The assets a system holds (one level). */
  children(systemId: string): Promise<AssetRow[]> {
    return this.db
      .selectFrom('assets')
      .select(ASSET_COLUMNS)
      .where('system_id', '=', systemId)
      .orderBy('id')
      .execute();
  }

  async countChildren(systemId: string): Promise<number> {
    const row = await this.db
      .selectFrom('assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('system_id', '=', systemId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Rows without `seq`: the database assigns it. */
  async insert(rows: readonly Omit<AssetRow, 'seq'>[]): Promise<void> {
    for (const chunk of chunks(rows, 50)) await this.db.insertInto('assets').values(chunk).execute();
    await indexNewDocuments(
      this.db,
      ASSET_SEARCH,
      rows.map((row) => row.id),
    );
  }

  /** Returns false when the version did not match (nothing changed). */
  async update(
    id: string,
    version: number,
    changes: Partial<Omit<AssetRow, 'seq' | 'id'>>,
  ): Promise<boolean> {
    const updated = await updateVersioned(this.db, 'assets', id, version, changes);
    if (updated && changes.search_text !== undefined) await reindexDocuments(this.db, ASSET_SEARCH, [id]);
    return updated;
  }

  /**
   * Store search text derived from another record (a system's new name on its assets): no new
   * version, as nothing the asset says changed.
   */
  async setSearchText(updates: readonly { id: string; search_text: string }[]): Promise<void> {
    for (const { id, search_text } of updates)
      await this.db.updateTable('assets').set({ search_text }).where('id', '=', id).execute();
    await reindexDocuments(
      this.db,
      ASSET_SEARCH,
      updates.map((u) => u.id),
    );
  }

  async delete(id: string, version: number): Promise<boolean> {
    const current = await this.db
      .selectFrom('assets')
      .select('id')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!current) return false;
    await unindexDocuments(this.db, ASSET_SEARCH, [id]);
    const result = await this.db.deleteFrom('assets').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  // The records an asset points at, for the checks of a write (read in the writing transaction).

  offices(ids: readonly string[]): Promise<Map<string, OfficeRef>> {
    return mapInChunks(
      ids,
      (chunk) => this.db.selectFrom('offices').select(['id', 'code']).where('id', 'in', chunk).execute(),
      (row) => [row.id, row],
    );
  }

  departments(ids: readonly string[]): Promise<Map<string, DepartmentRef>> {
    return mapInChunks(
      ids,
      (chunk) =>
        this.db.selectFrom('departments').select(['id', 'office_id']).where('id', 'in', chunk).execute(),
      (row) => [row.id, row],
    );
  }

  people(ids: readonly string[]): Promise<Map<string, PersonRef>> {
    return mapInChunks(
      ids,
      (chunk) => this.db.selectFrom('people').select(['id', 'active']).where('id', 'in', chunk).execute(),
      (row) => [row.id, row],
    );
  }

  /** People by e-mail (stored lower-case): e-mail → id. */
  peopleByEmail(emails: readonly string[]): Promise<Map<string, string>> {
    return mapInChunks(
      [...new Set(emails)],
      (chunk) => this.db.selectFrom('people').select(['id', 'email']).where('email', 'in', chunk).execute(),
      (row) => [row.email, row.id],
    );
  }

  /** People's e-mails by id. */
  peopleEmails(ids: readonly string[]): Promise<Map<string, string>> {
    return mapInChunks(
      [...new Set(ids)],
      (chunk) => this.db.selectFrom('people').select(['id', 'email']).where('id', 'in', chunk).execute(),
      (row) => [row.id, row.email],
    );
  }

  /** The assets of an office that can hold others (`types`), for naming a system by its name. */
  systemsOf(officeId: string, types: readonly AssetType[]): Promise<{ id: string; name: string }[]> {
    return this.db
      .selectFrom('assets')
      .select(['id', 'name'])
      .where('office_id', '=', officeId)
      .where('asset_type', 'in', [...types])
      .orderBy('id')
      .execute();
  }
}

/** Split long `in (...)` lists and multi-row inserts below both dialects' parameter limits. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows read `chunks` of keys at a time (bounded parameter lists), as a map. */
async function mapInChunks<R, V>(
  keys: readonly string[],
  read: (chunk: string[]) => Promise<R[]>,
  entry: (row: R) => [string, V],
): Promise<Map<string, V>> {
  const found = new Map<string, V>();
  for (const chunk of chunks(keys)) for (const row of await read(chunk)) found.set(...entry(row));
  return found;
}
