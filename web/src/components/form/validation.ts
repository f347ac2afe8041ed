import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from '../../api/client';

/** Messages per field name (the first segment of an issue path). */
export type FieldErrors = Partial<Record<string, string>>;

/** Per-field hints for pattern checks ("use 2–16 capital letters…"), already translated. */
export type FormatHints = Partial<Record<string, string>>;

function translateIssue(t: TFunction, issue: z.core.$ZodIssue, hints: FormatHints): string {
  const field = String(issue.path[0] ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t('validation.atLeast', { min: Number(issue.minimum) });
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      return t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number') return t('validation.atMost', { max: Number(issue.maximum) });
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      return hints[field] ?? t('validation.invalid');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('validation.required')
        : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Check form values with the API's own zod schema before sending them, so the reader gets
 * translated messages beside each field; the API checks again and stays the authority.
 */
export function validate<S extends z.ZodType>(
  t: TFunction,
  schema: S,
  values: unknown,
  hints: FormatHints = {},
): Validation<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= translateIssue(t, issue, hints);
  }
  return { ok: false, errors };
}

/**
 * Split a failed write into messages beside fields and one message for the whole form.
 * Validation issues go to their fields; a duplicate (409 conflict naming a field) and an unknown
 * reference (404 naming a field) go to that field.
 * `messages` gives a form's own translated message for a field the API refused (the API's are English).
 */
export function apiFieldErrors(
  t: TFunction,
  error: unknown,
  messages: FieldErrors = {},
): { fields: FieldErrors; general: unknown } {
  if (isApiError(error, 'validation_failed')) {
    const fields: FieldErrors = {};
    for (const issue of error.issues) {
      const field = issue.path.split('.')[0] ?? '';
      fields[field] ??= messages[field] ?? issue.message;
    }
    return { fields, general: error };
  }
  const field = isApiError(error) ? (error.details as { field?: unknown } | undefined)?.field : undefined;
  if (typeof field !== 'string') return { fields: {}, general: error };
  // A duplicate (409 naming a field), or a field pointing at a record that does not exist or is
  // out of the reader's scope (404 naming the field): the message goes beside that field.
  if (isApiError(error, 'conflict')) {
    return { fields: { [field]: messages[field] ?? t('validation.taken') }, general: null };
  }
  if (isApiError(error, 'not_found')) {
    return { fields: { [field]: messages[field] ?? t('validation.unknownReference') }, general: null };
  }
  return { fields: {}, general: error };
}

/** Optional text inputs: an empty field means "none". */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
