import type { z } from 'zod';
import { errors } from '../core/errors.js';

/**
 * Validate command-line values with the same zod schema the API uses, reporting problems by the
 * option the operator typed (`--name`) rather than the field name (`display_name`).
 */
export function parseArgs<T extends z.ZodType>(
  schema: T,
  value: unknown,
  flags: Record<string, string> = {},
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const root = String(issue.path[0] ?? '');
    return { path: flags[root] ?? (field || '(arguments)'), message: issue.message };
  });
  const first = issues[0]!;
  throw errors.validation(`${first.path}: ${first.message}`, issues);
}
