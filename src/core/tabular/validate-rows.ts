import type { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { headerIndex, normaliseHeader, type AnyColumn, type RowOf, type TableSpec } from './columns.js';
import type { TabularRow } from './table.js';

export interface RowsInput {
  headers: readonly string[];
  /** Sheet row of the headers, for header problems (default 1). */
  headerRow?: number;
  rows: Iterable<TabularRow> | AsyncIterable<TabularRow>;
}

export interface RowsValidation<T> {
  valid: T[];
  /** Sheet row of each valid record: `rowNumbers[i]` is where `valid[i]` came from. */
  rowNumbers: number[];
  /** Header problems first, then cell problems in row order; at most `maxIssues`. */
  issues: FieldIssue[];
  /** All problems found, including those beyond `maxIssues`. */
  issueCount: number;
  /** Non-blank data rows read. */
  rowsRead: number;
}

export interface ValidateOptions {
  /** Stop collecting (not counting) issues after this many, so a wrong file cannot flood memory. */
  maxIssues?: number;
}

const DEFAULT_MAX_ISSUES = 1000;

interface HeaderMatch {
  columns: Array<{ header: string; column: AnyColumn }>;
  issues: FieldIssue[];
}

/** Which file header feeds which column; unknown, doubled and missing columns are reported once. */
export function matchHeaders(headers: readonly string[], spec: TableSpec, headerRow = 1): HeaderMatch {
  const index = headerIndex(spec.columns);
  const byColumn = new Map<AnyColumn, string>();
  const issues: FieldIssue[] = [];
  const expected = spec.columns.map((c) => c.header).join(', ');
  for (const header of headers) {
    const column = index.get(normaliseHeader(header));
    if (!column) {
      issues.push({
        path: header,
        row: headerRow,
        column: header,
        message: `Unknown column "${header}"; expected: ${expected}`,
      });
      continue;
    }
    const earlier = byColumn.get(column);
    if (earlier !== undefined) {
      issues.push({
        path: column.key,
        row: headerRow,
        column: header,
        message: `Columns "${earlier}" and "${header}" both mean "${column.header}"; keep one`,
      });
      continue;
    }
    byColumn.set(column, header);
  }
  for (const column of spec.columns) {
    if (column.required && !byColumn.has(column)) {
      issues.push({
        path: column.key,
        row: headerRow,
        column: column.header,
        message: `Required column "${column.header}" is missing`,
      });
    }
  }
  return { columns: [...byColumn].map(([column, header]) => ({ header, column })), issues };
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid value';
}

function uniqueKey(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : JSON.stringify(value);
}

/**
 * Check every row against the spec and report every problem with its sheet row and column, so
 * the user can fix the file in one pass. Rows with no problem come back typed; blank rows are
 * skipped. Nothing here writes anywhere: callers decide to import all, none, or the valid rows.
 */
export async function validateRows<Cs extends readonly AnyColumn[]>(
  input: RowsInput,
  spec: TableSpec<Cs>,
  options: ValidateOptions = {},
): Promise<RowsValidation<RowOf<Cs>>> {
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
  const result: RowsValidation<RowOf<Cs>> = {
    valid: [],
    rowNumbers: [],
    issues: [],
    issueCount: 0,
    rowsRead: 0,
  };
  const report = (issue: FieldIssue) => {
    result.issueCount++;
    if (result.issues.length < maxIssues) result.issues.push(issue);
  };

  const { columns, issues } = matchHeaders(input.headers, spec as TableSpec, input.headerRow ?? 1);
  issues.forEach(report);
  const seen = new Map<string, Map<string, number>>((spec.unique ?? []).map((key) => [key, new Map()]));

  for await (const tabularRow of input.rows) {
    const { row, cells } = tabularRow;
    if (Object.values(cells).every((text) => text.trim() === '') && !tabularRow.unlabelled) continue;
    result.rowsRead++;
    let ok = true;
    const fail = (issue: Omit<FieldIssue, 'row'>) => {
      ok = false;
      report({ ...issue, row });
    };
    for (const letter of tabularRow.unlabelled ?? []) {
      fail({ path: letter, column: letter, message: `Column ${letter} has a value but no header` });
    }

    const record: Record<string, unknown> = {};
    for (const { header, column } of columns) {
      const text = cells[header] ?? '';
      if (text.trim() === '') {
        if (column.required)
          fail({ path: column.key, column: header, message: `${column.header} is required` });
        continue;
      }
      const parsed = column.schema.safeParse(text);
      if (!parsed.success) {
        fail({ path: column.key, column: header, message: firstMessage(parsed.error) });
        continue;
      }
      if (parsed.data === undefined) continue;
      record[column.key] = parsed.data;
      const firstRows = seen.get(column.key);
      if (firstRows) {
        const key = uniqueKey(parsed.data);
        const first = firstRows.get(key);
        if (first === undefined) firstRows.set(key, row);
        else fail({ path: column.key, column: header, message: `${column.header} repeats row ${first}` });
      }
    }

    if (ok && spec.check) {
      const headerOf = new Map(columns.map(({ header, column }) => [column.key, header]));
      for (const problem of spec.check(record as RowOf<Cs>)) {
        const header = problem.column ? (headerOf.get(problem.column) ?? problem.column) : undefined;
        fail({
          path: problem.column ?? 'row',
          ...(header ? { column: header } : {}),
          message: problem.message,
        });
      }
    }
    if (ok) {
      result.valid.push(record as RowOf<Cs>);
      result.rowNumbers.push(row);
    }
  }
  return result;
}

/** One line per issue for terminals and logs: "Row 5, E-mail: not a valid e-mail address". */
export function describeIssue(issue: FieldIssue): string {
  const where = [issue.row !== undefined ? `Row ${issue.row}` : null, issue.column ?? null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
