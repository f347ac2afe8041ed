import type { RequestContext } from '../../../core/audit.js';
import type { Actor, Role } from '../../../core/permissions.js';

/** A caller for risk service tests: `label` and `personId` are who the four-eyes rule compares. */
export function caller(
  role: Role,
  label: string,
  options: { offices?: readonly string[]; personId?: string } = {},
): RequestContext {
  const actor: Actor = {
    userId: null,
    label,
    role,
    scope: options.offices
      ? { kind: 'offices', officeIds: new Set(options.offices), regionIds: new Set() }
      : { kind: 'all' },
    personId: options.personId ?? null,
    readOnly: false,
  };
  return { actor, requestId: null };
}
