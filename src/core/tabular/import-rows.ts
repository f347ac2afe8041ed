import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { RequestContext } from '../audit.js';
import { errors, isAppError, type FieldIssue } from '../errors.js';
import { inTransaction, type AuditWriter, type ServiceDeps } from '../service-context.js';
import type { ByteInput } from './byte-source.js';
import type { AnyColumn, RowOf, TableSpec } from './columns.js';
import { byRow, type FileColumns } from './file-columns.js';
import type { TabularLimits } from './limits.js';
import { readImportFile } from './read-import.js';

export interface RowImportOptions {
  dryRun?: boolean;
  limits?: Partial<TabularLimits>;
}

export interface RowImportResult {
  dry_run: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: FieldIssue[];
}

/** The result as the API documents it (problems without their field paths). */
export const rowImportReportSchema = z.object({
  dry_run: z.boolean(),
  /** Data rows read (blank rows are skipped). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Problems by sheet row and column (as the file names it). */
  issues: z.array(
    z.object({ row: z.number().int().optional(), column: z.string().optional(), message: z.string() }),
  ),
});

/** What writing one row did. */
export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** How a register writes its rows: one at a time, through its service's rules and audit. */
export interface RowWriter<Cs extends readonly AnyColumn[]> {
  /** Where a service field is read from in the sheet, when its column has another key (e.g. office_code). */
  columnOf: Readonly<Record<string, string>>;
  /** Write one valid row in the import's transaction; an AppError becomes problems of that row. */
  write(
    trx: Transaction<Database>,
    audit: AuditWriter,
    row: RowOf<Cs>,
    columns: FileColumns,
  ): Promise<RowOutcome>;
}

/** Sent back when a dry run is over, to roll its writes back. */
class DryRunDone extends Error {}

/**
 * Import a register's spreadsheet row by row in one transaction: all rows or none, every problem by
 * row and column (the file's and the service's), 422 import_invalid when there is any. A dry run
 * reports the same and writes nothing. The caller checks the permission first.
 */
export async function importRows<Cs extends readonly AnyColumn[]>(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: ByteInput,
  spec: TableSpec<Cs>,
  writer: RowWriter<Cs>,
  options: RowImportOptions = {},
): Promise<RowImportResult> {
  const dryRun = options.dryRun ?? false;
  const { validation, columns } = await readImportFile(input, spec, options.limits);
  const result: RowImportResult = {
    dry_run: dryRun,
    rows: validation.rowsRead,
    created: 0,
    updated: 0,
    unchanged: 0,
    issues: [...validation.issues],
  };
  try {
    await inTransaction(deps, ctx, async (trx, audit) => {
      for (const [i, sheetRow] of validation.valid.entries()) {
        const row = validation.rowNumbers[i] ?? 0;
        try {
          result[await writer.write(trx, audit, sheetRow, columns)] += 1;
        } catch (error) {
          if (!isAppError(error)) throw error;
          const details = error.details as { issues?: FieldIssue[]; field?: string } | undefined;
          const found = details?.issues?.length
            ? details.issues
            : [{ path: details?.field ?? 'id', message: error.message }];
          for (const f of found)
            result.issues.push(columns.issue(row, writer.columnOf[f.path] ?? f.path, f.message));
        }
      }
      if (result.issues.length > 0 && !dryRun) throw errors.importInvalid(byRow(result.issues));
      if (dryRun) throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  result.issues = byRow(result.issues);
  return result;
}

/** A problem of the row being imported, on the column `key` (the writer throws it; the row is added). */
export function rowProblem(key: string, message: string): never {
  throw errors.validation(message, [{ path: key, message }]);
}
