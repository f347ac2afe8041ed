import type { GovernanceRole } from '../org/org.schema.js';
import { DEMO_EMAIL_DOMAIN, type DemoPerson } from './demo-types.js';
import { NAME_POOLS, type NamePool } from './names.js';
import type { Prng } from '../../core/prng.js';

/** Letters that do not decompose into ASCII under NFKD. */
const LATIN_FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd' };

export function emailSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[ıłøßæœđ]/g, (char) => LATIN_FOLD[char] ?? char)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const POOLS = Object.keys(NAME_POOLS) as NamePool[];

/**
 * Names for people: mostly from the office's own pool, some international staff from another
 * pool, a few mixing pools. `local` is null for HQ, which draws from every pool.
 */
export class PersonNamer {
  private readonly emails = new Set<string>();

  constructor(private readonly prng: Prng) {}

  /** Mark e-mails as taken (e.g. the demo logins) so no person receives one. */
  reserve(email: string): void {
    this.emails.add(email);
  }

  name(local: NamePool | null): { full_name: string; email: string } {
    const roll = this.prng.next();
    const givenPool = local && roll < 0.7 ? local : this.prng.pick(POOLS);
    const familyPool = roll >= 0.9 ? this.prng.pick(POOLS) : givenPool;
    const given = this.prng.pick(NAME_POOLS[givenPool].given);
    const family = this.prng.pick(NAME_POOLS[familyPool].family);
    return {
      full_name: `${given} ${family}`,
      email: this.uniqueEmail(`${emailSlug(given)}.${emailSlug(family)}`),
    };
  }

  private uniqueEmail(local: string): string {
    for (let n = 1; ; n++) {
      const email = `${n === 1 ? local : `${local}${n}`}@${DEMO_EMAIL_DOMAIN}`;
      if (!this.emails.has(email)) {
        this.emails.add(email);
        return email;
      }
    }
  }
}

export interface StaffingPlan {
  office_code: string;
  pool: NamePool | null;
  headcount: number;
  head: { unit: string; title: string };
  focal: { unit: string; title: string; roles: GovernanceRole[] };
  /** People every such office has after the focal point (when the headcount allows). */
  fixed?: ReadonlyArray<{ unit: string; title: string; roles: GovernanceRole[] }>;
  /** Units for everyone else, each with its titles and optional governance role. */
  units: ReadonlyArray<{ code: string; titles: readonly string[]; role?: readonly [GovernanceRole, number] }>;
}

/**
 * Staff one office: its head owns the office's data, the next person is the governance focal
 * point (the head doubles as focal point in one-person offices), others may hold their unit's role.
 */
export function staffOffice(plan: StaffingPlan, namer: PersonNamer, prng: Prng): DemoPerson[] {
  const people: DemoPerson[] = [];
  const add = (unit: string, title: string, roles: GovernanceRole[]) =>
    people.push({
      ...namer.name(plan.pool),
      office_code: plan.office_code,
      department_code: unit,
      job_title: title,
      governance_roles: roles,
    });

  add(plan.head.unit, plan.head.title, plan.headcount === 1 ? ['data_owner', 'focal_point'] : ['data_owner']);
  if (plan.headcount >= 2) add(plan.focal.unit, plan.focal.title, plan.focal.roles);
  for (const person of plan.fixed ?? []) {
    if (people.length < plan.headcount) add(person.unit, person.title, person.roles);
  }
  while (people.length < plan.headcount) {
    const unit = prng.pick(plan.units);
    const roles: GovernanceRole[] = unit.role && prng.chance(unit.role[1]) ? [unit.role[0]] : [];
    add(unit.code, prng.pick(unit.titles), roles);
  }
  return people;
}
