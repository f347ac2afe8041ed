import type { ZodError } from 'zod';
import { errors, type FieldIssue } from '../../core/errors.js';

/* Turning rule and shape problems into the error catalogue's validation answers. */

/** Throw one validation error listing every issue, its message led by the first field. */
export function throwIfIssues(issues: FieldIssue[]): void {
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
}

/** A zod failure on one record of a batch, as issues on that row (1-based position in the batch). */
export function rowIssues(error: ZodError, row: number): FieldIssue[] {
  return error.issues.map((issue) => ({
    row,
    path: issue.path.map(String).join('.') || '(root)',
    message:
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** Refuse a whole batch when any record has a problem, listing them by row: nothing is written. */
export function throwIfRowIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw errors.importInvalid(issues.toSorted((a, b) => (a.row ?? 0) - (b.row ?? 0)));
}

/** Remembers the first row that used a unique value, to report repeats inside one batch. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();

  /** The earlier row holding `value`, or null (and `value` is now held by `row`). */
  claim(value: string, row: number): number | null {
    const earlier = this.rows.get(value);
    if (earlier !== undefined) return earlier;
    this.rows.set(value, row);
    return null;
  }
}

/** A batch checked without writing: the problems of each list, `row` = 1-based position in that list. */
export interface BatchIssues {
  creates: FieldIssue[];
  updates: FieldIssue[];
}
