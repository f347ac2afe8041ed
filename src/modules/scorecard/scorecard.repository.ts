import type { Kysely, Selectable } from 'kysely';
import type { Database, ScorecardSettingsTable, ScorecardSnapshotTable } from '../../db/schema.js';
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
   * scoring reads, in batches by `seq` (keyset), so 100,000 assets take a handful of queries.
   */
  async scoredAssets(filter: ScoredAssetFilter): Promise<StoredScoredAsset[]> {
    if (filter.scope?.size === 0) return [];
    const scope = filter.scope ? [...filter.scope] : undefined;
    const assets: StoredScoredAsset[] = [];
    let after = -1;
    for (;;) {
      let query = this.db
        .selectFrom('assets')
        .innerJoin('offices', 'offices.id', 'assets.office_id')
        .leftJoin('regions', 'regions.id', 'offices.region_id')
        .leftJoin('departments', 'departments.id', 'assets.department_id')
        .select([
          'assets.seq',
          'assets.id',
          'assets.name',
          'assets.office_id',
          'offices.code as office_code',
          'offices.name as office_name',
          'regions.code as region_code',
          'regions.name as region_name',
          'departments.code as department_code',
          'departments.name as department_name',
          'assets.description',
          'assets.purpose',
          'assets.system_id',
          'assets.data_owner_id',
          'assets.data_custodian_id',
          'assets.focal_point_id',
          'assets.sensitivity_label',
          'assets.personal_data',
          'assets.legal_basis',
          'assets.retention',
          'assets.last_reviewed',
          'assets.last_access_review',
        ])
        .where('assets.seq', '>', after)
        .orderBy('assets.seq')
        .limit(BATCH);
      if (scope) query = query.where('assets.office_id', 'in', scope);
      if (filter.officeCode !== undefined) query = query.where('offices.code', '=', filter.officeCode);
      if (filter.regionCode !== undefined) query = query.where('regions.code', '=', filter.regionCode);
      if (filter.assetId !== undefined) query = query.where('assets.id', '=', filter.assetId);
      const rows = await query.execute();
      for (const row of rows) {
        assets.push({
          id: row.id,
          name: row.name,
          office_id: row.office_id,
          office_key: row.office_code,
          office_name: row.office_name,
          region_key: row.region_code,
          region_name: row.region_name,
          // Department codes repeat across offices: the office code makes the key unique.
          department_key: row.department_code === null ? null : `${row.office_code}/${row.department_code}`,
          department_name: row.department_name,
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
    const result = await this.db
      .updateTable('scorecard_settings')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', SETTINGS_ID)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
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
