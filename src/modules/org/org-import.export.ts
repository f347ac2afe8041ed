import type { RequestContext } from '../../core/audit.js';
import {
  collectAll,
  eachItem,
  spreadsheetFile,
  templateFile,
  type SpreadsheetFile,
} from '../../core/tabular/spreadsheet-file.js';
import type { OrgImportKind, SpreadsheetFormat } from './org-import.schema.js';
import { officeAsRow } from './org-import.offices.js';
import { personAsRow } from './org-import.people.js';
import type { OrgServices } from './org-import.plan.js';
import { officesTable, peopleTable, type OfficesRow, type PeopleRow } from './org-import.spec.js';

/* The records in the caller's scope, written in exactly the layout the import reads. */

const PAGE = 500;

/** Reads the codes every export and template needs: offices and regions the caller may see. */
export class OrgSheets {
  constructor(
    private readonly org: OrgServices,
    private readonly ctx: RequestContext,
  ) {}

  async export(kind: OrgImportKind, format: SpreadsheetFormat, filename: string): Promise<SpreadsheetFile> {
    if (kind === 'people') {
      const offices = await this.offices();
      const departments = await collectAll(
        eachItem((cursor) => this.org.departments.list(this.ctx, { limit: PAGE, cursor })),
      );
      const officeCode = new Map(offices.map((office) => [office.id, office.code]));
      const departmentCode = new Map(departments.map((department) => [department.id, department.code]));
      const people = eachItem((cursor) =>
        this.org.people.list(this.ctx, { sort: 'email', limit: PAGE, cursor }),
      );
      async function* rows(): AsyncGenerator<PeopleRow> {
        for await (const person of people)
          yield personAsRow(
            person,
            officeCode.get(person.office_id) ?? '',
            person.department_id === null ? undefined : departmentCode.get(person.department_id),
          );
      }
      const spec = peopleTable({ officeCodes: offices.map((office) => office.code) });
      return spreadsheetFile(spec, rows(), format, filename);
    }
    const regions = await this.org.regions.list(this.ctx);
    const regionCode = new Map(regions.map((region) => [region.id, region.code]));
    const offices = eachItem((cursor) =>
      this.org.offices.list(this.ctx, { sort: 'code', limit: PAGE, cursor }),
    );
    async function* rows(): AsyncGenerator<OfficesRow> {
      for await (const office of offices)
        yield officeAsRow(office, office.region_id === null ? undefined : regionCode.get(office.region_id));
    }
    const spec = officesTable({ regionCodes: regions.map((region) => region.code).sort() });
    return spreadsheetFile(spec, rows(), format, filename);
  }

  /** An empty workbook: headers, drop-downs of the caller's offices or regions, and instructions. */
  async template(kind: OrgImportKind, filename: string): Promise<SpreadsheetFile> {
    if (kind === 'people') {
      const officeCodes = (await this.offices()).map((office) => office.code);
      return templateFile(peopleTable({ officeCodes }), filename);
    }
    const regionCodes = (await this.org.regions.list(this.ctx)).map((region) => region.code).sort();
    return templateFile(officesTable({ regionCodes }), filename);
  }

  private offices() {
    return collectAll(
      eachItem((cursor) => this.org.offices.list(this.ctx, { sort: 'code', limit: PAGE, cursor })),
    );
  }
}
