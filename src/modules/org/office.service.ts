import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { AppError, errors } from '../../core/errors.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, regionInScope, requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import {
  LEAVE_REGION_MESSAGE,
  newOfficeRow,
  OfficeBatchRules,
  officeSearchText,
  type OfficeBatchUpdate,
  type OfficeCreateInput,
} from './office.batch.js';
import { OFFICE_SORT_COLUMNS, OfficeRepository, type OfficeRow } from './office.repository.js';
import { officePlacementIssues } from './office.rules.js';
import type { Office, OfficeCreate, OfficeListQuery, OfficeUpdate } from './org.schema.js';
import { officeScope } from './org.queries.js';
import { throwIfIssues, throwIfRowIssues, type BatchIssues } from './org.validation.js';
import { deleteIfCurrent, findCurrent, updateIfCurrent } from './org.writes.js';

export type { OfficeBatchUpdate, OfficeCreateInput } from './office.batch.js';

const ENTITY = 'office';

export function presentOffice(row: OfficeRow): Office {
  const { search_text: _searchText, ...office } = row;
  return office;
}

/**
 * Offices: country offices and HQ departments. Creating and deleting one changes the organisation's
 * structure ('org.structure.write'); editing one needs 'org.office.write' and the office in scope.
 * A field naming a region the caller cannot see answers 404 exactly like an unknown one.
 */
export class OfficeService {
  constructor(private readonly deps: ServiceDeps) {}

  private repo(): OfficeRepository {
    return new OfficeRepository(this.deps.db.kysely);
  }

  async list(ctx: RequestContext, query: OfficeListQuery & PageQuery): Promise<Page<Office>> {
    requirePermission(ctx.actor, 'org.read');
    const sort = parseSort(query.sort, OFFICE_SORT_COLUMNS, 'name');
    const rows = await this.repo().list(
      { scope: officeScope(ctx.actor), q: query.q?.trim(), regionId: query.region_id, kind: query.kind },
      { sort, cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit },
    );
    return toPage(rows, query.limit, (row) => row[sort.column], presentOffice);
  }

  async get(ctx: RequestContext, id: string): Promise<Office> {
    requirePermission(ctx.actor, 'org.read');
    const row = await this.repo().findById(id);
    if (!row || !inScope(ctx.actor, row.id)) throw errors.notFound(ENTITY, id);
    return presentOffice(row);
  }

  /** For imports and the demo loader: the office with this code in the caller's scope, if any. */
  async findByCode(ctx: RequestContext, code: string): Promise<Office | undefined> {
    requirePermission(ctx.actor, 'org.read');
    const row = await this.repo().findByCode(code.trim().toUpperCase());
    return row && inScope(ctx.actor, row.id) ? presentOffice(row) : undefined;
  }

  async create(ctx: RequestContext, input: OfficeCreate): Promise<Office> {
    requirePermission(ctx.actor, 'org.structure.write');
    const row = newOfficeRow(input, isoNow(this.deps.clock));
    throwIfIssues(officePlacementIssues(row));
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new OfficeRepository(trx);
      await requireRegion(repo, ctx.actor, row.region_id);
      try {
        await repo.insert([row]);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCode(row.code);
        throw error;
      }
      const office = presentOffice(row);
      await audit({
        action: 'create',
        entityType: ENTITY,
        entityId: row.id,
        officeId: row.id,
        after: office,
      });
      return office;
    });
  }

  /** For imports and the demo loader: validate every record, then create all in one transaction or none. */
  async createMany(ctx: RequestContext, inputs: readonly OfficeCreateInput[]): Promise<Office[]> {
    requirePermission(ctx.actor, 'org.structure.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createManyIn(trx, audit, ctx, inputs));
  }

  /**
   * `createMany` inside the caller's transaction (e.g. offices, then their people, in one import).
   * Problems are reported per record (`row` = 1-based position in `inputs`) as one import_invalid
   * error; one audit event is written per office.
   */
  async createManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: readonly OfficeCreateInput[],
  ): Promise<Office[]> {
    requirePermission(ctx.actor, 'org.structure.write');
    const { rows, issues } = await this.rules(trx, ctx.actor).creates(inputs);
    throwIfRowIssues(issues);
    await new OfficeRepository(trx).insert(rows);
    const created = rows.map(presentOffice);
    for (const office of created)
      await audit({
        action: 'create',
        entityType: ENTITY,
        entityId: office.id,
        officeId: office.id,
        after: office,
      });
    return created;
  }

  /**
   * For imports: change several offices inside the caller's transaction, all or none, with the rules
   * of `update` (scope, version, placement, visible region, unique code). Problems are reported per
   * record (`row` = 1-based position in `updates`) as one import_invalid error; one audit event each.
   */
  async updateManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    updates: readonly OfficeBatchUpdate[],
  ): Promise<Office[]> {
    requirePermission(ctx.actor, 'org.office.write');
    const { checked, issues } = await this.rules(trx, ctx.actor).updates(updates);
    throwIfRowIssues(issues);
    const repo = new OfficeRepository(trx);
    const updated: Office[] = [];
    for (const { before, version, stored, after } of checked) {
      await updateIfCurrent(repo, ENTITY, before.id, version, stored, () => duplicateCode(after.code));
      const office = presentOffice(after);
      await audit({
        action: 'update',
        entityType: ENTITY,
        entityId: before.id,
        officeId: before.id,
        before: presentOffice(before),
        after: office,
      });
      updated.push(office);
    }
    return updated;
  }

  /**
   * The problems `createManyIn` and `updateManyIn` would report for these batches, without writing:
   * for a dry run (on the database) or before writing (inside the caller's transaction).
   */
  async checkManyIn(
    db: Kysely<Database>,
    ctx: RequestContext,
    batch: { creates: readonly OfficeCreateInput[]; updates: readonly OfficeBatchUpdate[] },
  ): Promise<BatchIssues> {
    requirePermission(ctx.actor, 'org.office.write');
    if (batch.creates.length > 0) requirePermission(ctx.actor, 'org.structure.write');
    const rules = this.rules(db, ctx.actor);
    return {
      creates: (await rules.creates(batch.creates)).issues,
      updates: (await rules.updates(batch.updates)).issues,
    };
  }

  /** Edit an office in scope. A scoped caller may move it only to a region in its own scope. */
  async update(ctx: RequestContext, id: string, input: OfficeUpdate): Promise<Office> {
    requirePermission(ctx.actor, 'org.office.write');
    const { version, ...sent } = input;
    const changes = sent.city === '' ? { ...sent, city: null } : sent;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new OfficeRepository(trx);
      const before = await findCurrent(repo, ENTITY, id, version, (row) => inScope(ctx.actor, row.id));
      const merged = { ...before, ...changes };
      throwIfIssues(officePlacementIssues(merged));
      if (merged.region_id !== before.region_id) {
        if (merged.region_id === null && ctx.actor.scope.kind !== 'all')
          throw new AppError('forbidden', LEAVE_REGION_MESSAGE, { field: 'region_id' });
        await requireRegion(repo, ctx.actor, merged.region_id);
      }
      const stored = {
        ...changes,
        search_text: officeSearchText(merged),
        updated_at: isoNow(this.deps.clock),
      };
      await updateIfCurrent(repo, ENTITY, id, version, stored, () => duplicateCode(merged.code));
      const after = presentOffice({ ...merged, ...stored, version: version + 1 });
      await audit({
        action: 'update',
        entityType: ENTITY,
        entityId: id,
        officeId: id,
        before: presentOffice(before),
        after,
      });
      return after;
    });
  }

  /** Delete an empty office: one that still has departments or people is refused with 409. */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'org.structure.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new OfficeRepository(trx);
      const before = await findCurrent(repo, ENTITY, id, version, (row) => inScope(ctx.actor, row.id));
      const dependents = await repo.countDependents(id);
      if (dependents.departments > 0 || dependents.people > 0) throw officeInUse(before.code, dependents);
      // A person or department added by a concurrent transaction since the count above answers 409.
      await deleteIfCurrent(repo, ENTITY, id, version, before.code);
      await audit({
        action: 'delete',
        entityType: ENTITY,
        entityId: id,
        officeId: id,
        before: presentOffice(before),
      });
    });
  }

  private rules(db: Kysely<Database>, actor: Actor): OfficeBatchRules {
    return new OfficeBatchRules(db, actor, isoNow(this.deps.clock));
  }
}

/** A region named by a field must exist and be visible to the caller; both failures answer the same 404. */
async function requireRegion(repo: OfficeRepository, actor: Actor, regionId: string | null): Promise<void> {
  if (regionId === null) return;
  if (!regionInScope(actor, regionId) || !(await repo.regionExists(regionId)))
    throw errors.unknownReference('region', regionId, 'region_id');
}

function duplicateCode(code: string): AppError {
  return errors.conflict(`An office with code ${code} already exists`, { field: 'code' });
}

function officeInUse(code: string, dependents: { departments: number; people: number }): AppError {
  const parts = [
    dependents.departments > 0 ? `${dependents.departments} department(s)` : null,
    dependents.people > 0 ? `${dependents.people} person(s)` : null,
  ].filter(Boolean);
  return errors.conflict(
    `Office ${code} still has ${parts.join(' and ')}; move or delete them first`,
    dependents,
  );
}
