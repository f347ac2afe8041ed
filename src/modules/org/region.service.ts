import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { regionInScope, requirePermission } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { regionCreateSchema, type Region, type RegionCreate, type RegionUpdate } from './org.schema.js';
import { RegionRepository, type RegionRow } from './region.repository.js';

const ENTITY = 'region';

export class RegionService {
  constructor(private readonly deps: ServiceDeps) {}

  private repo(db = this.deps.db.kysely): RegionRepository {
    return new RegionRepository(db);
  }

  async list(ctx: RequestContext): Promise<Region[]> {
    requirePermission(ctx.actor, 'org.read');
    const scope = ctx.actor.scope;
    return this.repo().list(scope.kind === 'all' ? undefined : scope.regionIds);
  }

  async get(ctx: RequestContext, id: string): Promise<Region> {
    requirePermission(ctx.actor, 'org.read');
    const row = await this.repo().findById(id);
    if (!row || !regionInScope(ctx.actor, row.id)) throw errors.notFound(ENTITY, id);
    return row;
  }

  /** For imports and the demo loader: the region with this code in the caller's scope, if any. */
  async findByCode(ctx: RequestContext, code: string): Promise<Region | undefined> {
    requirePermission(ctx.actor, 'org.read');
    const row = await this.repo().findByCode(code.trim().toUpperCase());
    return row && regionInScope(ctx.actor, row.id) ? row : undefined;
  }

  async create(ctx: RequestContext, input: RegionCreate): Promise<Region> {
    requirePermission(ctx.actor, 'org.structure.write');
    const now = isoNow(this.deps.clock);
    const row: RegionRow = { id: newId(), ...input, version: 1, created_at: now, updated_at: now };
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      await this.insertUnique(new RegionRepository(trx), row);
      await audit({ action: 'create', entityType: ENTITY, entityId: row.id, after: row });
    });
    return row;
  }

  /** `create` for many regions inside the caller's transaction (the demo loader, imports). */
  async createManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: readonly RegionCreate[],
  ): Promise<Region[]> {
    requirePermission(ctx.actor, 'org.structure.write');
    const repo = new RegionRepository(trx);
    const now = isoNow(this.deps.clock);
    const created: Region[] = [];
    for (const input of inputs) {
      const row: RegionRow = {
        id: newId(),
        ...regionCreateSchema.parse(input),
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await this.insertUnique(repo, row);
      await audit({ action: 'create', entityType: ENTITY, entityId: row.id, after: row });
      created.push(row);
    }
    return created;
  }

  async update(ctx: RequestContext, id: string, input: RegionUpdate): Promise<Region> {
    requirePermission(ctx.actor, 'org.structure.write');
    const { version, ...changes } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RegionRepository(trx);
      const before = await repo.findById(id);
      if (!before) throw errors.notFound(ENTITY, id);
      const updatedAt = isoNow(this.deps.clock);
      try {
        if (!(await repo.update(id, version, { ...changes, updated_at: updatedAt })))
          throwStale(ENTITY, id, version, before);
      } catch (error) {
        if (isUniqueViolation(error))
          throw errors.conflict(`A region with code ${changes.code} already exists`, { field: 'code' });
        throw error;
      }
      const after = { ...before, ...changes, version: version + 1, updated_at: updatedAt };
      await audit({ action: 'update', entityType: ENTITY, entityId: id, before, after });
      return after;
    });
  }

  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'org.structure.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RegionRepository(trx);
      const before = await repo.findById(id);
      if (!before) throw errors.notFound(ENTITY, id);
      if (before.version !== version) throwStale(ENTITY, id, version, before);
      const offices = await repo.countOffices(id);
      if (offices > 0)
        throw errors.conflict(
          `Region ${before.code} still has ${offices} office(s); move or delete them first`,
          { offices },
        );
      if (!(await repo.delete(id, version))) throwStale(ENTITY, id, version, await repo.findById(id));
      await audit({ action: 'delete', entityType: ENTITY, entityId: id, before });
    });
  }

  private async insertUnique(repo: RegionRepository, row: RegionRow): Promise<void> {
    try {
      await repo.insert([row]);
    } catch (error) {
      if (isUniqueViolation(error))
        throw errors.conflict(`A region with code ${row.code} already exists`, { field: 'code' });
      throw error;
    }
  }
}
