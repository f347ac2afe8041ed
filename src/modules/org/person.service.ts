import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors, type AppError, type FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isForeignKeyViolation,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import { DepartmentRepository, type DepartmentRow } from './department.repository.js';
import {
  personCreateSchema,
  type Person,
  type PersonCreate,
  type PersonListQuery,
  type PersonUpdate,
} from './org.schema.js';
import { officeScope } from './org.queries.js';
import { requireVisibleOffice, VisibleOffices } from './org.references.js';
import { FirstSeen, rowIssues, throwIfIssues, throwIfRowIssues } from './org.validation.js';
import { personSearchText, presentPerson, storedRoles } from './person.present.js';
import { PERSON_SORT_COLUMNS, PersonRepository, type PersonRow } from './person.repository.js';

const ENTITY = 'person';

/** A person as a caller may send it before validation (e.g. a row read from a file). */
export type PersonCreateInput = z.input<typeof personCreateSchema>;

/**
 * People of the organisation. 'people.read' / 'people.write', and the person's office must be in the
 * caller's scope: otherwise the person answers 404, for reads and writes alike. A write that names
 * an office outside the caller's scope (creating a person there, or moving one there) answers 404
 * not_found on office_id, exactly as for an office that does not exist, so writes reveal nothing
 * about offices the caller cannot see. A department must belong to the person's office.
 */
export class PersonService {
  constructor(private readonly deps: ServiceDeps) {}

  private repo(): PersonRepository {
    return new PersonRepository(this.deps.db.kysely);
  }

  async list(ctx: RequestContext, query: PersonListQuery & PageQuery): Promise<Page<Person>> {
    requirePermission(ctx.actor, 'people.read');
    const sort = parseSort(query.sort, PERSON_SORT_COLUMNS, 'full_name');
    const rows = await this.repo().list(
      {
        scope: officeScope(ctx.actor),
        q: query.q?.trim(),
        officeId: query.office_id,
        regionId: query.region_id,
        departmentId: query.department_id,
        governanceRole: query.governance_role,
        active: query.active === undefined ? undefined : query.active === 'true',
      },
      { sort, cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit },
    );
    return toPage(rows, query.limit, (row) => row[sort.column], presentPerson);
  }

  async get(ctx: RequestContext, id: string): Promise<Person> {
    requirePermission(ctx.actor, 'people.read');
    const row = await this.repo().findById(id);
    if (!row || !inScope(ctx.actor, row.office_id)) throw errors.notFound(ENTITY, id);
    return presentPerson(row);
  }

  /** For imports: the person with this e-mail in the caller's scope, if any. */
  async findByEmail(ctx: RequestContext, email: string): Promise<Person | undefined> {
    requirePermission(ctx.actor, 'people.read');
    const row = await this.repo().findByEmail(email.trim().toLowerCase());
    return row && inScope(ctx.actor, row.office_id) ? presentPerson(row) : undefined;
  }

  async create(ctx: RequestContext, input: PersonCreate): Promise<Person> {
    requirePermission(ctx.actor, 'people.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      await requirePlacement(trx, ctx.actor, input.office_id, input.department_id ?? null);
      const row = this.newRow(input);
      try {
        await new PersonRepository(trx).insert([row]);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateEmail(row.email);
        throw error;
      }
      const person = presentPerson(row);
      await audit({
        action: 'create',
        entityType: ENTITY,
        entityId: row.id,
        officeId: row.office_id,
        after: person,
      });
      return person;
    });
  }

  /** For imports and the demo loader: validate every record, then create all in one transaction or none. */
  async createMany(ctx: RequestContext, inputs: readonly PersonCreateInput[]): Promise<Person[]> {
    requirePermission(ctx.actor, 'people.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createManyIn(trx, audit, ctx, inputs));
  }

  /**
   * `createMany` inside the caller's transaction (offices created earlier in it are found, but a
   * scoped caller's scope was fixed at sign-in). Problems are reported per record (`row` = 1-based
   * position in `inputs`) as one import_invalid error; one audit event is written per person.
   */
  async createManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    inputs: readonly PersonCreateInput[],
  ): Promise<Person[]> {
    requirePermission(ctx.actor, 'people.write');
    const repo = new PersonRepository(trx);
    const offices = new VisibleOffices(trx, ctx.actor);
    const departments = new DepartmentLookup(trx);
    const issues: FieldIssue[] = [];
    const rows: { row: number; person: PersonRow }[] = [];
    const emails = new FirstSeen();
    for (const [index, raw] of inputs.entries()) {
      const row = index + 1;
      const parsed = personCreateSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error, row));
        continue;
      }
      const person = this.newRow(parsed.data);
      const office = await offices.get(person.office_id);
      if (!office)
        issues.push({ row, path: 'office_id', message: `office ${person.office_id} was not found` });
      else if (person.department_id !== null) {
        const department = await departments.get(person.department_id);
        if (department?.office_id !== office.id)
          issues.push({
            row,
            path: 'department_id',
            message: notInOffice(person.department_id, office.code),
          });
      }
      const earlier = emails.claim(person.email, row);
      if (earlier !== null)
        issues.push({ row, path: 'email', message: `${person.email} is also on row ${earlier}` });
      rows.push({ row, person });
    }
    const taken = await repo.existingEmails(rows.map((r) => r.person.email));
    for (const { row, person } of rows)
      if (taken.has(person.email))
        issues.push({ row, path: 'email', message: `a person with e-mail ${person.email} already exists` });
    throwIfRowIssues(issues);
    await repo.insert(rows.map((r) => r.person));
    const created = rows.map((r) => presentPerson(r.person));
    for (const person of created)
      await audit({
        action: 'create',
        entityType: ENTITY,
        entityId: person.id,
        officeId: person.office_id,
        after: person,
      });
    return created;
  }

  async update(ctx: RequestContext, id: string, input: PersonUpdate): Promise<Person> {
    requirePermission(ctx.actor, 'people.write');
    const { version, ...changes } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new PersonRepository(trx);
      const before = await repo.findById(id);
      if (!before || !inScope(ctx.actor, before.office_id)) throw errors.notFound(ENTITY, id);
      if (before.version !== version) throwStale(ENTITY, id, version, before);
      const officeId = changes.office_id ?? before.office_id;
      const departmentId = changes.department_id === undefined ? before.department_id : changes.department_id;
      if (officeId !== before.office_id || departmentId !== before.department_id)
        await requirePlacement(trx, ctx.actor, officeId, departmentId);
      const columns = this.storedChanges(changes);
      const merged = { ...before, ...columns };
      const stored = {
        ...columns,
        search_text: personSearchText(merged),
        updated_at: isoNow(this.deps.clock),
      };
      try {
        if (!(await repo.update(id, version, stored)))
          throwStale(ENTITY, id, version, await repo.findById(id));
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateEmail(merged.email);
        throw error;
      }
      const after = presentPerson({ ...merged, ...stored, version: version + 1 });
      await audit({
        action: 'update',
        entityType: ENTITY,
        entityId: id,
        officeId: after.office_id,
        before: presentPerson(before),
        after,
      });
      return after;
    });
  }

  /** Delete a person; one linked to a user account is refused with 409 (unlink the account first). */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'people.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new PersonRepository(trx);
      const before = await repo.findById(id);
      if (!before || !inScope(ctx.actor, before.office_id)) throw errors.notFound(ENTITY, id);
      if (before.version !== version) throwStale(ENTITY, id, version, before);
      const users = await repo.countLinkedUsers(id);
      if (users > 0) throw linkedToUser(users);
      try {
        if (!(await repo.delete(id, version))) throwStale(ENTITY, id, version, await repo.findById(id));
      } catch (error) {
        // A user account linked by a concurrent transaction since the count above.
        if (isForeignKeyViolation(error)) throw linkedToUser(await repo.countLinkedUsers(id));
        throw error;
      }
      await audit({
        action: 'delete',
        entityType: ENTITY,
        entityId: id,
        officeId: before.office_id,
        before: presentPerson(before),
      });
    });
  }

  private newRow(input: PersonCreate): PersonRow {
    const now = isoNow(this.deps.clock);
    const fields = {
      full_name: input.full_name,
      email: input.email,
      office_id: input.office_id,
      department_id: input.department_id ?? null,
      job_title: input.job_title || null,
      governance_roles: storedRoles(input.governance_roles ?? []),
      active: input.active === false ? 0 : 1,
    };
    return {
      id: newId(),
      ...fields,
      search_text: personSearchText(fields),
      version: 1,
      created_at: now,
      updated_at: now,
    };
  }

  /** The columns an update sends, in their stored form. */
  private storedChanges(changes: Omit<PersonUpdate, 'version'>): Partial<PersonRow> {
    const { governance_roles, active, job_title, ...plain } = changes;
    return {
      ...plain,
      ...(job_title === undefined ? {} : { job_title: job_title || null }),
      ...(governance_roles === undefined ? {} : { governance_roles: storedRoles(governance_roles) }),
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
    };
  }
}

/** The office must be visible to the caller (else 404 on office_id); the department must be one of its own. */
async function requirePlacement(
  db: Kysely<Database>,
  actor: Actor,
  officeId: string,
  departmentId: string | null,
): Promise<void> {
  const office = await requireVisibleOffice(db, actor, officeId);
  if (departmentId === null) return;
  const department = await new DepartmentRepository(db).findById(departmentId);
  if (department?.office_id !== office.id)
    throwIfIssues([{ path: 'department_id', message: notInOffice(departmentId, office.code) }]);
}

function notInOffice(departmentId: string, officeCode: string): string {
  return `department ${departmentId} is not a department of office ${officeCode}; send department_id (or null) with office_id`;
}

/** Looks each department up once per batch. */
class DepartmentLookup {
  private readonly cache = new Map<string, Promise<DepartmentRow | undefined>>();

  constructor(private readonly db: Kysely<Database>) {}

  get(id: string): Promise<DepartmentRow | undefined> {
    let found = this.cache.get(id);
    if (!found) {
      found = new DepartmentRepository(this.db).findById(id);
      this.cache.set(id, found);
    }
    return found;
  }
}

function duplicateEmail(email: string): AppError {
  return errors.conflict(`A person with e-mail ${email} already exists`, { field: 'email' });
}

function linkedToUser(users: number): AppError {
  return errors.conflict(`This person is linked to ${users} user account(s); unlink them first`, { users });
}
