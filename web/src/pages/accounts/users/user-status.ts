import type { User } from '@server/modules/accounts/accounts.schema';
// A relative path, not `@server`: this file is also loaded by vitest, which knows only Vite's aliases at build.
import { ORGANISATION_WIDE_ROLES, type Role } from '../../../../../src/core/permissions';

export type UserStatus = 'active' | 'disabled' | 'locked' | 'mustChange';

/**
 * What an administrator needs to know about an account at a glance; several may hold at once
 * (a locked account that must also change its password). `now` comes from the caller.
 */
export function userStatuses(
  user: Pick<User, 'disabled' | 'locked_until' | 'must_change_password'>,
  now: Date,
) {
  const statuses: UserStatus[] = [];
  if (user.disabled) statuses.push('disabled');
  if (user.locked_until !== null && Date.parse(user.locked_until) > now.getTime()) statuses.push('locked');
  if (user.must_change_password) statuses.push('mustChange');
  return statuses.length === 0 ? (['active'] as UserStatus[]) : statuses;
}

/** Roles that see the whole organisation whatever scope lists the account carries. */
export function isOrganisationWide(role: Role): boolean {
  return ORGANISATION_WIDE_ROLES.includes(role);
}

/** The names of the regions and offices in a user's scope, regions first; unknown ids stay as ids. */
export function scopeNames(
  user: Pick<User, 'scope_region_ids' | 'scope_office_ids'>,
  names: ReadonlyMap<string, string>,
): string[] {
  return [...user.scope_region_ids, ...user.scope_office_ids].map((id) => names.get(id) ?? id);
}
