import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { afterCursor, type Cursor } from '../../core/pagination.js';
import type { Database } from '../../db/schema.js';
import type { OfficeOnboardingTable, RolloutWaveTable } from '../../db/schema/inventory.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';

export type WaveRow = Selectable<RolloutWaveTable>;
export type OnboardingRow = Selectable<OfficeOnboardingTable>;

/** An office with its roll-out record (all onboarding fields null when it has none) and names to show. */
export interface OfficeRolloutRow {
  /** The office's id again, as the key of keyset pages. */
  id: string;
  office_id: string;
  office_code: string;
  office_name: string;
  region_id: string | null;
  region_code: string | null;
  region_name: string | null;
  onboarding_id: string | null;
  wave_id: string | null;
  wave_name: string | null;
  wave_number: number | null;
  status: string | null;
  focal_point_id: string | null;
  focal_point_name: string | null;
  focal_point_email: string | null;
  target_date: string | null;
  actual_date: string | null;
  notes: string | null;
  version: number | null;
  updated_at: string | null;
}

export interface OfficeRolloutFilter {
  /** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
  scope: ReadonlySet<string> | undefined;
  regionId?: string;
  /** A wave, or null for offices in no wave. */
  waveId?: string | null;
  status?: string;
  /** Overdue on this day (YYYY-MM-DD), or not overdue on it. */
  overdue?: { today: string; value: boolean };
}

type Tables = Database & { ob: OfficeOnboardingTable };

/** SQL for roll-out waves and offices' onboarding records; no rules. `db` may be a transaction. */
export class RolloutRepository {
  constructor(private readonly db: Kysely<Database>) {}

  listWaves(regionIds?: ReadonlySet<string>, regionId?: string): Promise<WaveRow[]> {
    let query = this.db.selectFrom('rollout_waves').selectAll();
    if (regionIds) query = query.where('region_id', 'in', regionIds.size ? [...regionIds] : ['']);
    if (regionId) query = query.where('region_id', '=', regionId);
    return query.orderBy('region_id').orderBy('number').execute();
  }

  findWave(id: string): Promise<WaveRow | undefined> {
    return this.db.selectFrom('rollout_waves').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertWave(row: WaveRow): Promise<void> {
    await this.db.insertInto('rollout_waves').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async updateWave(id: string, version: number, changes: Partial<WaveRow>): Promise<boolean> {
    return updateVersioned(this.db, 'rollout_waves', id, version, changes);
  }

  async deleteWave(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'rollout_waves', id, version);
  }

  /** Offices whose roll-out record names the wave. */
  async countWaveOffices(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('office_onboarding')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Offices with their roll-out, by office name: up to `limit + 1` rows after the cursor (a page and
   * whether another follows), or every one when `limit` is undefined.
   */
  async listOffices(
    filter: OfficeRolloutFilter,
    window: { cursor: Cursor | null; limit?: number },
  ): Promise<OfficeRolloutRow[]> {
    if (filter.scope?.size === 0) return [];
    let query = this.officesQuery();
    if (filter.scope) query = query.where('offices.id', 'in', [...filter.scope]);
    if (filter.regionId) query = query.where('offices.region_id', '=', filter.regionId);
    if (filter.waveId !== undefined)
      query =
        filter.waveId === null
          ? query.where('ob.wave_id', 'is', null)
          : query.where('ob.wave_id', '=', filter.waveId);
    if (filter.status === 'not_started')
      query = query.where((eb) => eb.or([eb('ob.id', 'is', null), eb('ob.status', '=', 'not_started')]));
    else if (filter.status) query = query.where('ob.status', '=', filter.status);
    const overdue = filter.overdue;
    if (overdue)
      query = query.where((eb) =>
        overdue.value ? overdueCondition(eb, overdue.today) : eb.not(overdueCondition(eb, overdue.today)),
      );
    if (window.cursor) query = query.where(afterCursor('offices.name', 'asc', window.cursor));
    query = query.orderBy('offices.name').orderBy('offices.id');
    return window.limit === undefined ? query.execute() : query.limit(window.limit + 1).execute();
  }

  findOffice(officeId: string): Promise<OfficeRolloutRow | undefined> {
    return this.officesQuery().where('offices.id', '=', officeId).executeTakeFirst();
  }

  findOnboarding(officeId: string): Promise<OnboardingRow | undefined> {
    return this.db
      .selectFrom('office_onboarding')
      .selectAll()
      .where('office_id', '=', officeId)
      .executeTakeFirst();
  }

  async insertOnboarding(row: OnboardingRow): Promise<void> {
    await this.db.insertInto('office_onboarding').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async updateOnboarding(
    officeId: string,
    version: number,
    changes: Partial<OnboardingRow>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('office_onboarding')
      .set({ ...changes, version: version + 1 })
      .where('office_id', '=', officeId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async personExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  private officesQuery() {
    return this.db
      .selectFrom('offices')
      .leftJoin('office_onboarding as ob', 'ob.office_id', 'offices.id')
      .leftJoin('regions', 'regions.id', 'offices.region_id')
      .leftJoin('rollout_waves', 'rollout_waves.id', 'ob.wave_id')
      .leftJoin('people', 'people.id', 'ob.focal_point_id')
      .select([
        'offices.id',
        'offices.id as office_id',
        'offices.code as office_code',
        'offices.name as office_name',
        'offices.region_id',
        'regions.code as region_code',
        'regions.name as region_name',
        'ob.id as onboarding_id',
        'ob.wave_id',
        'rollout_waves.name as wave_name',
        'rollout_waves.number as wave_number',
        'ob.status',
        'ob.focal_point_id',
        'people.full_name as focal_point_name',
        'people.email as focal_point_email',
        'ob.target_date',
        'ob.actual_date',
        'ob.notes',
        'ob.version',
        'ob.updated_at',
      ]);
  }
}

/** Target date before `today` and not complete (an office without a record has no target). */
function overdueCondition(eb: ExpressionBuilder<Tables, 'ob'>, today: string) {
  return eb.and([
    eb('ob.target_date', 'is not', null),
    eb('ob.target_date', '<', today),
    eb('ob.status', '<>', 'complete'),
  ]);
}
