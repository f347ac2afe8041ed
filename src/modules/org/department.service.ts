import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors, type AppError, type FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, requirePermission } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import {
  DEPARTMENT_SORT_COLUMNS,
  DepartmentRepository,
  type DepartmentRow,
} from './department.repository.js';
import {
  departmentCreateSchema,
  type Department,
  type DepartmentCreate,
  type DepartmentListQuery,
  type DepartmentUpdate,
} from './org.schema.js';
import { officeScope } from './org.queries.js';
import { requireVisibleOffice, VisibleOffices } from './org.references.js';
import { FirstSeen, rowIssues, throwIfRowIssues } from './org.validation.js';
import { deleteIfCurrent, findCurrent, updateIfCurrent } from './org.writes.js';

const ENTITY = 'department';

/** A department as a caller may send it before validation (e.g. a row read from a file). */
export type DepartmentCreateInput = z.input<typeof departmentCreateSchema>;

/**
 * Departments and units inside an office. Reading needs 'org.read'; writing needs 'org.office.write'
 * and the office in scope. A department outside the caller's scope answers 404.
 */
export class DepartmentService {
  constructor(private readonly deps: ServiceDeps) {}

  private repo(): DepartmentRepository {
    return new DepartmentRepository(this.deps.db.kysely);
  }

  async list(ctx: RequestContext, query: DepartmentListQuery & PageQuery): Promise<Page<Department>> {
    requirePermission(ctx.actor, 'org.read');
    const sort = parseSort(query.sort, DEPARTMENT_SORT_COLUMNS, 'name');
    const rows = await this.repo().list(
      { scope: officeScope(ctx.actor), officeId: query.office_id },
      { sort, cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit },
    );
    return toPage(
      rows,
      query.limit,
      (row) => row[sort.column],
      (row) => row,
    );
  }

  async get(ctx: RequestContext, id: string): Promise<Department> {
    requirePermission(ctx.actor, 'org.read');
    const row = await this.repo().findById(id);
    if (!row || !inScope(ctx.actor, row.office_id)) throw errors.notFound(ENTITY, id);
    return row;
  }

  /** For imports and the demo loader: the department with this code in an office in scope, if any. */
  async findByCode(ctx: RequestContext, officeId: string, code: string): Promise<Department | undefined> {
    requirePermission(ctx.actor, 'org.read');
    if (!inScope(ctx.actor, officeId)) return undefined;
    return this.repo().findByCode(officeId, code.trim().toUpperCase());
  }

  async create(ctx: RequestContext, input: DepartmentCreate): Promise<Department> {
    requirePermission(ctx.actor, 'org.office.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      await requireVisibleOffice(trx, ctx.actor, input.office_id);
      const row = this.newRow(input);
      try {
        await new DepartmentRepository(trx).insert([row]);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCode(row.code);
        throw error;
      }
      await audit({
        action: 'create',
        entityType: ENTITY,
        entityId: row.id,
        officeId: row.office_id,
        after: row,
      });
      return row;
    });
  }

  /** For imports and the demo loader: validate every record, then create all in one transaction or none. */
  async createMany(ctx: RequestContext, inputs: readonly DepartmentCreateInput[]): Promise<Department[]> {
    requirePermission(ctx.actor, 'org.office.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createManyIn(trx, audit, ctx, inputs));
  }

  /**
   * `createMany` inside the caller's transaction. Problems are reported per record (`row` = 1-based
   * position in `inputs`) as one import_invalid error; one audit event is written per department.
   */
  async createManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: readonly DepartmentCreateInput[],
  ): Promise<Department[]> {
    requirePermission(ctx.actor, 'org.office.write');
    const repo = new DepartmentRepository(trx);
    const offices = new VisibleOffices(trx, ctx.actor);
    const issues: FieldIssue[] = [];
    const rows: { row: number; department: DepartmentRow }[] = [];
    const keys = new FirstSeen();
    for (const [index, raw] of inputs.entries()) {
      const row = index + 1;
      const parsed = departmentCreateSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error, row));
        continue;
      }
      const department = this.newRow(parsed.data);
      if (!(await offices.get(department.office_id))) {
        issues.push({ row, path: 'office_id', message: `office ${department.office_id} was not found` });
        continue;
      }
      const earlier = keys.claim(`${department.office_id}/${department.code}`, row);
      if (earlier !== null)
        issues.push({ row, path: 'code', message: `code ${department.code} is also on row ${earlier}` });
      rows.push({ row, department });
    }
    for (const [officeId, group] of groupBy(rows, (r) => r.department.office_id)) {
      const taken = await repo.existingCodes(
        officeId,
        group.map((r) => r.department.code),
      );
      for (const { row, department } of group)
        if (taken.has(department.code))
          issues.push({
            row,
            path: 'code',
            message: `the office already has a department ${department.code}`,
          });
    }
    throwIfRowIssues(issues);
    const created = rows.map((r) => r.department);
    await repo.insert(created);
    for (const department of created)
      await audit({
        action: 'create',
        entityType: ENTITY,
        entityId: department.id,
        officeId: department.office_id,
        after: department,
      });
    return created;
  }

  async update(ctx: RequestContext, id: string, input: DepartmentUpdate): Promise<Department> {
    requirePermission(ctx.actor, 'org.office.write');
    const { version, ...changes } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new DepartmentRepository(trx);
      const before = await findCurrent(repo, ENTITY, id, version, (row) => inScope(ctx.actor, row.office_id));
      const stored = { ...changes, updated_at: isoNow(this.deps.clock) };
      await updateIfCurrent(repo, ENTITY, id, version, stored, () =>
        duplicateCode(changes.code ?? before.code),
      );
      const after = { ...before, ...stored, version: version + 1 };
      await audit({
        action: 'update',
        entityType: ENTITY,
        entityId: id,
        officeId: before.office_id,
        before,
        after,
      });
      return after;
    });
  }

  /** Delete a department nobody belongs to; one with people is refused with 409. */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'org.office.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new DepartmentRepository(trx);
      const before = await findCurrent(repo, ENTITY, id, version, (row) => inScope(ctx.actor, row.office_id));
      const people = await repo.countPeople(id);
      if (people > 0) throw departmentInUse(before.code, people);
      // Someone placed in the department by a concurrent transaction since the count above answers 409.
      await deleteIfCurrent(repo, ENTITY, id, version, before.code);
      await audit({ action: 'delete', entityType: ENTITY, entityId: id, officeId: before.office_id, before });
    });
  }

  private newRow(input: DepartmentCreate): DepartmentRow {
    const now = isoNow(this.deps.clock);
    return {
      id: newId(),
      office_id: input.office_id,
      code: input.code,
      name: input.name,
      version: 1,
      created_at: now,
      updated_at: now,
    };
  }
}

function duplicateCode(code: string): AppError {
  return errors.conflict(`This office already has a department with code ${code}`, { field: 'code' });
}

function departmentInUse(code: string, people: number): AppError {
  return errors.conflict(`Department ${code} still has ${people} person(s); move them first`, { people });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
