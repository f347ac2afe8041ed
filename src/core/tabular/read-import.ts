import type { FieldIssue } from '../errors.js';
import type { ByteInput } from './byte-source.js';
import type { AnyColumn, RowOf, TableSpec } from './columns.js';
import { FileColumns } from './file-columns.js';
import type { TabularLimits } from './limits.js';
import { readSpreadsheet } from './read.js';
import { matchHeaders, validateRows, type RowsValidation } from './validate-rows.js';

/** A file read for an import: the checked rows, the columns it has, and whether a required one is missing. */
export interface ImportFile<Cs extends readonly AnyColumn[]> {
  validation: RowsValidation<RowOf<Cs>>;
  columns: FileColumns;
  /** Without a required column no row can be matched or created: the header problems say it all. */
  missingRequired: boolean;
}

/** The first steps of every import: read the file (any format), check every row against the spec. */
export async function readImportFile<Cs extends readonly AnyColumn[]>(
  input: ByteInput,
  spec: TableSpec<Cs>,
  limits?: Partial<TabularLimits>,
): Promise<ImportFile<Cs>> {
  const table = await readSpreadsheet(input, { limits });
  const validation = await validateRows(table, spec);
  const headers = matchHeaders(table.headers, spec as TableSpec, table.headerRow);
  const columns = new FileColumns(spec as TableSpec, headers.columns);
  const missingRequired = spec.columns.some((column) => column.required && !columns.has(column.key));
  return { validation, columns, missingRequired };
}

/**
 * A service problem (row = 1-based position in the batch it checked, path = field) as a problem of the
 * file: the sheet row the record came from, and the column (as the file names it) the field is read from.
 */
export function fileIssue(
  issue: FieldIssue,
  rowNumbers: readonly number[],
  columns: FileColumns,
  columnOf: (field: string) => string | undefined,
): FieldIssue {
  const row = issue.row === undefined ? undefined : rowNumbers[issue.row - 1];
  const key = columnOf(issue.path.split('.')[0] ?? issue.path);
  return {
    path: key ?? issue.path,
    ...(row === undefined ? {} : { row }),
    ...(key === undefined ? {} : { column: columns.header(key) }),
    message: issue.message,
  };
}
