import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors, type AppError, type FieldIssue } from '../../core/errors.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isForeignKeyViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import { ASSET_SEARCH, searchTerms } from '../../db/fulltext.js';
import { WordStatisticsCache } from '../../db/fulltext-stats.js';
import type { Database } from '../../db/schema.js';
import {
  createAssetsIn,
  planUpserts,
  upsertAssetsIn,
  type AssetCreateInput,
  type AssetUpsertInput,
  type AssetUpsertOutcome,
} from './asset.bulk.js';
import { AssetChecks, custodianIssues, throwAssetIssues } from './asset.checks.js';
import {
  planChange,
  planNewAsset,
  refreshHeldSearchText,
  writtenColumns,
  type PlanContext,
} from './asset.plan.js';
import { presentAsset, type AssetRow } from './asset.present.js';
import { ASSET_SORT_COLUMNS } from './asset.list.js';
import { AssetRepository } from './asset.repository.js';
import { notASystem } from './asset.rules.js';
import {
  SYSTEM_TYPES,
  UNLABELLED,
  type Asset,
  type AssetCreate,
  type AssetListQuery,
  type AssetUpdate,
  type PushOwnership,
  type PushOwnershipResult,
} from './asset.schema.js';

export const ASSET_ENTITY = 'asset';

/**
 * The data inventory. 'inventory.read' / 'inventory.write', and the asset's office must be in the
 * caller's scope: otherwise the asset answers 404, for reads and writes alike; a write naming an
 * office or system the caller cannot see answers 404 on that field, as for one that does not exist.
 *
 * Data custodians ("own records and office"): they read every asset of the offices in their scope,
 * and change only assets whose data_custodian_id is their own person (actor.personId); a new asset
 * they add must name them custodian (directly or inherited from its system). Any other write answers
 * 403. They may hand an asset of theirs over to another custodian, after which it is no longer theirs.
 *
 * People named as owner, custodian, steward or focal point must be people of the organisation (any
 * office: owners often sit elsewhere), active when newly named; otherwise 400 naming the field.
 */
export class AssetService {
  /** PostgreSQL's statistics on the assets' words, for the search's plan (AssetListQuery). */
  private readonly wordStatistics: WordStatisticsCache;

  constructor(private readonly deps: ServiceDeps) {
    this.wordStatistics = new WordStatisticsCache(deps.db.kysely, ASSET_SEARCH);
  }

  private repo(): AssetRepository {
    return new AssetRepository(this.deps.db.kysely, { statistics: () => this.wordStatistics.get() });
  }

  async list(ctx: RequestContext, query: AssetListQuery & PageQuery): Promise<Page<Asset>> {
    requirePermission(ctx.actor, 'inventory.read');
    const sort = parseSort(query.sort, ASSET_SORT_COLUMNS, 'name');
    const label = query.sensitivity_label;
    const rows = await this.repo().list(
      {
        scope: ctx.actor.scope.kind === 'all' ? undefined : ctx.actor.scope.officeIds,
        terms: query.q ? searchTerms(query.q) : undefined,
        officeId: query.office_id,
        regionId: query.region_id,
        label: label === undefined ? undefined : label === UNLABELLED ? null : label,
        personalData: query.personal_data === undefined ? undefined : query.personal_data === 'true',
        ownerId: query.owner_id,
        systemId: query.system_id,
        assetType: query.asset_type,
        controlFailing: query.control_failing,
      },
      { sort, cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit },
    );
    return toPage(rows, query.limit, (row) => row[sort.column], presentAsset);
  }

  async get(ctx: RequestContext, id: string): Promise<Asset> {
    requirePermission(ctx.actor, 'inventory.read');
    const row = await this.repo().findById(id);
    if (!row || !inScope(ctx.actor, row.office_id)) throw errors.notFound(ASSET_ENTITY, id);
    return presentAsset(row);
  }

  async create(ctx: RequestContext, input: AssetCreate): Promise<Asset> {
    requirePermission(ctx.actor, 'inventory.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createIn(trx, audit, ctx, input));
  }

  /** `create` inside the caller's transaction (e.g. an asset registered with a confirmed scan label). */
  async createIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    input: AssetCreate,
  ): Promise<Asset> {
    requirePermission(ctx.actor, 'inventory.write');
    const repo = new AssetRepository(trx);
    const { row, issues } = await planNewAsset(this.planContext(repo, ctx.actor), input);
    throwAssetIssues(issues);
    await repo.insert([row]);
    const asset = presentAsset(row);
    await audit({
      action: 'create',
      entityType: ASSET_ENTITY,
      entityId: row.id,
      officeId: row.office_id,
      after: asset,
    });
    return asset;
  }

  /** For imports: validate every record, then create all in one transaction or none. */
  async createMany(ctx: RequestContext, inputs: readonly AssetCreateInput[]): Promise<Asset[]> {
    requirePermission(ctx.actor, 'inventory.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createManyIn(trx, audit, ctx, inputs));
  }

  /**
   * `createMany` inside the caller's transaction. Problems are reported per record (`row` = 1-based
   * position in `inputs`) as one import_invalid error; one audit event is written per asset.
   */
  async createManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: readonly AssetCreateInput[],
  ): Promise<Asset[]> {
    requirePermission(ctx.actor, 'inventory.write');
    const repo = new AssetRepository(trx);
    return createAssetsIn(this.planContext(repo, ctx.actor), repo, audit, inputs);
  }

  /**
   * Create or change many assets inside the caller's transaction (the spreadsheet import): records
   * with `id` change that asset, others are new. All or nothing: problems are reported per record as
   * one import_invalid error. Records that change nothing are not written; one audit event is written
   * per created or changed asset. Returns one outcome per record, in order.
   */
  async upsertManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: readonly AssetUpsertInput[],
  ): Promise<AssetUpsertOutcome[]> {
    requirePermission(ctx.actor, 'inventory.write');
    const repo = new AssetRepository(trx);
    return upsertAssetsIn(this.planContext(repo, ctx.actor), repo, audit, inputs);
  }

  /**
   * What `upsertManyIn` would do with these records, without writing (a dry run): every problem by
   * 1-based position in `inputs`, and how many records would be created, updated or left unchanged.
   */
  async checkUpsertMany(
    ctx: RequestContext,
    inputs: readonly AssetUpsertInput[],
  ): Promise<{ issues: FieldIssue[]; actions: AssetUpsertOutcome['action'][] }> {
    requirePermission(ctx.actor, 'inventory.write');
    const repo = this.repo();
    const plan = await planUpserts(this.planContext(repo, ctx.actor), repo, inputs);
    const actions: AssetUpsertOutcome['action'][] = inputs.map(() => 'created');
    for (const update of plan.updates) actions[update.row - 1] = update.changed ? 'updated' : 'unchanged';
    return { issues: plan.issues, actions };
  }

  /** For imports and exports: the people of the organisation (any office) with these e-mails, by e-mail. */
  async peopleByEmail(ctx: RequestContext, emails: readonly string[]): Promise<Map<string, string>> {
    requirePermission(ctx.actor, 'inventory.read');
    return this.repo().peopleByEmail(emails.map((email) => email.trim().toLowerCase()));
  }

  /** For exports: the e-mails of the people with these ids (named on assets the caller reads), by id. */
  async peopleEmails(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
    requirePermission(ctx.actor, 'inventory.read');
    return this.repo().peopleEmails(ids);
  }

  /** For imports: the systems (applications, databases) of an office in the caller's scope. */
  async systemsOf(ctx: RequestContext, officeId: string): Promise<{ id: string; name: string }[]> {
    requirePermission(ctx.actor, 'inventory.read');
    if (!inScope(ctx.actor, officeId)) return [];
    return this.repo().systemsOf(officeId, SYSTEM_TYPES);
  }

  async update(ctx: RequestContext, id: string, input: AssetUpdate): Promise<Asset> {
    requirePermission(ctx.actor, 'inventory.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.updateIn(trx, audit, ctx, id, input));
  }

  /** `update` inside the caller's transaction (e.g. a confirmed scan label written with its decision). */
  async updateIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    input: AssetUpdate,
  ): Promise<Asset> {
    requirePermission(ctx.actor, 'inventory.write');
    const { version, ...changes } = input;
    const repo = new AssetRepository(trx);
    const before = await this.writable(repo, ctx.actor, id);
    if (before.version !== version) throwStale(ASSET_ENTITY, id, version, before);
    const { row, issues } = await planChange(this.planContext(repo, ctx.actor), repo, before, changes);
    throwAssetIssues(issues);
    if (!(await repo.update(id, version, writtenColumns(row))))
      throwStale(ASSET_ENTITY, id, version, await repo.findById(id));
    if (row.name !== before.name) await refreshHeldSearchText(repo, [row]);
    const after = presentAsset({ ...row, version: version + 1 });
    await audit({
      action: 'update',
      entityType: ASSET_ENTITY,
      entityId: id,
      officeId: after.office_id,
      before: presentAsset(before),
      after,
    });
    return after;
  }

  /** Delete an asset; a system still holding assets is refused with 409 (move or delete them first). */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'inventory.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AssetRepository(trx);
      const before = await this.writable(repo, ctx.actor, id);
      if (before.version !== version) throwStale(ASSET_ENTITY, id, version, before);
      throwAssetIssues(custodianIssues(ctx.actor, before.data_custodian_id));
      const held = await repo.countChildren(id);
      if (held > 0) throw stillHolds(before, held);
      try {
        if (!(await repo.delete(id, version))) throwStale(ASSET_ENTITY, id, version, await repo.findById(id));
      } catch (error) {
        // An asset put under it by a concurrent transaction since the count above.
        if (isForeignKeyViolation(error)) throw stillHolds(before, await repo.countChildren(id));
        throw error;
      }
      await audit({
        action: 'delete',
        entityType: ASSET_ENTITY,
        entityId: id,
        officeId: before.office_id,
        before: presentAsset(before),
      });
    });
  }

  /**
   * Push a system's owner fields to the assets it holds: `only_empty` fills fields an asset leaves
   * empty, `overwrite` replaces differing values. A field the system itself leaves empty is not
   * pushed. `version` is the system's, as read: the values pushed are the ones the caller saw.
   * Assets outside the caller's scope are neither changed nor counted; a data custodian's push
   * changes only assets of which they are custodian, the others are counted as skipped.
   * One audit event per changed asset.
   */
  async pushOwnership(ctx: RequestContext, id: string, input: PushOwnership): Promise<PushOwnershipResult> {
    requirePermission(ctx.actor, 'inventory.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AssetRepository(trx);
      const system = await this.writable(repo, ctx.actor, id);
      if (system.version !== input.version) throwStale(ASSET_ENTITY, id, input.version, system);
      throwAssetIssues(custodianIssues(ctx.actor, system.data_custodian_id));
      const why = notASystem(system);
      if (why) throwAssetIssues([{ kind: 'invalid', path: 'id', message: why }]);
      const pushed = input.fields.filter((field) => system[field] !== null);
      const result: PushOwnershipResult = { changed: 0, unchanged: 0, skipped: 0 };
      const now = isoNow(this.deps.clock);
      for (const child of await repo.children(id)) {
        if (!inScope(ctx.actor, child.office_id)) continue;
        if (custodianIssues(ctx.actor, child.data_custodian_id).length > 0) {
          result.skipped += 1;
          continue;
        }
        const changes = Object.fromEntries(
          pushed
            .filter((field) =>
              input.mode === 'overwrite' ? child[field] !== system[field] : child[field] === null,
            )
            .map((field) => [field, system[field]]),
        );
        if (Object.keys(changes).length === 0) {
          result.unchanged += 1;
          continue;
        }
        const stored = { ...changes, updated_at: now };
        if (!(await repo.update(child.id, child.version, stored)))
          throwStale(ASSET_ENTITY, child.id, child.version, await repo.findById(child.id));
        await audit({
          action: 'update',
          entityType: ASSET_ENTITY,
          entityId: child.id,
          officeId: child.office_id,
          before: presentAsset(child),
          after: presentAsset({ ...child, ...stored, version: child.version + 1 }),
        });
        result.changed += 1;
      }
      return result;
    });
  }

  /** The asset a write targets: 404 when it does not exist or is outside the caller's scope. */
  private async writable(repo: AssetRepository, actor: Actor, id: string): Promise<AssetRow> {
    const row = await repo.findById(id);
    if (!row || !inScope(actor, row.office_id)) throw errors.notFound(ASSET_ENTITY, id);
    return row;
  }

  private planContext(repo: AssetRepository, actor: Actor): PlanContext {
    const now = this.deps.clock.now();
    return { checks: new AssetChecks(repo, actor), actor, today: isoDate(now), now: now.toISOString() };
  }
}

function stillHolds(system: AssetRow, held: number): AppError {
  return errors.conflict(`${system.name} is the system of ${held} asset(s); move or delete them first`, {
    assets: held,
  });
}
