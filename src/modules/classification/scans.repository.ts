import type { Kysely, Selectable } from 'kysely';
import { afterCursor, type Cursor } from '../../core/pagination.js';
import type { Database } from '../../db/schema.js';
import type { ScanDatasetTable, ScanTable } from '../../db/schema/inventory.js';
import { updateVersioned } from '../../db/versioned.js';

export type ScanRow = Selectable<ScanTable>;
export type ScanDatasetRow = Selectable<ScanDatasetTable>;

/** A scan with its job's status and its datasets' tallies, as lists show it. */
export interface ScanListRow extends ScanRow {
  status: string;
  confirmed_count: number;
}

/** A dataset with the name of the asset its label was written to. */
export interface ScanDatasetListRow extends ScanDatasetRow {
  asset_name: string | null;
}

export interface ScanFilter {
  /** Offices the caller may see (undefined: all); scans the caller started are always seen. */
  scope: ReadonlySet<string> | undefined;
  userId: string | null;
  officeId?: string;
}

/** SQL for scans and their datasets; no rules. `db` may be a transaction. */
export class ScanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private listQuery() {
    return this.db
      .selectFrom('scans')
      .innerJoin('jobs', 'jobs.id', 'scans.job_id')
      .selectAll('scans')
      .select('jobs.status as status')
      .select((eb) =>
        eb
          .selectFrom('scan_datasets')
          .whereRef('scan_datasets.scan_id', '=', 'scans.id')
          .where('scan_datasets.label', 'is not', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('confirmed_count'),
      );
  }

  async insert(row: ScanRow): Promise<void> {
    await this.db.insertInto('scans').values(row).execute();
  }

  /**
   * Newest first (ties by id), up to `limit + 1` rows after the cursor, so the caller can tell
   * whether another page follows.
   */
  async list(filter: ScanFilter, window: { cursor: Cursor | null; limit: number }): Promise<ScanListRow[]> {
    let query = this.listQuery();
    if (filter.scope) {
      const offices = [...filter.scope];
      const userId = filter.userId;
      query = query.where((eb) =>
        eb.or([
          ...(offices.length > 0 ? [eb('scans.office_id', 'in', offices)] : []),
          ...(userId ? [eb('scans.created_by', '=', userId)] : []),
          eb.lit(false),
        ]),
      );
    }
    if (filter.officeId) query = query.where('scans.office_id', '=', filter.officeId);
    if (window.cursor) query = query.where(afterCursor('scans.created_at', 'desc', window.cursor));
    const rows = await query
      .orderBy('scans.created_at', 'desc')
      .orderBy('scans.id', 'desc')
      .limit(window.limit + 1)
      .execute();
    return rows.map((row) => ({ ...row, confirmed_count: Number(row.confirmed_count ?? 0) }));
  }

  async findById(id: string): Promise<ScanListRow | undefined> {
    const row = await this.listQuery().where('scans.id', '=', id).executeTakeFirst();
    return row && { ...row, confirmed_count: Number(row.confirmed_count ?? 0) };
  }

  async findByJob(jobId: string): Promise<ScanRow | undefined> {
    return this.db.selectFrom('scans').selectAll().where('job_id', '=', jobId).executeTakeFirst();
  }

  datasets(scanId: string): Promise<ScanDatasetListRow[]> {
    return this.db
      .selectFrom('scan_datasets')
      .leftJoin('assets', 'assets.id', 'scan_datasets.asset_id')
      .selectAll('scan_datasets')
      .select('assets.name as asset_name')
      .where('scan_datasets.scan_id', '=', scanId)
      .orderBy('scan_datasets.position')
      .execute();
  }

  /** The proposed labels of each scan's datasets (for the list's "highest proposed"). */
  async proposedLabels(scanIds: readonly string[]): Promise<Map<string, string[]>> {
    const byScan = new Map<string, string[]>();
    if (scanIds.length === 0) return byScan;
    const rows = await this.db
      .selectFrom('scan_datasets')
      .select(['scan_id', 'proposed_label'])
      .where('scan_id', 'in', [...scanIds])
      .execute();
    for (const row of rows) byScan.set(row.scan_id, [...(byScan.get(row.scan_id) ?? []), row.proposed_label]);
    return byScan;
  }

  dataset(scanId: string, position: number): Promise<ScanDatasetRow | undefined> {
    return this.db
      .selectFrom('scan_datasets')
      .selectAll()
      .where('scan_id', '=', scanId)
      .where('position', '=', position)
      .executeTakeFirst();
  }

  /**
   * The asset of `officeId` a scanned source belongs to: the one an earlier scan of the same source
   * was linked to (the latest), else the asset of that office named `name` when there is exactly one.
   */
  async assetForSource(
    source: string,
    name: string,
    officeId: string,
  ): Promise<
    { kind: 'found'; id: string; name: string; label: string | null } | { kind: 'none' | 'ambiguous' }
  > {
    const linked = await this.db
      .selectFrom('scan_datasets')
      .innerJoin('assets', 'assets.id', 'scan_datasets.asset_id')
      .select(['assets.id', 'assets.name', 'assets.sensitivity_label'])
      .where('scan_datasets.source', '=', source)
      .where('assets.office_id', '=', officeId)
      .orderBy('scan_datasets.created_at', 'desc')
      .orderBy('scan_datasets.id', 'desc')
      .executeTakeFirst();
    const named = linked
      ? [linked]
      : await this.db
          .selectFrom('assets')
          .select(['id', 'name', 'sensitivity_label'])
          .where('office_id', '=', officeId)
          .where('name', '=', name)
          .limit(2)
          .execute();
    if (named.length > 1) return { kind: 'ambiguous' };
    const [asset] = named;
    return asset
      ? { kind: 'found', id: asset.id, name: asset.name, label: asset.sensitivity_label }
      : { kind: 'none' };
  }

  /** Store a finished scan's result: its datasets and the sources that failed. */
  async finish(scanId: string, datasets: ScanDatasetRow[], errorsJson: string, now: string): Promise<void> {
    for (let i = 0; i < datasets.length; i += 200)
      await this.db
        .insertInto('scan_datasets')
        .values(datasets.slice(i, i + 200))
        .execute();
    await this.db
      .updateTable('scans')
      .set({ errors_json: errorsJson, dataset_count: datasets.length, finished_at: now })
      .where('id', '=', scanId)
      .execute();
  }

  /** Write a label decision if the dataset is still at `version`; false when it is not. */
  async decide(
    id: string,
    version: number,
    decision: Pick<
      ScanDatasetRow,
      | 'label'
      | 'label_change'
      | 'justification'
      | 'asset_id'
      | 'decided_by'
      | 'decided_by_label'
      | 'decided_at'
    >,
  ): Promise<boolean> {
    return updateVersioned(this.db, 'scan_datasets', id, version, {
      ...decision,
      updated_at: decision.decided_at!,
    });
  }
}
