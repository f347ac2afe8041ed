/**
 * The one error catalogue. Every failure a user can cause has a stable code, an HTTP status
 * and a CLI exit code. The web translates codes (`errors.<code>` in web/src/i18n), the CLI maps
 * them to exit codes, and the HTTP layer renders `{ error: { code, message, details } }`.
 */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, exit: 2 },
  invalid_json: { status: 400, exit: 2 },
  payload_too_large: { status: 413, exit: 2 },
  unsupported_media_type: { status: 415, exit: 2 },
  unauthenticated: { status: 401, exit: 3 },
  invalid_credentials: { status: 401, exit: 3 },
  account_locked: { status: 423, exit: 3 },
  account_disabled: { status: 403, exit: 3 },
  password_change_required: { status: 403, exit: 3 },
  oidc_failed: { status: 401, exit: 3 },
  csrf_failed: { status: 403, exit: 3 },
  forbidden: { status: 403, exit: 4 },
  four_eyes_required: { status: 403, exit: 4 },
  not_found: { status: 404, exit: 5 },
  conflict: { status: 409, exit: 6 },
  version_conflict: { status: 409, exit: 6 },
  locked: { status: 409, exit: 6 },
  rate_limited: { status: 429, exit: 7 },
  import_invalid: { status: 422, exit: 8 },
  integrity_failed: { status: 500, exit: 9 },
  internal: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exit;
  }
}

/** One problem in a field of a request or a cell of an imported file. */
export interface FieldIssue {
  path: string;
  message: string;
  row?: number;
  column?: string;
}

export const errors = {
  validation: (message: string, issues: FieldIssue[] = []) =>
    new AppError('validation_failed', message, { issues }),
  notFound: (entity: string, id?: string) =>
    new AppError('not_found', id ? `${entity} ${id} was not found` : `${entity} was not found`, {
      entity,
      id,
    }),
  /** A field points at a record that does not exist or that the caller may not see (the same answer for both). */
  unknownReference: (entity: string, id: string, field: string) =>
    new AppError('not_found', `${field}: ${entity} ${id} was not found`, { entity, id, field }),
  forbidden: (permission: string) =>
    new AppError('forbidden', `You do not have the permission "${permission}"`, { permission }),
  /** Four-eyes rule: the person who submitted a record may not review it. */
  fourEyes: (entity: string, id: string) =>
    new AppError(
      'four_eyes_required',
      `${entity} ${id} was submitted by you; another person must review it`,
      { entity, id },
    ),
  unauthenticated: () => new AppError('unauthenticated', 'Sign in first'),
  versionConflict: (entity: string, id: string, expected: number, actual: number) =>
    new AppError(
      'version_conflict',
      `${entity} ${id} was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      { entity, id, expected, actual },
    ),
  conflict: (message: string, details?: unknown) => new AppError('conflict', message, details),
  /** A write to a record that is locked (a completed assessment: reopen it first). */
  locked: (entity: string, id: string) =>
    new AppError('locked', `${entity} ${id} is completed and locked; reopen it to change it`, { entity, id }),
  payloadTooLarge: (message: string, details?: unknown) =>
    new AppError('payload_too_large', message, details),
  unsupportedMediaType: (message: string, details?: unknown) =>
    new AppError('unsupported_media_type', message, details),
  /** A delete refused by the database because other records still point at the row. */
  stillReferenced: (entity: string, label: string) =>
    new AppError(
      'conflict',
      `${entity} ${label} is still referenced by other records (such as data assets); reassign or remove them first`,
      { entity, reason: 'referenced' },
    ),
  importInvalid: (issues: FieldIssue[]) =>
    new AppError('import_invalid', `The file has ${issues.length} problem(s); nothing was imported`, {
      issues,
    }),
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
