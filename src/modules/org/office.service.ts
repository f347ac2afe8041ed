import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { AppError, errors, type FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, regionInScope, requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isForeignKeyViolation,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import { foldForSearch } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { OFFICE_SORT_COLUMNS, OfficeRepository, type OfficeRow } from './office.repository.js';
import { officePlacementIssues } from './office.rules.js';
import {
  officeCreateSchema,
  type Office,
  type OfficeCreate,
  type OfficeListQuery,
  type OfficeUpdate,
} from './org.schema.js';
import { officeScope } from './org.queries.js';
import { FirstSeen, rowIssues, throwIfIssues, throwIfRowIssues } from './org.validation.js';

const ENTITY = 'office';

/** An office as a caller may send it before validation (e.g. a row read from a file). */
export type OfficeCreateInput = z.input<typeof officeCreateSchema>;

export function presentOffice(row: OfficeRow): Office {
  const { search_text: _searchText, ...office } = row;
  return office;
}

function searchText(office: Pick<OfficeRow, 'code' | 'name' | 'city' | 'country_code'>): string {
  return foldForSearch(office.code, office.name, office.city, office.country_code);
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
    const row = this.newRow(input);
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
    const repo = new OfficeRepository(trx);
    const issues: FieldIssue[] = [];
    const rows: { row: number; office: OfficeRow }[] = [];
    const codes = new FirstSeen();
    for (const [index, raw] of inputs.entries()) {
      const row = index + 1;
      const parsed = officeCreateSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error, row));
        continue;
      }
      const office = this.newRow(parsed.data);
      issues.push(...officePlacementIssues(office).map((issue) => ({ ...issue, row })));
      const earlier = codes.claim(office.code, row);
      if (earlier !== null)
        issues.push({ row, path: 'code', message: `code ${office.code} is also on row ${earlier}` });
      rows.push({ row, office });
    }
    const taken = await repo.existingCodes(rows.map((r) => r.office.code));
    const regionOk = new Map<string, boolean>();
    for (const { row, office } of rows) {
      if (taken.has(office.code))
        issues.push({ row, path: 'code', message: `an office with code ${office.code} already exists` });
      const regionId = office.region_id;
      if (regionId === null) continue;
      if (!regionOk.has(regionId))
        regionOk.set(regionId, regionInScope(ctx.actor, regionId) && (await repo.regionExists(regionId)));
      if (!regionOk.get(regionId))
        issues.push({ row, path: 'region_id', message: `region ${regionId} was not found` });
    }
    throwIfRowIssues(issues);
    await repo.insert(rows.map((r) => r.office));
    const created = rows.map((r) => presentOffice(r.office));
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

  /** Edit an office in scope. A scoped caller may move it only to a region in its own scope. */
  async update(ctx: RequestContext, id: string, input: OfficeUpdate): Promise<Office> {
    requirePermission(ctx.actor, 'org.office.write');
    const { version, ...sent } = input;
    const changes = sent.city === '' ? { ...sent, city: null } : sent;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new OfficeRepository(trx);
      const before = await repo.findById(id);
      if (!before || !inScope(ctx.actor, before.id)) throw errors.notFound(ENTITY, id);
      if (before.version !== version) throwStale(ENTITY, id, version, before);
      const merged = { ...before, ...changes };
      throwIfIssues(officePlacementIssues(merged));
      if (merged.region_id !== before.region_id) {
        if (merged.region_id === null && ctx.actor.scope.kind !== 'all')
          throw new AppError(
            'forbidden',
            'Only organisation-wide roles may take an office out of its region',
            {
              field: 'region_id',
            },
          );
        await requireRegion(repo, ctx.actor, merged.region_id);
      }
      const stored = {
        ...changes,
        search_text: searchText(merged),
        updated_at: isoNow(this.deps.clock),
      };
      try {
        if (!(await repo.update(id, version, stored)))
          throwStale(ENTITY, id, version, await repo.findById(id));
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCode(merged.code);
        throw error;
      }
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
      const before = await repo.findById(id);
      if (!before || !inScope(ctx.actor, before.id)) throw errors.notFound(ENTITY, id);
      if (before.version !== version) throwStale(ENTITY, id, version, before);
      const dependents = await repo.countDependents(id);
      if (dependents.departments > 0 || dependents.people > 0) throw officeInUse(before.code, dependents);
      try {
        if (!(await repo.delete(id, version))) throwStale(ENTITY, id, version, await repo.findById(id));
      } catch (error) {
        // A person or department added by a concurrent transaction since the count above.
        if (isForeignKeyViolation(error)) throw officeInUse(before.code, await repo.countDependents(id));
        throw error;
      }
      await audit({
        action: 'delete',
        entityType: ENTITY,
        entityId: id,
        officeId: id,
        before: presentOffice(before),
      });
    });
  }

  private newRow(input: OfficeCreate): OfficeRow {
    const now = isoNow(this.deps.clock);
    const fields = {
      code: input.code,
      name: input.name,
      kind: input.kind,
      region_id: input.region_id ?? null,
      country_code: input.country_code ?? null,
      city: input.city || null,
    };
    return {
      id: newId(),
      ...fields,
      search_text: searchText(fields),
      version: 1,
      created_at: now,
      updated_at: now,
    };
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
