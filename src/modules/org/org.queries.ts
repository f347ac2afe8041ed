import type { Cursor, SortDirection } from '../../core/pagination.js';
import type { Actor } from '../../core/permissions.js';

/* Small pieces shared by the organisation repositories. */

/** One page request after the service resolved sort and cursor: what a repository list query needs. */
export interface ListWindow<C extends string> {
  sort: { column: C; direction: SortDirection };
  cursor: Cursor | null;
  limit: number;
}

/** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
export type OfficeScope = ReadonlySet<string> | undefined;

/** Split long `in (...)` lists and multi-row inserts below both dialects' parameter limits. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The offices an actor may see, as a list filter: undefined for the whole organisation. */
export function officeScope(actor: Actor): OfficeScope {
  return actor.scope.kind === 'all' ? undefined : actor.scope.officeIds;
}
