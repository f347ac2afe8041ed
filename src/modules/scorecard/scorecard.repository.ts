import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ScorecardSettingsTable, ScorecardSnapshotTable } from '../../db/schema/inventory.js';
import { updateVersioned } from '../../db/versioned.js';
import type { ScoredAsset } from './scored-asset.js';

/** A scored asset with what actions need: its office (scope) and its name. */
export interface StoredScoredAsset extends ScoredAsset {
  office_id: string;
  name: string;
}

export interface ScoredAssetFilter {
  /** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
  scope: ReadonlySet<string> | undefined;
  officeCode?: string;
  regionCode?: string;
  assetId?: string;
}

interface OfficePlace {
  id: string;
  code: string;
  name: string;
  region: { code: string; name: string } | null;
}

export type SettingsRow = Selectable<ScorecardSettingsTable>;
export type SnapshotRow = Selectable<ScorecardSnapshotTable>;

export const SETTINGS_ID = 'scorecard';
/** Rows read per query when loading assets: bounded memory per round trip, few round trips. */
const BATCH = 20_000;

/** SQL for the scorecard: the assets it scores, its settings and snapshots; no rules. */
export class ScorecardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The assets to score, with their office, region and department codes and names: only the columns
   * scoring reads, in batches by `seq` (keyset), so 100,000 assets take a handful of queries. Offices,
   * regions and departments are few: they are read once into maps rather than joined to every asset
   * (the joins doubled the cost of reading 100,000 assets), and the office and region filters become
   * a list of office ids.
   */
  async scoredAssets(filter: ScoredAssetFilter): Promise<StoredScoredAsset[]> {
    if (filter.scope?.size === 0) return [];
    const places = await this.places();
    let officeIds = filter.scope ? [...filter.scope] : undefined;
    if (filter.officeCode !== undefined || filter.regionCode !== undefined) {
      const matching = [...places.offices.values()].filter(
        (office) =>
          (filter.officeCode === undefined || office.code === filter.officeCode) &&
          (filter.regionCode === undefined || office.region?.code === filter.regionCode) &&
          (filter.scope === undefined || filter.scope.has(office.id)),
      );
      if (matching.length === 0) return [];
      officeIds = matching.map((office) => office.id);
    }
    // Department keys and names, once per office and department met.
    const departmentKeys = new Map<string, { key: string; name: string }>();
    const department = (office: OfficePlace, departmentId: string) => {
      const cacheKey = `${office.id}\u0000${departmentId}`;
      let found = departmentKeys.get(cacheKey);
      if (!found) {
        const row = places.departments.get(departmentId);
        if (!row) return undefined;
        // Department codes repeat across offices: the office code makes the key unique.
        found = { key: `${office.code}/${row.code}`, name: row.name };
        departmentKeys.set(cacheKey, found);
      }
      return found;
    };
    const assets: StoredScoredAsset[] = [];
    let after = -1;
    for (;;) {
      let query = this.db
        .selectFrom('assets')
        .select([
          'seq',
          'id',
          'name',
          'office_id',
          'department_id',
          'description',
          'purpose',
          'system_id',
          'data_owner_id',
          'data_custodian_id',
          'focal_point_id',
          'sensitivity_label',
          'personal_data',
          'legal_basis',
          'retention',
          'last_reviewed',
          'last_access_review',
        ])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(BATCH);
      if (officeIds) query = query.where('office_id', 'in', officeIds);
      if (filter.assetId !== undefined) query = query.where('id', '=', filter.assetId);
      const rows = await query.execute();
      for (const row of rows) {
        const office = places.offices.get(row.office_id);
        if (!office) continue;
        const unit = row.department_id === null ? undefined : department(office, row.department_id);
        assets.push({
          id: row.id,
          name: row.name,
          office_id: row.office_id,
          office_key: office.code,
          office_name: office.name,
          region_key: office.region?.code ?? null,
          region_name: office.region?.name ?? null,
          department_key: unit?.key ?? null,
          department_name: unit?.name ?? null,
          description: row.description,
          purpose: row.purpose,
          system_id: row.system_id,
          data_owner_id: row.data_owner_id,
          data_custodian_id: row.data_custodian_id,
          focal_point_id: row.focal_point_id,
          sensitivity_label: row.sensitivity_label,
          personal_data: row.personal_data === 1,
          legal_basis: row.legal_basis,
          retention: row.retention,
          last_reviewed: row.last_reviewed,
          last_access_review: row.last_access_review,
          fields: {},
        });
      }
      if (rows.length < BATCH) return assets;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  /** Every office with its region, and every department, by id. */
  private async places(): Promise<{
    offices: Map<string, OfficePlace>;
    departments: Map<string, { code: string; name: string }>;
  }> {
    const [regions, offices, departments] = await Promise.all([
      this.db.selectFrom('regions').select(['id', 'code', 'name']).execute(),
      this.db.selectFrom('offices').select(['id', 'code', 'name', 'region_id']).execute(),
      this.db.selectFrom('departments').select(['id', 'code', 'name']).execute(),
    ]);
    const regionById = new Map(regions.map((region) => [region.id, region]));
    return {
      offices: new Map(
        offices.map((office) => [
          office.id,
          {
            id: office.id,
            code: office.code,
            name: office.name,
            region: office.region_id === null ? null : (regionById.get(office.region_id) ?? null),
          },
        ]),
      ),
      departments: new Map(departments.map((row) => [row.id, { code: row.code, name: row.name }])),
    };
  }

  settings(): Promise<SettingsRow | undefined> {
    return this.db
      .selectFrom('scorecard_settings')
      .selectAll()
      .where('id', '=', SETTINGS_ID)
      .executeTakeFirst();
  }

  async insertSettings(row: SettingsRow): Promise<void> {
    await this.db.insertInto('scorecard_settings').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async updateSettings(version: number, changes: Omit<SettingsRow, 'id' | 'version'>): Promise<boolean> {
    return updateVersioned(this.db, 'scorecard_settings', SETTINGS_ID, version, changes);
  }

  async hasSnapshot(date: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('scorecard_snapshots')
      .select('id')
      .where('date', '=', date)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Replace the snapshots of one date (a re-run on the same date replaces the earlier one). */
  async replaceSnapshots(date: string, rows: readonly SnapshotRow[]): Promise<void> {
    await this.db.deleteFrom('scorecard_snapshots').where('date', '=', date).execute();
    for (let i = 0; i < rows.length; i += 500)
      await this.db
        .insertInto('scorecard_snapshots')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  /** Snapshots of one dimension (one key, or all), oldest first. */
  snapshots(dimension: string, range: { key?: string; from?: string; to?: string }): Promise<SnapshotRow[]> {
    let query = this.db.selectFrom('scorecard_snapshots').selectAll().where('dimension', '=', dimension);
    if (range.key !== undefined) query = query.where('key', '=', range.key);
    if (range.from !== undefined) query = query.where('date', '>=', range.from);
    if (range.to !== undefined) query = query.where('date', '<=', range.to);
    return query.orderBy('date').orderBy('key').execute();
  }

  /** The code of each office given, with its region's code and name (null when it has none). */
  async officeRegions(
    officeIds: ReadonlySet<string>,
  ): Promise<Map<string, { code: string | null; name: string | null }>> {
    if (officeIds.size === 0) return new Map();
    const rows = await this.db
      .selectFrom('offices')
      .leftJoin('regions', 'regions.id', 'offices.region_id')
      .select(['offices.code as office', 'regions.code as region', 'regions.name as region_name'])
      .where('offices.id', 'in', [...officeIds])
      .execute();
    return new Map(rows.map((row) => [row.office, { code: row.region, name: row.region_name }]));
  }

  /** The codes of the offices and regions of a caller's scope. */
  async scopeCodes(
    officeIds: ReadonlySet<string>,
    regionIds: ReadonlySet<string>,
  ): Promise<{ offices: Set<string>; regions: Set<string> }> {
    const offices = officeIds.size
      ? await this.db
          .selectFrom('offices')
          .select('code')
          .where('id', 'in', [...officeIds])
          .execute()
      : [];
    const regions = regionIds.size
      ? await this.db
          .selectFrom('regions')
          .select('code')
          .where('id', 'in', [...regionIds])
          .execute()
      : [];
    return { offices: new Set(offices.map((o) => o.code)), regions: new Set(regions.map((r) => r.code)) };
  }
}
