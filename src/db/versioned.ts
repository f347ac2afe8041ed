import type { Kysely, Updateable } from 'kysely';
import type { Database } from './schema.js';

/*
 * Optimistic concurrency: a writer says which version of a row it read, and the write only applies
 * while the row still has it, so a concurrent edit is refused (409) rather than silently overwritten.
 */

/** The tables whose rows have a text `id` and an integer `version`: the ones written this way. */
export type VersionedTable = {
  [K in keyof Database]: Database[K] extends { id: string; version: number } ? K : never;
}[keyof Database];

/** Change one row and bump its version, only if it still has `version`: false when nothing changed. */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  id: string,
  version: number,
  changes: Updateable<Database[T]>,
): Promise<boolean> {
  const result = await db
    .updateTable(table as VersionedTable)
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Delete one row, only if it still has `version`: false when nothing was deleted. */
export async function deleteVersioned(
  db: Kysely<Database>,
  table: VersionedTable,
  id: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
