import { errors, type AppError } from '../../core/errors.js';
import { isForeignKeyViolation, isUniqueViolation, throwStale } from '../../core/service-context.js';

/* The versioned write steps shared by the office, department and person services. */

/** What those steps need of a repository (`db` may be a transaction). */
export interface VersionedRepository<R extends { version: number }> {
  findById(id: string): Promise<R | undefined>;
  update(id: string, version: number, changes: Partial<R>): Promise<boolean>;
  delete(id: string, version: number): Promise<boolean>;
}

/**
 * The record a write is about: 404 when it does not exist or is outside the caller's scope (the
 * same answer), 409 version_conflict when the caller sent another `version` than the stored one.
 */
export async function findCurrent<R extends { version: number }>(
  repo: VersionedRepository<R>,
  entity: string,
  id: string,
  version: number,
  inCallerScope: (row: R) => boolean,
): Promise<R> {
  const row = await repo.findById(id);
  if (!row || !inCallerScope(row)) throw errors.notFound(entity, id);
  if (row.version !== version) throwStale(entity, id, version, row);
  return row;
}

/**
 * Write `changes` if the record still has `version`: else 409 when it changed meanwhile, 404 when it
 * is gone. A value that a unique index already holds answers `duplicate()`.
 */
export async function updateIfCurrent<R extends { version: number }>(
  repo: VersionedRepository<R>,
  entity: string,
  id: string,
  version: number,
  changes: Partial<R>,
  duplicate: () => AppError,
): Promise<void> {
  try {
    if (!(await repo.update(id, version, changes))) throwStale(entity, id, version, await repo.findById(id));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/**
 * Delete the record if it still has `version`: else 409 when it changed meanwhile, 404 when it is
 * gone. A record that something still points at (added by a concurrent transaction after the caller
 * counted) answers 409 still_referenced naming `label`: the transaction is aborted on PostgreSQL, so
 * no further query may explain which records.
 */
export async function deleteIfCurrent<R extends { version: number }>(
  repo: VersionedRepository<R>,
  entity: string,
  id: string,
  version: number,
  label: string,
): Promise<void> {
  try {
    if (!(await repo.delete(id, version))) throwStale(entity, id, version, await repo.findById(id));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw errors.stillReferenced(entity, label);
    throw error;
  }
}
