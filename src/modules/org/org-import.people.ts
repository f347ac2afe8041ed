import type { RequestContext } from '../../core/audit.js';
import type { FieldIssue } from '../../core/errors.js';
import type { Department, GovernanceRole, Office, Person } from './org.schema.js';
import { GOVERNANCE_ROLES } from './org.schema.js';
import { PEOPLE_TABLE, type PeopleRow } from './org-import.spec.js';
import type { FileColumns } from '../../core/tabular/file-columns.js';
import {
  cachedLookup,
  emptyPlan,
  serviceWrites,
  type ImportPlan,
  type Importer,
  type OrgServices,
} from './org-import.plan.js';
import type { PersonBatchUpdate, PersonCreateInput } from './person.batch.js';

/* People from a spreadsheet: codes resolved to ids, each row compared with the person of that e-mail. */

type PersonChanges = PersonBatchUpdate['changes'];

/** Which column of the file holds each field of the people service. */
const COLUMN_OF_FIELD: Record<string, string> = {
  id: 'email',
  version: 'email',
  email: 'email',
  full_name: 'full_name',
  office_id: 'office_code',
  department_id: 'department_code',
  job_title: 'job_title',
  governance_roles: 'governance_roles',
  active: 'active',
};

export function peopleImporter(
  org: OrgServices,
): Importer<typeof PEOPLE_TABLE.columns, PersonCreateInput, PersonBatchUpdate> {
  return {
    spec: PEOPLE_TABLE,
    plan: (ctx, rows, rowNumbers, columns, onRow) =>
      new PeoplePlanner(org, ctx, columns).plan(rows, rowNumbers, onRow),
    ...serviceWrites(org.people),
    columnOf: (field) => COLUMN_OF_FIELD[field],
  };
}

/** Roles in the catalogue's order, as the service stores them, so equal sets compare equal. */
function canonicalRoles(roles: readonly GovernanceRole[]): GovernanceRole[] {
  return GOVERNANCE_ROLES.filter((role) => roles.includes(role));
}

function sameRoles(a: readonly GovernanceRole[], b: readonly GovernanceRole[]): boolean {
  return a.length === b.length && a.every((role, i) => role === b[i]);
}

/**
 * Resolves the codes of each row through the services, so the caller's scope applies: an office
 * outside it reads exactly like an unknown one. Each office and department is looked up once.
 */
class PeoplePlanner {
  private readonly offices = new Map<string, Promise<Office | undefined>>();
  private readonly departments = new Map<string, Promise<Department | undefined>>();

  constructor(
    private readonly org: OrgServices,
    private readonly ctx: RequestContext,
    private readonly columns: FileColumns,
  ) {}

  async plan(
    rows: readonly PeopleRow[],
    rowNumbers: readonly number[],
    onRow: () => void,
  ): Promise<ImportPlan<PersonCreateInput, PersonBatchUpdate>> {
    const existing = new Map(
      (
        await this.org.people.findManyByEmail(
          this.ctx,
          rows.map((r) => r.email),
        )
      ).map((p) => [p.email, p]),
    );
    const plan = emptyPlan<PersonCreateInput, PersonBatchUpdate>();
    for (const [index, data] of rows.entries()) {
      const row = rowNumbers[index] ?? index + 1;
      const issues: FieldIssue[] = [];
      const office = await this.office(data.office_code);
      if (!office)
        issues.push(this.columns.issue(row, 'office_code', `office ${data.office_code} was not found`));
      let departmentId: string | null = null;
      if (office && data.department_code !== undefined) {
        const department = await this.department(office, data.department_code);
        if (department) departmentId = department.id;
        else
          issues.push(
            this.columns.issue(
              row,
              'department_code',
              `office ${office.code} has no department ${data.department_code}`,
            ),
          );
      }
      const person = existing.get(data.email);
      if (office && issues.length === 0) {
        if (!person) plan.creates.push({ row, value: this.newPerson(data, office.id, departmentId) });
        else {
          const changes = this.changes(data, person, office.id, departmentId);
          if ('issue' in changes) issues.push(this.columns.issue(row, 'office_code', changes.issue));
          else if (Object.keys(changes).length === 0) plan.unchanged++;
          else
            plan.updates.push({
              row,
              value: { id: person.id, changes: { ...changes, version: person.version } },
            });
        }
      }
      plan.issues.push(...issues);
      onRow();
    }
    return plan;
  }

  private newPerson(data: PeopleRow, officeId: string, departmentId: string | null): PersonCreateInput {
    return {
      email: data.email,
      full_name: data.full_name,
      office_id: officeId,
      department_id: departmentId,
      job_title: data.job_title ?? null,
      governance_roles: canonicalRoles(data.governance_roles ?? []),
      active: data.active ?? true,
    };
  }

  /**
   * Only the fields that differ. Columns the file lacks leave the person's values alone; an empty
   * cell in a column it has clears the value (except Active, where it keeps it).
   */
  private changes(
    data: PeopleRow,
    person: Person,
    officeId: string,
    departmentId: string | null,
  ): Omit<PersonChanges, 'version'> | { issue: string } {
    const changes: Omit<PersonChanges, 'version'> = {};
    const has = (key: string) => this.columns.has(key);
    if (data.full_name !== person.full_name) changes.full_name = data.full_name;
    if (officeId !== person.office_id) changes.office_id = officeId;
    if (has('department_code')) {
      if (departmentId !== person.department_id) changes.department_id = departmentId;
    } else if (changes.office_id !== undefined && person.department_id !== null)
      return {
        issue: `the person's department belongs to their current office: add a ${this.columns.header('department_code')} column to move them`,
      };
    if (has('job_title') && (data.job_title ?? null) !== person.job_title)
      changes.job_title = data.job_title ?? null;
    if (has('governance_roles')) {
      const roles = canonicalRoles(data.governance_roles ?? []);
      if (!sameRoles(roles, person.governance_roles)) changes.governance_roles = roles;
    }
    if (data.active !== undefined && data.active !== person.active) changes.active = data.active;
    return changes;
  }

  private office(code: string): Promise<Office | undefined> {
    return cachedLookup(this.offices, code, () => this.org.offices.findByCode(this.ctx, code));
  }

  private department(office: Office, code: string): Promise<Department | undefined> {
    return cachedLookup(this.departments, `${office.id}/${code}`, () =>
      this.org.departments.findByCode(this.ctx, office.id, code),
    );
  }
}

/** The rows of an export, in the layout of the import. */
export function personAsRow(
  person: Person,
  officeCode: string,
  departmentCode: string | undefined,
): PeopleRow {
  return {
    email: person.email,
    full_name: person.full_name,
    office_code: officeCode,
    department_code: departmentCode,
    job_title: person.job_title ?? undefined,
    governance_roles: person.governance_roles.length > 0 ? person.governance_roles : undefined,
    active: person.active,
  };
}
