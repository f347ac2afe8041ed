import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors, type FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, regionInScope, requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isForeignKeyViolation,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { RegionService } from '../org/region.service.js';
import { computeProgress } from './rollout-progress.js';
import { presentOfficeRollout } from './rollout.present.js';
import { RolloutRepository, type OnboardingRow, type WaveRow } from './rollout.repository.js';
import { actualDateIssues, waveDateIssues } from './rollout.rules.js';
import {
  NO_WAVE,
  type OfficeRollout,
  type OfficeRolloutListQuery,
  type OfficeRolloutUpdate,
  type RolloutProgress,
  type Wave,
  type WaveCreate,
  type WaveListQuery,
  type WaveUpdate,
} from './rollout.schema.js';

const WAVE = 'rollout_wave';
const ONBOARDING = 'office_onboarding';

/**
 * The regional roll-out: waves per region, each office's onboarding and the progress they add up to.
 *
 * 'rollout.read' for every role, within scope: offices in the caller's scope, waves of the regions
 * they may see; others answer 404. 'rollout.write' changes an office's status, dates and notes;
 * 'rollout.plan' is needed as well to manage waves and to change an office's wave or focal point
 * (office focal points report their office's progress; regional focal points and above plan it).
 */
export class RolloutService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly regions: RegionService,
  ) {}

  private repo(): RolloutRepository {
    return new RolloutRepository(this.deps.db.kysely);
  }

  private today(): string {
    return isoDate(this.deps.clock.now());
  }

  async listWaves(ctx: RequestContext, query: WaveListQuery = {}): Promise<Wave[]> {
    requirePermission(ctx.actor, 'rollout.read');
    return this.repo().listWaves(visibleRegions(ctx.actor), query.region_id);
  }

  async getWave(ctx: RequestContext, id: string): Promise<Wave> {
    requirePermission(ctx.actor, 'rollout.read');
    return visibleWave(ctx.actor, await this.repo().findWave(id), id);
  }

  async createWave(ctx: RequestContext, input: WaveCreate): Promise<Wave> {
    requirePermission(ctx.actor, 'rollout.plan');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createWaveIn(trx, audit, ctx, input));
  }

  /** `createWave` inside the caller's transaction (the demo loader). */
  async createWaveIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    input: WaveCreate,
  ): Promise<Wave> {
    requirePermission(ctx.actor, 'rollout.plan');
    if (!regionInScope(ctx.actor, input.region_id))
      throw errors.unknownReference('region', input.region_id, 'region_id');
    const now = isoNow(this.deps.clock);
    const row: WaveRow = {
      id: newId(),
      region_id: input.region_id,
      name: input.name,
      number: input.number,
      planned_start: input.planned_start ?? null,
      planned_end: input.planned_end ?? null,
      notes: input.notes || null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    throwIssues(waveDateIssues(row));
    try {
      await new RolloutRepository(trx).insertWave(row);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw errors.unknownReference('region', row.region_id, 'region_id');
      throw waveNumberTaken(error, row.number);
    }
    await audit({ action: 'create', entityType: WAVE, entityId: row.id, after: row });
    return row;
  }

  async updateWave(ctx: RequestContext, id: string, input: WaveUpdate): Promise<Wave> {
    requirePermission(ctx.actor, 'rollout.plan');
    const { version, ...given } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RolloutRepository(trx);
      const before = visibleWave(ctx.actor, await repo.findWave(id), id);
      if (before.version !== version) throwStale(WAVE, id, version, before);
      const changes = Object.fromEntries(
        Object.entries(given)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, value === '' ? null : value]),
      ) as Partial<WaveRow>;
      const after: WaveRow = {
        ...before,
        ...changes,
        version: version + 1,
        updated_at: isoNow(this.deps.clock),
      };
      throwIssues(waveDateIssues(after));
      try {
        if (!(await repo.updateWave(id, version, { ...changes, updated_at: after.updated_at })))
          throwStale(WAVE, id, version, await repo.findWave(id));
      } catch (error) {
        throw waveNumberTaken(error, after.number);
      }
      await audit({ action: 'update', entityType: WAVE, entityId: id, before, after });
      return after;
    });
  }

  /** Delete a wave no office belongs to any more; otherwise 409 (move its offices first). */
  async removeWave(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'rollout.plan');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RolloutRepository(trx);
      const before = visibleWave(ctx.actor, await repo.findWave(id), id);
      if (before.version !== version) throwStale(WAVE, id, version, before);
      if ((await repo.countWaveOffices(id)) > 0) throw errors.stillReferenced('wave', before.name);
      try {
        if (!(await repo.deleteWave(id, version))) throwStale(WAVE, id, version, await repo.findWave(id));
      } catch (error) {
        // An office put in the wave by a concurrent transaction since the count above.
        if (isForeignKeyViolation(error)) throw errors.stillReferenced('wave', before.name);
        throw error;
      }
      await audit({ action: 'delete', entityType: WAVE, entityId: id, before });
    });
  }

  async listOffices(
    ctx: RequestContext,
    query: OfficeRolloutListQuery & PageQuery,
  ): Promise<Page<OfficeRollout>> {
    requirePermission(ctx.actor, 'rollout.read');
    const today = this.today();
    const rows = await this.repo().listOffices(
      {
        scope: visibleOffices(ctx.actor),
        regionId: query.region_id,
        waveId: query.wave_id === NO_WAVE ? null : query.wave_id,
        status: query.status,
        overdue: query.overdue === undefined ? undefined : { today, value: query.overdue === 'true' },
      },
      { cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit },
    );
    return toPage(
      rows,
      query.limit,
      (row) => row.office_name,
      (row) => presentOfficeRollout(row, today),
    );
  }

  async getOffice(ctx: RequestContext, officeId: string): Promise<OfficeRollout> {
    requirePermission(ctx.actor, 'rollout.read');
    const row = await this.repo().findOffice(officeId);
    if (!row || !inScope(ctx.actor, officeId)) throw errors.notFound('office', officeId);
    return presentOfficeRollout(row, this.today());
  }

  /**
   * Change an office's roll-out record, creating it on the first change (`version` 0). Fields left
   * out keep their value; changing the wave or the focal point also needs 'rollout.plan'.
   */
  async setOffice(ctx: RequestContext, officeId: string, input: OfficeRolloutUpdate): Promise<OfficeRollout> {
    requirePermission(ctx.actor, 'rollout.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.setOfficeIn(trx, audit, ctx, officeId, input));
  }

  /** `setOffice` inside the caller's transaction (the demo loader). */
  async setOfficeIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    officeId: string,
    input: OfficeRolloutUpdate,
  ): Promise<OfficeRollout> {
    requirePermission(ctx.actor, 'rollout.write');
    const { version, ...given } = input;
    const repo = new RolloutRepository(trx);
    const office = await repo.findOffice(officeId);
    if (!office || !inScope(ctx.actor, officeId)) throw errors.notFound('office', officeId);
    const before = await repo.findOnboarding(officeId);
    const current = before?.version ?? 0;
    if (current !== version) {
      if (!before) throw errors.versionConflict(ONBOARDING, officeId, version, 0);
      throwStale(ONBOARDING, officeId, version, before);
    }
    const now = isoNow(this.deps.clock);
    const base: OnboardingRow = before ?? {
      id: newId(),
      office_id: officeId,
      wave_id: null,
      status: 'not_started',
      focal_point_id: null,
      target_date: null,
      actual_date: null,
      notes: null,
      version: 0,
      created_at: now,
      updated_at: now,
    };
    const after: OnboardingRow = {
      ...base,
      status: given.status ?? base.status,
      wave_id: given.wave_id === undefined ? base.wave_id : given.wave_id,
      focal_point_id: given.focal_point_id === undefined ? base.focal_point_id : given.focal_point_id,
      target_date: given.target_date === undefined ? base.target_date : given.target_date,
      actual_date: given.actual_date === undefined ? base.actual_date : given.actual_date,
      notes: given.notes === undefined ? base.notes : given.notes || null,
      version: version + 1,
      updated_at: now,
    };
    if (after.wave_id !== base.wave_id || after.focal_point_id !== base.focal_point_id)
      requirePermission(ctx.actor, 'rollout.plan');
    if (after.wave_id !== null && after.wave_id !== base.wave_id) {
      const wave = await repo.findWave(after.wave_id);
      if (!wave || !regionInScope(ctx.actor, wave.region_id))
        throw errors.unknownReference('wave', after.wave_id, 'wave_id');
      if (wave.region_id !== office.region_id)
        throwIssues([{ path: 'wave_id', message: `wave ${wave.name} is not a wave of the office's region` }]);
    }
    if (
      after.focal_point_id !== null &&
      after.focal_point_id !== base.focal_point_id &&
      !(await repo.personExists(after.focal_point_id))
    )
      throw errors.unknownReference('person', after.focal_point_id, 'focal_point_id');
    throwIssues(
      actualDateIssues({ status: after.status as OfficeRollout['status'], actual_date: after.actual_date }),
    );
    if (before) {
      const { id: _id, office_id: _office, created_at: _created, version: _v, ...changes } = after;
      if (!(await repo.updateOnboarding(officeId, version, changes)))
        throwStale(ONBOARDING, officeId, version, await repo.findOnboarding(officeId));
    } else {
      await repo.insertOnboarding(after);
    }
    await audit({
      action: before ? 'update' : 'create',
      entityType: ONBOARDING,
      entityId: after.id,
      officeId,
      before,
      after,
    });
    const shown = await repo.findOffice(officeId);
    return presentOfficeRollout(shown!, this.today());
  }

  /** Progress per region in scope (or one region) and per wave, as of today. */
  async progress(ctx: RequestContext, query: { region_id?: string } = {}): Promise<RolloutProgress> {
    requirePermission(ctx.actor, 'rollout.read');
    const regionId = query.region_id;
    let regions = await this.regions.list(ctx);
    if (regionId) {
      regions = regions.filter((region) => region.id === regionId);
      if (regions.length === 0) throw errors.notFound('region', regionId);
    }
    const repo = this.repo();
    const today = this.today();
    const [waves, rows] = await Promise.all([
      repo.listWaves(visibleRegions(ctx.actor), regionId),
      repo.listOffices({ scope: visibleOffices(ctx.actor), regionId }, { cursor: null }),
    ]);
    return computeProgress({
      today,
      regions,
      waves,
      offices: rows.map((row) => presentOfficeRollout(row, today)),
    });
  }
}

function visibleOffices(actor: Actor): ReadonlySet<string> | undefined {
  return actor.scope.kind === 'all' ? undefined : actor.scope.officeIds;
}

function visibleRegions(actor: Actor): ReadonlySet<string> | undefined {
  return actor.scope.kind === 'all' ? undefined : actor.scope.regionIds;
}

function visibleWave(actor: Actor, row: WaveRow | undefined, id: string): WaveRow {
  if (!row || !regionInScope(actor, row.region_id)) throw errors.notFound(WAVE, id);
  return row;
}

function throwIssues(issues: FieldIssue[]): void {
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
}

function waveNumberTaken(error: unknown, number: number): unknown {
  return isUniqueViolation(error)
    ? errors.conflict(`The region already has a wave number ${number}`, { field: 'number' })
    : error;
}
