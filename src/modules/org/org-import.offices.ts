import type { RequestContext } from '../../core/audit.js';
import type { OfficeBatchUpdate, OfficeCreateInput } from './office.batch.js';
import type { Office, Region } from './org.schema.js';
import { OFFICES_TABLE, type OfficesRow } from './org-import.spec.js';
import type { FileColumns } from '../../core/tabular/file-columns.js';
import {
  cachedLookup,
  emptyPlan,
  serviceWrites,
  type ImportPlan,
  type Importer,
  type OrgServices,
} from './org-import.plan.js';

/* Offices from a spreadsheet: region codes resolved to ids, each row compared with the office of that code. */

type OfficeChanges = Omit<OfficeBatchUpdate['changes'], 'version'>;

/** Which column of the file holds each field of the offices service. */
const COLUMN_OF_FIELD: Record<string, string> = {
  id: 'code',
  version: 'code',
  code: 'code',
  name: 'name',
  kind: 'kind',
  region_id: 'region_code',
  country_code: 'country_code',
  city: 'city',
};

export function officesImporter(
  org: OrgServices,
): Importer<typeof OFFICES_TABLE.columns, OfficeCreateInput, OfficeBatchUpdate> {
  return {
    spec: OFFICES_TABLE,
    plan: (ctx, rows, rowNumbers, columns, onRow) =>
      new OfficesPlanner(org, ctx, columns).plan(rows, rowNumbers, onRow),
    ...serviceWrites(org.offices),
    columnOf: (field) => COLUMN_OF_FIELD[field],
  };
}

/** Resolves region codes through the region service, so a region outside the caller's scope reads as unknown. */
class OfficesPlanner {
  private readonly regions = new Map<string, Promise<Region | undefined>>();

  constructor(
    private readonly org: OrgServices,
    private readonly ctx: RequestContext,
    private readonly columns: FileColumns,
  ) {}

  async plan(
    rows: readonly OfficesRow[],
    rowNumbers: readonly number[],
    onRow: () => void,
  ): Promise<ImportPlan<OfficeCreateInput, OfficeBatchUpdate>> {
    const plan = emptyPlan<OfficeCreateInput, OfficeBatchUpdate>();
    for (const [index, data] of rows.entries()) {
      const row = rowNumbers[index] ?? index + 1;
      const before = plan.issues.length;
      let regionId: string | null = null;
      if (data.region_code !== undefined) {
        const region = await this.region(data.region_code);
        if (region) regionId = region.id;
        else
          plan.issues.push(
            this.columns.issue(row, 'region_code', `region ${data.region_code} was not found`),
          );
      }
      const office = await this.org.offices.findByCode(this.ctx, data.code);
      if (!office) {
        if (data.kind === undefined)
          plan.issues.push(
            this.columns.issue(row, 'kind', `${this.columns.header('kind')} is required for a new office`),
          );
        else if (plan.issues.length === before)
          plan.creates.push({ row, value: this.newOffice(data, data.kind, regionId) });
      } else if (plan.issues.length === before) {
        const changes = this.changes(data, office, regionId);
        if (Object.keys(changes).length === 0) plan.unchanged++;
        else
          plan.updates.push({
            row,
            value: { id: office.id, changes: { ...changes, version: office.version } },
          });
      }
      onRow();
    }
    return plan;
  }

  private newOffice(data: OfficesRow, kind: Office['kind'], regionId: string | null): OfficeCreateInput {
    return {
      code: data.code,
      name: data.name,
      kind,
      region_id: regionId,
      country_code: data.country_code ?? null,
      city: data.city ?? null,
    };
  }

  /**
   * Only the fields that differ. Columns the file lacks leave the office's values alone; an empty
   * cell in a column it has clears the value (except Kind, where it keeps it).
   */
  private changes(data: OfficesRow, office: Office, regionId: string | null): OfficeChanges {
    const changes: OfficeChanges = {};
    const has = (key: string) => this.columns.has(key);
    if (data.name !== office.name) changes.name = data.name;
    if (data.kind !== undefined && data.kind !== office.kind) changes.kind = data.kind;
    if (has('region_code') && regionId !== office.region_id) changes.region_id = regionId;
    if (has('country_code') && (data.country_code ?? null) !== office.country_code)
      changes.country_code = data.country_code ?? null;
    if (has('city') && (data.city ?? null) !== office.city) changes.city = data.city ?? null;
    return changes;
  }

  private region(code: string): Promise<Region | undefined> {
    return cachedLookup(this.regions, code, () => this.org.regions.findByCode(this.ctx, code));
  }
}

/** The rows of an export, in the layout of the import. */
export function officeAsRow(office: Office, regionCode: string | undefined): OfficesRow {
  return {
    code: office.code,
    name: office.name,
    kind: office.kind,
    region_code: regionCode,
    country_code: office.country_code ?? undefined,
    city: office.city ?? undefined,
  };
}
