import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors, type AppError } from '../../core/errors.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import { DepartmentRepository } from './department.repository.js';
import type { Person, PersonCreate, PersonListQuery, PersonUpdate } from './org.schema.js';
import { officeScope } from './org.queries.js';
import { requireVisibleOffice } from './org.references.js';
import { throwIfIssues, throwIfRowIssues, type BatchIssues } from './org.validation.js';
import { deleteIfCurrent, findCurrent, updateIfCurrent } from './org.writes.js';
import {
  newPersonRow,
  notInOffice,
  PersonBatchRules,
  storedPersonChanges,
  type PersonBatchUpdate,
  type PersonCreateInput,
} from './person.batch.js';
import { personSearchText, presentPerson } from './person.present.js';
import { PERSON_SORT_COLUMNS, PersonRepository } from './person.repository.js';

export type { PersonBatchUpdate, PersonCreateInput } from './person.batch.js';

const ENTITY = 'person';

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

  /** For imports: the people with these e-mails in the caller's scope (e-mails not found are absent). */
  async findManyByEmail(ctx: RequestContext, emails: readonly string[]): Promise<Person[]> {
    requirePermission(ctx.actor, 'people.read');
    const rows = await this.repo().findByEmails(emails.map((email) => email.trim().toLowerCase()));
    return rows.filter((row) => inScope(ctx.actor, row.office_id)).map(presentPerson);
  }

  async create(ctx: RequestContext, input: PersonCreate): Promise<Person> {
    requirePermission(ctx.actor, 'people.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      await requirePlacement(trx, ctx.actor, input.office_id, input.department_id ?? null);
      const row = newPersonRow(input, isoNow(this.deps.clock));
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
    const { rows, issues } = await this.rules(trx, ctx.actor).creates(inputs);
    throwIfRowIssues(issues);
    await new PersonRepository(trx).insert(rows);
    const created = rows.map(presentPerson);
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

  /**
   * For imports: change several people inside the caller's transaction, all or none, with the rules
   * of `update` (scope, version, placement, unique e-mail). Problems are reported per record (`row`
   * = 1-based position in `updates`) as one import_invalid error; one audit event per person.
   */
  async updateManyIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    updates: readonly PersonBatchUpdate[],
  ): Promise<Person[]> {
    requirePermission(ctx.actor, 'people.write');
    const { checked, issues } = await this.rules(trx, ctx.actor).updates(updates);
    throwIfRowIssues(issues);
    const repo = new PersonRepository(trx);
    const updated: Person[] = [];
    for (const { before, version, stored, after } of checked) {
      await updateIfCurrent(repo, ENTITY, before.id, version, stored, () => duplicateEmail(after.email));
      const person = presentPerson(after);
      await audit({
        action: 'update',
        entityType: ENTITY,
        entityId: before.id,
        officeId: person.office_id,
        before: presentPerson(before),
        after: person,
      });
      updated.push(person);
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
    batch: { creates: readonly PersonCreateInput[]; updates: readonly PersonBatchUpdate[] },
  ): Promise<BatchIssues> {
    requirePermission(ctx.actor, 'people.write');
    const rules = this.rules(db, ctx.actor);
    return {
      creates: (await rules.creates(batch.creates)).issues,
      updates: (await rules.updates(batch.updates)).issues,
    };
  }

  async update(ctx: RequestContext, id: string, input: PersonUpdate): Promise<Person> {
    requirePermission(ctx.actor, 'people.write');
    const { version, ...changes } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new PersonRepository(trx);
      const before = await findCurrent(repo, ENTITY, id, version, (row) => inScope(ctx.actor, row.office_id));
      const officeId = changes.office_id ?? before.office_id;
      const departmentId = changes.department_id === undefined ? before.department_id : changes.department_id;
      if (officeId !== before.office_id || departmentId !== before.department_id)
        await requirePlacement(trx, ctx.actor, officeId, departmentId);
      const columns = storedPersonChanges(changes);
      const merged = { ...before, ...columns };
      const stored = {
        ...columns,
        search_text: personSearchText(merged),
        updated_at: isoNow(this.deps.clock),
      };
      await updateIfCurrent(repo, ENTITY, id, version, stored, () => duplicateEmail(merged.email));
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
      const before = await findCurrent(repo, ENTITY, id, version, (row) => inScope(ctx.actor, row.office_id));
      const users = await repo.countLinkedUsers(id);
      if (users > 0) throw linkedToUser(users);
      // Other records pointing at this person (data assets, or a user account linked meanwhile) answer 409.
      await deleteIfCurrent(repo, ENTITY, id, version, before.email);
      await audit({
        action: 'delete',
        entityType: ENTITY,
        entityId: id,
        officeId: before.office_id,
        before: presentPerson(before),
      });
    });
  }

  private rules(db: Kysely<Database>, actor: Actor): PersonBatchRules {
    return new PersonBatchRules(db, actor, isoNow(this.deps.clock));
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

function duplicateEmail(email: string): AppError {
  return errors.conflict(`A person with e-mail ${email} already exists`, { field: 'email' });
}

function linkedToUser(users: number): AppError {
  return errors.conflict(`This person is linked to ${users} user account(s); unlink them first`, { users });
}
