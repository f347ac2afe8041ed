import type { AccessListingRow } from './access-listing.js';
import { SEVERITIES, type LabelPolicy, type PrincipalType, type Severity } from './label-policy.schema.js';

export interface AccessViolation {
  rule: 'forbidden_principal_type' | 'too_many_principals';
  severity: Severity;
  resource: string;
  /** The principal at fault (absent for too_many_principals). */
  principal?: string;
  principal_type?: PrincipalType;
  access_level?: string;
  message: string;
}

const SEVERITY_ORDER = (s: Severity) => SEVERITIES.length - SEVERITIES.indexOf(s);

const DESCRIBE: Record<PrincipalType, string> = {
  user: 'a user',
  group: 'a group',
  guest: 'a guest',
  external: 'an external user',
  everyone: 'everyone',
  anonymous_link: 'an anonymous link',
};

/**
 * Check who can access data under `label` against the policy's rules for that label: forbidden
 * principal types, and the most distinct principals a resource may have. Violations come most
 * severe first, then by resource. A label without access rules gives no violation; an unknown
 * label is a programming error here (callers validate it against the taxonomy first).
 */
export function checkAccess(
  rows: readonly AccessListingRow[],
  label: string,
  policy: LabelPolicy,
): AccessViolation[] {
  if (!policy.taxonomy.some((l) => l.name === label)) throw new Error(`Unknown label "${label}"`);
  const rules = policy.access[label];
  if (!rules) return [];
  const violations: AccessViolation[] = [];
  const forbidden = new Map(rules.forbid.map((f) => [f.principal_type, f.severity]));
  const principals = new Map<string, Set<string>>();
  for (const row of rows) {
    const severity = forbidden.get(row.principal_type);
    if (severity) {
      violations.push({
        rule: 'forbidden_principal_type',
        severity,
        resource: row.resource,
        principal: row.principal,
        principal_type: row.principal_type,
        access_level: row.access_level,
        message: `${label} data must not be shared with ${DESCRIBE[row.principal_type]}: ${row.principal} has ${row.access_level} access`,
      });
    }
    const set = principals.get(row.resource) ?? new Set<string>();
    set.add(row.principal.trim().toLowerCase());
    principals.set(row.resource, set);
  }
  if (rules.max_principals) {
    const { limit, severity } = rules.max_principals;
    for (const [resource, set] of principals) {
      if (set.size > limit)
        violations.push({
          rule: 'too_many_principals',
          severity,
          resource,
          message: `${label} data may be open to at most ${limit} principals; ${set.size} have access`,
        });
    }
  }
  return violations.sort(
    (a, b) => SEVERITY_ORDER(a.severity) - SEVERITY_ORDER(b.severity) || a.resource.localeCompare(b.resource),
  );
}
