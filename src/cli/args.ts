import type { z } from 'zod';
import { AppError, errors, isAppError, type FieldIssue } from '../core/errors.js';
import type { Page } from '../core/pagination.js';

/* From command-line arguments to service inputs: validation with the shared schemas, in flag terms. */

/**
 * The flag a user typed for each field of a service input (`country_code` → `--country`), so that
 * problems are reported in the words of the command line rather than of the API.
 */
export class FlagNames {
  constructor(private readonly byField: Readonly<Record<string, string>>) {}

  /** Validate `input` once with the schema the API uses; a failure is validation_failed naming flags. */
  parse<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
    const result = schema.safeParse(withoutUndefined(input));
    if (result.success) return result.data;
    throw this.validation(
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message:
          issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
      })),
    );
  }

  /**
   * Await a service call; its field issues (e.g. a rule on `region_id`) are renamed to flags, and
   * an error about `target` (version conflict, gone meanwhile) names it as typed instead of by id.
   */
  async call<T>(work: Promise<T>, target?: { id: string; name: string }): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (!isAppError(error)) throw error;
      const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];
      if (error.code === 'validation_failed' && issues.length > 0) throw this.validation(issues);
      const about = (error.details as { id?: unknown } | undefined)?.id;
      if (target && about === target.id)
        throw new AppError(error.code, error.message.replaceAll(target.id, target.name), error.details);
      throw error;
    }
  }

  private validation(issues: readonly FieldIssue[]): AppError {
    const named = issues.map((issue) => ({ ...issue, path: this.flagFor(issue.path) }));
    const first = named[0];
    return errors.validation(first ? `${first.path}: ${first.message}` : 'Invalid arguments', named);
  }

  /** `governance_roles.1` → `--role`: a flag names the whole field, whichever item was wrong. */
  private flagFor(path: string): string {
    const field = path.split('.')[0] ?? path;
    return this.byField[field] ?? path;
  }
}

/** An update that changes nothing is a mistake on the command line: say which flags would change something. */
export function requireChanges(changes: Record<string, unknown>, flags: readonly string[]): void {
  if (Object.values(changes).every((value) => value === undefined))
    throw errors.validation(`Nothing to change: give at least one of ${flags.join(', ')}`);
}

/** Every item of a paged list, following the cursor page by page. */
export async function readAllPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** For a repeatable option (`--role a --role b`): commander calls it once per occurrence. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--version N` as typed; the schema checks it is a positive integer. */
export function versionArg(version: string | undefined, current: number): number {
  return version === undefined ? current : Number(version);
}

function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** Validate `value` with an API schema, naming problems by the flags in `flags` (field → `--flag`). */
export function parseArgs<T extends z.ZodType>(
  schema: T,
  value: Record<string, unknown>,
  flags: Record<string, string> = {},
): z.output<T> {
  return new FlagNames(flags).parse(schema, value);
}
