import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import type { FieldIssue } from '../../core/errors.js';
import type { AuditWriter } from '../../core/service-context.js';
import type { AnyColumn, RowOf, TableSpec } from '../../core/tabular/columns.js';
import type { FileColumns } from '../../core/tabular/file-columns.js';
import type { Database } from '../../db/schema.js';
import type { DepartmentService } from './department.service.js';
import type { OfficeService } from './office.service.js';
import type { BatchIssues } from './org.validation.js';
import type { PersonService } from './person.service.js';
import type { RegionService } from './region.service.js';

/* What an import of one kind plans from the rows of a file, before the services check and write it. */

/** The organisation services an import resolves codes with and writes through. */
export interface OrgServices {
  regions: RegionService;
  offices: OfficeService;
  departments: DepartmentService;
  people: PersonService;
}

/** A record to write and the sheet row it came from. */
export interface Planned<T> {
  row: number;
  value: T;
}

export interface ImportPlan<C, U> {
  creates: Planned<C>[];
  updates: Planned<U>[];
  unchanged: number;
  /** Codes that name nothing the caller may see, and the like, by sheet row and column. */
  issues: FieldIssue[];
}

/** The batches a plan hands to the services. */
export interface Batch<C, U> {
  creates: C[];
  updates: U[];
}

/**
 * One kind of record (people, offices): how rows become a plan, and how the services check and
 * write that plan. `check` and `write` report problems by position in each list.
 */
export interface Importer<Cs extends readonly AnyColumn[], C, U> {
  spec: TableSpec<Cs>;
  plan(
    ctx: RequestContext,
    rows: readonly RowOf<Cs>[],
    rowNumbers: readonly number[],
    columns: FileColumns,
    onRow: () => void,
  ): Promise<ImportPlan<C, U>>;
  check(db: Kysely<Database>, ctx: RequestContext, batch: Batch<C, U>): Promise<BatchIssues>;
  create(trx: Transaction<Database>, audit: AuditWriter, ctx: RequestContext, creates: C[]): Promise<unknown>;
  update(trx: Transaction<Database>, audit: AuditWriter, ctx: RequestContext, updates: U[]): Promise<unknown>;
  /** The column of the file a service field is read from (`office_id` → `office_code`). */
  columnOf(field: string): string | undefined;
}

/** A plan with nothing in it yet. */
export function emptyPlan<C, U>(): ImportPlan<C, U> {
  return { creates: [], updates: [], unchanged: 0, issues: [] };
}

/** The batch methods of a service an importer writes through (offices, people). */
interface BatchService<C, U> {
  checkManyIn(db: Kysely<Database>, ctx: RequestContext, batch: Batch<C, U>): Promise<BatchIssues>;
  createManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: C[],
  ): Promise<unknown>;
  updateManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    updates: U[],
  ): Promise<unknown>;
}

/** An importer's `check`, `create` and `update`: the service's `checkManyIn`, `createManyIn` and `updateManyIn`. */
export function serviceWrites<C, U>(
  service: BatchService<C, U>,
): Pick<Importer<readonly AnyColumn[], C, U>, 'check' | 'create' | 'update'> {
  return {
    check: (db, ctx, batch) => service.checkManyIn(db, ctx, batch),
    create: (trx, audit, ctx, creates) => service.createManyIn(trx, audit, ctx, creates),
    update: (trx, audit, ctx, updates) => service.updateManyIn(trx, audit, ctx, updates),
  };
}

/** The lookup cached under `key`, made once per import. */
export function cachedLookup<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  lookup: () => Promise<T>,
): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = lookup();
    cache.set(key, found);
  }
  return found;
}
