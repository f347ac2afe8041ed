import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { inScope, type Actor } from '../../core/permissions.js';
import type { Database } from '../../db/schema.js';
import { DepartmentRepository, type DepartmentRow } from './department.repository.js';
import {
  personCreateSchema,
  personUpdateSchema,
  type PersonCreate,
  type PersonUpdate,
} from './org.schema.js';
import { VisibleOffices } from './org.references.js';
import { FirstSeen, rowIssues } from './org.validation.js';
import { personSearchText, storedRoles } from './person.present.js';
import { PersonRepository, type PersonRow } from './person.repository.js';

/* The rules of batch writes on people (imports, the demo loader), checked before anything is written. */

/** A person as a caller may send it before validation (e.g. a row read from a file). */
export type PersonCreateInput = z.input<typeof personCreateSchema>;

/** One change of a batch: the person and the fields to change, with the version the caller read. */
export interface PersonBatchUpdate {
  id: string;
  changes: z.input<typeof personUpdateSchema>;
}

/** An update that passed every rule: what to store, and the record before and after for the audit trail. */
export interface CheckedPersonUpdate {
  before: PersonRow;
  version: number;
  stored: Partial<PersonRow>;
  after: PersonRow;
}

export function newPersonRow(input: PersonCreate, now: string): PersonRow {
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
export function storedPersonChanges(changes: Omit<PersonUpdate, 'version'>): Partial<PersonRow> {
  const { governance_roles, active, job_title, ...plain } = changes;
  return {
    ...plain,
    ...(job_title === undefined ? {} : { job_title: job_title || null }),
    ...(governance_roles === undefined ? {} : { governance_roles: storedRoles(governance_roles) }),
    ...(active === undefined ? {} : { active: active ? 1 : 0 }),
  };
}

export function notInOffice(departmentId: string, officeCode: string): string {
  return `department ${departmentId} is not a department of office ${officeCode}; send department_id (or null) with office_id`;
}

/**
 * Checks a batch of new and changed people against the database `db` (the caller's transaction, or
 * the database itself for a dry run): every problem is reported by row, nothing is written. An
 * office outside the actor's scope answers like an unknown one; a department must be of the
 * person's office; e-mails must be unique.
 */
export class PersonBatchRules {
  private readonly offices: VisibleOffices;
  private readonly departments = new Map<string, Promise<DepartmentRow | undefined>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly now: string,
  ) {
    this.offices = new VisibleOffices(db, actor);
  }

  async creates(inputs: readonly PersonCreateInput[]): Promise<{ rows: PersonRow[]; issues: FieldIssue[] }> {
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
      const person = newPersonRow(parsed.data, this.now);
      issues.push(...(await this.placementIssues(row, person.office_id, person.department_id)));
      const earlier = emails.claim(person.email, row);
      if (earlier !== null)
        issues.push({ row, path: 'email', message: `${person.email} is also on row ${earlier}` });
      rows.push({ row, person });
    }
    const taken = await new PersonRepository(this.db).existingEmails(rows.map((r) => r.person.email));
    for (const { row, person } of rows)
      if (taken.has(person.email))
        issues.push({ row, path: 'email', message: `a person with e-mail ${person.email} already exists` });
    return { rows: rows.map((r) => r.person), issues };
  }

  async updates(
    updates: readonly PersonBatchUpdate[],
  ): Promise<{ checked: CheckedPersonUpdate[]; issues: FieldIssue[] }> {
    const repo = new PersonRepository(this.db);
    const current = await repo.findByIds(updates.map((update) => update.id));
    const issues: FieldIssue[] = [];
    const checked: { row: number; update: CheckedPersonUpdate }[] = [];
    const emails = new FirstSeen();
    for (const [index, { id, changes: raw }] of updates.entries()) {
      const row = index + 1;
      const parsed = personUpdateSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...rowIssues(parsed.error, row));
        continue;
      }
      const { version, ...changes } = parsed.data;
      const before = current.get(id);
      if (!before || !inScope(this.actor, before.office_id)) {
        issues.push({ row, path: 'id', message: `person ${id} was not found` });
        continue;
      }
      if (before.version !== version) {
        issues.push({ row, path: 'version', message: changedMeanwhile(before, version) });
        continue;
      }
      const columns = storedPersonChanges(changes);
      const merged = { ...before, ...columns };
      if (merged.office_id !== before.office_id || merged.department_id !== before.department_id)
        issues.push(...(await this.placementIssues(row, merged.office_id, merged.department_id)));
      if (merged.email !== before.email) {
        const earlier = emails.claim(merged.email, row);
        if (earlier !== null)
          issues.push({ row, path: 'email', message: `${merged.email} is also on row ${earlier}` });
      }
      const stored = { ...columns, search_text: personSearchText(merged), updated_at: this.now };
      checked.push({
        row,
        update: { before, version, stored, after: { ...merged, ...stored, version: version + 1 } },
      });
    }
    const newEmails = checked.filter((c) => c.update.after.email !== c.update.before.email);
    const taken = await repo.existingEmails(newEmails.map((c) => c.update.after.email));
    for (const { row, update } of newEmails)
      if (taken.has(update.after.email))
        issues.push({
          row,
          path: 'email',
          message: `a person with e-mail ${update.after.email} already exists`,
        });
    return { checked: checked.map((c) => c.update), issues };
  }

  private async placementIssues(
    row: number,
    officeId: string,
    departmentId: string | null,
  ): Promise<FieldIssue[]> {
    const office = await this.offices.get(officeId);
    if (!office) return [{ row, path: 'office_id', message: `office ${officeId} was not found` }];
    if (departmentId === null) return [];
    const department = await this.department(departmentId);
    if (department?.office_id === office.id) return [];
    return [{ row, path: 'department_id', message: notInOffice(departmentId, office.code) }];
  }

  /** Each department is looked up once per batch. */
  private department(id: string): Promise<DepartmentRow | undefined> {
    let found = this.departments.get(id);
    if (!found) {
      found = new DepartmentRepository(this.db).findById(id);
      this.departments.set(id, found);
    }
    return found;
  }
}

function changedMeanwhile(before: PersonRow, expected: number): string {
  return `${before.email} was changed by someone else (your version ${expected}, current ${before.version}); reload and try again`;
}
