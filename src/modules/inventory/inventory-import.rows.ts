import type { RequestContext } from '../../core/audit.js';
import type { FieldIssue } from '../../core/errors.js';
import { normaliseHeader } from '../../core/tabular/columns.js';
import type { FileColumns } from '../../core/tabular/file-columns.js';
import type { DepartmentService } from '../org/department.service.js';
import type { Department, Office } from '../org/org.schema.js';
import type { OfficeService } from '../org/office.service.js';
import type { AssetUpsertInput } from './asset.bulk.js';
import type { AssetService } from './asset.service.js';
import type { Asset, OwnershipField } from './asset.schema.js';
import { INVENTORY_COLUMNS, type InventoryColumn, type InventoryRow } from './inventory-import.spec.js';

/* Rows of the inventory spreadsheet ⇄ the records of the asset service: codes, names and e-mails ⇄ ids. */

/** The services the spreadsheet resolves codes and names with (scope applies through them). */
export interface InventoryImportServices {
  assets: AssetService;
  offices: OfficeService;
  departments: DepartmentService;
}

type PeopleColumn = 'data_owner_email' | 'data_custodian_email' | 'data_steward_email' | 'focal_point_email';

const PEOPLE_COLUMNS: readonly { column: PeopleColumn; field: OwnershipField }[] = [
  { column: 'data_owner_email', field: 'data_owner_id' },
  { column: 'data_custodian_email', field: 'data_custodian_id' },
  { column: 'data_steward_email', field: 'data_steward_id' },
  { column: 'focal_point_email', field: 'focal_point_id' },
];

/** Which column of the file a field of the asset service comes from. */
const COLUMN_OF_FIELD: Record<string, InventoryColumn> = {
  id: 'asset_id',
  version: 'asset_id',
  name: 'name',
  description: 'description',
  asset_type: 'asset_type',
  system_id: 'system',
  office_id: 'office_code',
  department_id: 'department',
  ...Object.fromEntries(PEOPLE_COLUMNS.map(({ column, field }) => [field, column])),
  sensitivity_label: 'sensitivity_label',
  personal_data: 'personal_data',
  special_categories: 'special_categories',
  data_subjects: 'data_subjects',
  legal_basis: 'legal_basis',
  purpose: 'purpose',
  retention: 'retention',
  hosting_location: 'hosting_location',
  tags: 'tags',
  last_reviewed: 'last_reviewed',
  last_access_review: 'last_access_review',
};

export function columnOfField(field: string): InventoryColumn | undefined {
  return COLUMN_OF_FIELD[field];
}

/** Cells that name other records (resolved to ids) or keep their value when empty. */
const RESOLVED_COLUMNS = [
  'asset_id',
  'system',
  'office_code',
  'department',
  'personal_data',
  ...PEOPLE_COLUMNS.map(({ column }) => column),
] as const;
type PlainColumn = Exclude<InventoryColumn, (typeof RESOLVED_COLUMNS)[number]>;

/** Plain cells copied as they are: empty clears on an update, is left out on a new asset. */
const PLAIN_COLUMNS = INVENTORY_COLUMNS.filter(
  (key): key is PlainColumn => !(RESOLVED_COLUMNS as readonly string[]).includes(key),
);

const LIST_COLUMNS: ReadonlySet<InventoryColumn> = new Set(['special_categories', 'data_subjects', 'tags']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolvedRows {
  inputs: AssetUpsertInput[];
  /** Sheet row of each input. */
  rowNumbers: number[];
  issues: FieldIssue[];
}

/**
 * Resolves the codes, names and e-mails of each row through the services, so the caller's scope
 * applies: an office outside it reads exactly like an unknown one. Each reference is looked up once.
 */
export class InventoryRowResolver {
  private readonly offices = new Map<string, Promise<Office | undefined>>();
  private readonly departments = new Map<string, Promise<Map<string, Department[]>>>();
  private readonly systems = new Map<string, Promise<Map<string, string[]>>>();
  private people = new Map<string, string>();

  constructor(
    private readonly services: InventoryImportServices,
    private readonly ctx: RequestContext,
    private readonly columns: FileColumns,
  ) {}

  async resolve(
    rows: readonly InventoryRow[],
    rowNumbers: readonly number[],
    onRow: () => void,
  ): Promise<ResolvedRows> {
    const emails = rows
      .flatMap((row) => PEOPLE_COLUMNS.map(({ column }) => row[column] ?? ''))
      .filter(Boolean);
    this.people = await this.services.assets.peopleByEmail(this.ctx, emails);
    const result: ResolvedRows = { inputs: [], rowNumbers: [], issues: [] };
    for (const [index, data] of rows.entries()) {
      const row = rowNumbers[index] ?? index + 1;
      const { input, issues } = await this.input(data, row);
      if (issues.length > 0) result.issues.push(...issues);
      else {
        result.inputs.push(input);
        result.rowNumbers.push(row);
      }
      onRow();
    }
    return result;
  }

  private async input(
    data: InventoryRow,
    row: number,
  ): Promise<{ input: AssetUpsertInput; issues: FieldIssue[] }> {
    const issues: FieldIssue[] = [];
    const isNew = data.asset_id === undefined;
    const input: Record<string, unknown> = isNew ? {} : { id: data.asset_id };
    // An empty cell of a column the file has clears the value of an existing asset.
    const cleared = (key: InventoryColumn) => (!isNew && this.columns.has(key) ? null : undefined);
    for (const key of PLAIN_COLUMNS) {
      const value = data[key];
      if (value !== undefined) input[key] = value;
      else if (cleared(key) === null) input[key] = LIST_COLUMNS.has(key) ? [] : null;
    }
    if (data.personal_data !== undefined) input.personal_data = data.personal_data;

    const office = await this.office(data.office_code);
    if (!office) {
      issues.push(this.columns.issue(row, 'office_code', `office ${data.office_code} was not found`));
      return { input, issues };
    }
    input.office_id = office.id;

    if (data.department !== undefined) {
      const found = (await this.departmentsOf(office)).get(normaliseHeader(data.department)) ?? [];
      if (found.length === 1) input.department_id = found[0]!.id;
      else
        issues.push(
          this.columns.issue(
            row,
            'department',
            found.length === 0
              ? `office ${office.code} has no department ${data.department}`
              : `office ${office.code} has several departments named ${data.department}; use the code`,
          ),
        );
    } else input.department_id = cleared('department');

    if (data.system !== undefined) {
      const system = await this.system(office, data.system);
      if ('id' in system) input.system_id = system.id;
      else issues.push(this.columns.issue(row, 'system', system.problem));
    } else input.system_id = cleared('system');

    for (const { column, field } of PEOPLE_COLUMNS) {
      const email = data[column];
      if (email === undefined) input[field] = cleared(column);
      else {
        const id = this.people.get(email);
        if (id) input[field] = id;
        else issues.push(this.columns.issue(row, column, `${email} is not a person of the organisation`));
      }
    }
    return { input: input as AssetUpsertInput, issues };
  }

  private async system(office: Office, typed: string): Promise<{ id: string } | { problem: string }> {
    if (UUID.test(typed)) return { id: typed.toLowerCase() };
    let found = this.systems.get(office.id);
    if (!found) {
      found = this.services.assets.systemsOf(this.ctx, office.id).then((systems) => {
        const byName = new Map<string, string[]>();
        for (const system of systems) {
          const key = normaliseHeader(system.name);
          byName.set(key, [...(byName.get(key) ?? []), system.id]);
        }
        return byName;
      });
      this.systems.set(office.id, found);
    }
    const ids = (await found).get(normaliseHeader(typed)) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    return {
      problem:
        ids.length === 0
          ? `office ${office.code} has no application or database named ${typed}`
          : `office ${office.code} has ${ids.length} systems named ${typed}; use the asset id`,
    };
  }

  private office(code: string): Promise<Office | undefined> {
    let found = this.offices.get(code);
    if (!found) {
      found = this.services.offices.findByCode(this.ctx, code);
      this.offices.set(code, found);
    }
    return found;
  }

  /** The departments of an office by normalised code and name. */
  private departmentsOf(office: Office): Promise<Map<string, Department[]>> {
    let found = this.departments.get(office.id);
    if (!found) {
      found = this.services.departments.list(this.ctx, { office_id: office.id, limit: 500 }).then((page) => {
        const index = new Map<string, Department[]>();
        for (const department of page.items) {
          // A code names one department; a name only where no code already claims it.
          index.set(normaliseHeader(department.code), [department]);
        }
        for (const department of page.items) {
          const key = normaliseHeader(department.name);
          const taken = index.get(key);
          if (!taken) index.set(key, [department]);
          else if (!taken.includes(department) && taken.every((d) => normaliseHeader(d.code) !== key))
            taken.push(department);
        }
        return index;
      });
      this.departments.set(office.id, found);
    }
    return found;
  }
}

/** Codes and e-mails an export writes in place of ids. */
export interface ExportNames {
  officeCode: ReadonlyMap<string, string>;
  departmentCode: ReadonlyMap<string, string>;
  email: ReadonlyMap<string, string>;
}

/** An asset as a row of the spreadsheet, in the layout the import reads. */
export function assetAsRow(asset: Asset, names: ExportNames): InventoryRow {
  const text = (value: string | null) => value ?? undefined;
  const list = <T>(values: readonly T[]) => (values.length > 0 ? [...values] : undefined);
  const person = (id: string | null) => (id === null ? undefined : names.email.get(id));
  return {
    asset_id: asset.id,
    name: asset.name,
    description: text(asset.description),
    asset_type: asset.asset_type,
    system: text(asset.system_id),
    office_code: names.officeCode.get(asset.office_id) ?? '',
    department: asset.department_id === null ? undefined : names.departmentCode.get(asset.department_id),
    data_owner_email: person(asset.data_owner_id),
    data_custodian_email: person(asset.data_custodian_id),
    data_steward_email: person(asset.data_steward_id),
    focal_point_email: person(asset.focal_point_id),
    sensitivity_label: asset.sensitivity_label ?? undefined,
    personal_data: asset.personal_data,
    special_categories: list(asset.special_categories),
    data_subjects: list(asset.data_subjects),
    legal_basis: text(asset.legal_basis),
    purpose: text(asset.purpose),
    retention: text(asset.retention),
    hosting_location: text(asset.hosting_location),
    tags: list(asset.tags),
    last_reviewed: text(asset.last_reviewed),
    last_access_review: text(asset.last_access_review),
  };
}
