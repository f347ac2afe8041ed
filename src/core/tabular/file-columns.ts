import type { FieldIssue } from '../errors.js';
import type { AnyColumn, TableSpec } from './columns.js';

/**
 * The columns a file has, with the headers as the file spells them, so problems name the column
 * the user sees ("Courriel", not "email"). A column the file lacks is named by its English header.
 */
export class FileColumns {
  private readonly headers: Map<string, string>;

  constructor(
    private readonly spec: TableSpec<readonly AnyColumn[]>,
    matched: ReadonlyArray<{ header: string; column: AnyColumn }>,
  ) {
    this.headers = new Map(matched.map(({ header, column }) => [column.key, header]));
  }

  /** Whether the file has this column: a missing column leaves the stored values alone. */
  has(key: string): boolean {
    return this.headers.has(key);
  }

  header(key: string): string {
    return this.headers.get(key) ?? this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  /** A problem on one cell of the file. */
  issue(row: number, key: string, message: string): FieldIssue {
    return { row, path: key, column: this.header(key), message };
  }
}

/** Problems in the order of the file's rows (problems of one row keep their order). */
export function byRow(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.toSorted((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
