import type { Readable } from 'node:stream';
import type { RequestContext } from '../../core/audit.js';
import type { Page } from '../../core/pagination.js';
import type { AnyColumn, RowOf, TableSpec } from '../../core/tabular/columns.js';
import { writeCsv } from '../../core/tabular/write-csv.js';
import { writeXlsx } from '../../core/tabular/write-xlsx.js';
import type { OrgImportKind, SpreadsheetFormat } from './org-import.schema.js';
import { officeAsRow } from './org-import.offices.js';
import { personAsRow } from './org-import.people.js';
import type { OrgServices } from './org-import.plan.js';
import { officesTable, peopleTable, type OfficesRow, type PeopleRow } from './org-import.spec.js';

/* The records in the caller's scope, written in exactly the layout the import reads. */

export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A spreadsheet to download or save. `rowCount()` is final once the stream has ended. */
export interface SpreadsheetFile {
  filename: string;
  contentType: string;
  stream: Readable;
  rowCount(): number;
}

const PAGE = 500;

/** Every item of a paged list, read one page at a time as the consumer asks for more. */
async function* eachItem<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield* page.items;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function spreadsheet<Cs extends readonly AnyColumn[]>(
  spec: TableSpec<Cs>,
  rows: AsyncIterable<RowOf<Cs>>,
  format: SpreadsheetFormat,
  filename: string,
): SpreadsheetFile {
  let count = 0;
  async function* counted(): AsyncGenerator<RowOf<Cs>> {
    for await (const row of rows) {
      count++;
      yield row;
    }
  }
  return {
    filename: `${filename}.${format}`,
    contentType: SPREADSHEET_CONTENT_TYPES[format],
    stream: format === 'xlsx' ? writeXlsx(spec, counted()) : writeCsv(spec, counted()),
    rowCount: () => count,
  };
}

/** Reads the codes every export and template needs: offices and regions the caller may see. */
export class OrgSheets {
  constructor(
    private readonly org: OrgServices,
    private readonly ctx: RequestContext,
  ) {}

  async export(kind: OrgImportKind, format: SpreadsheetFormat, filename: string): Promise<SpreadsheetFile> {
    if (kind === 'people') {
      const offices = await this.offices();
      const departments = await collect(
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
      return spreadsheet(spec, rows(), format, filename);
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
    return spreadsheet(spec, rows(), format, filename);
  }

  /** An empty workbook: headers, drop-downs of the caller's offices or regions, and instructions. */
  async template(kind: OrgImportKind, filename: string): Promise<SpreadsheetFile> {
    const none = (async function* () {})();
    if (kind === 'people') {
      const officeCodes = (await this.offices()).map((office) => office.code);
      return spreadsheet(peopleTable({ officeCodes }), none, 'xlsx', filename);
    }
    const regionCodes = (await this.org.regions.list(this.ctx)).map((region) => region.code).sort();
    return spreadsheet(officesTable({ regionCodes }), none, 'xlsx', filename);
  }

  private offices() {
    return collect(
      eachItem((cursor) => this.org.offices.list(this.ctx, { sort: 'code', limit: PAGE, cursor })),
    );
  }
}
