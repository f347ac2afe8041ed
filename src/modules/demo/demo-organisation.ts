import { DEMO_COUNTRIES } from './countries.js';
import { buildDemoLogins, DEMO_LOGIN_ANCHORS } from './demo-logins.js';
import { PersonNamer, staffOffice, type StaffingPlan } from './demo-people.js';
import type { DemoDepartment, DemoOffice, DemoOrganisation, DemoPerson } from './demo-types.js';
import type { NamePool } from './names.js';
import { Prng } from '../../core/prng.js';
import { DEMO_REGIONS } from './regions.js';
import { COUNTRY_OFFICE_UNITS, HQ_DEPARTMENTS, HQ_LOCATION } from './structure.js';

export const DEMO_PEOPLE_COUNT = 500;

interface OfficePlan {
  office: DemoOffice;
  departments: DemoDepartment[];
  staffing: Omit<StaffingPlan, 'headcount'>;
  minimum: number;
  weight: number;
}

export function countryOfficeCode(iso: string): string {
  return `CO-${iso}`;
}

function hqPlans(prng: Prng): OfficePlan[] {
  return HQ_DEPARTMENTS.map((dept) => {
    const units = [['DIR', 'Office of the Director'] as const, ...dept.units];
    const first = dept.units[0]?.[0] ?? 'DIR';
    return {
      office: { code: dept.code, name: dept.name, kind: 'hq_department', region_code: null, ...HQ_LOCATION },
      departments: units.map(([code, name]) => ({ office_code: dept.code, code, name })),
      staffing: {
        office_code: dept.code,
        pool: null,
        head: { unit: 'DIR', title: 'Director' },
        focal: { unit: first, title: prng.pick(dept.titles), roles: ['focal_point'] },
        units: dept.units.map(([code]) => ({
          code,
          titles: dept.titles,
          ...(dept.role ? { role: dept.role } : {}),
        })),
      },
      minimum: 6,
      weight: 6,
    };
  });
}

function countryPlans(prng: Prng): OfficePlan[] {
  const anchors = new Set(DEMO_LOGIN_ANCHORS.countryOffices);
  return DEMO_REGIONS.flatMap((region) =>
    DEMO_COUNTRIES[region.code].map(([iso, name, city, pool]): OfficePlan => {
      const code = countryOfficeCode(iso);
      const anchor = anchors.has(code);
      const units = COUNTRY_OFFICE_UNITS.filter((unit) => anchor || prng.chance(unit.frequency));
      const hasIct = units.some((unit) => unit.code === 'ICT');
      return {
        office: {
          code,
          name: `${name} Country Office`,
          kind: 'country_office',
          region_code: region.code,
          country_code: iso,
          city,
        },
        departments: units.map((unit) => ({ office_code: code, code: unit.code, name: unit.name })),
        staffing: {
          office_code: code,
          pool: pool satisfies NamePool,
          head: { unit: 'COM', title: 'Chief of Mission' },
          focal: hasIct
            ? { unit: 'ICT', title: 'Information Management Officer', roles: ['focal_point'] }
            : { unit: 'PRG', title: 'Programme Officer', roles: ['focal_point'] },
          ...(anchor ? { fixed: [{ unit: 'ICT', title: 'ICT Officer', roles: ['data_custodian'] }] } : {}),
          units: units
            .filter((unit) => unit.code !== 'COM')
            .map((unit) => ({
              code: unit.code,
              titles: unit.titles,
              ...(unit.role ? { role: unit.role } : {}),
            })),
        },
        minimum: anchor ? 4 : 1,
        weight: prng.int(1, 4),
      };
    }),
  );
}

/** Every office gets its minimum; the rest of the headcount goes by weight. */
function headcounts(plans: readonly OfficePlan[], total: number, prng: Prng): number[] {
  const counts = plans.map((plan) => plan.minimum);
  const remaining = total - counts.reduce((sum, n) => sum + n, 0);
  if (remaining < 0) throw new Error(`${total} people cannot staff ${plans.length} offices`);
  const weights = plans.map((plan, index) => [index, plan.weight] as const);
  for (let i = 0; i < remaining; i++) {
    const index = prng.weighted(weights);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/**
 * A realistic fictional organisation: 9 regions, a country office in each of 186 countries
 * (real ISO codes, names and cities), 12 HQ departments in Geneva, units per office, 500
 * fictional people at @custos-demo.org with governance roles (every office has a focal point),
 * and one demo login per role. Pure and deterministic: the same seed gives the same data.
 */
export function buildDemoOrganisation(seed = 1): DemoOrganisation {
  const prng = new Prng(seed);
  const plans = [...hqPlans(prng), ...countryPlans(prng)];
  const counts = headcounts(plans, DEMO_PEOPLE_COUNT, prng);
  const namer = new PersonNamer(prng);
  const loginEmails = DEMO_LOGIN_ANCHORS.emails;
  loginEmails.forEach((email) => namer.reserve(email));
  const people: DemoPerson[] = plans.flatMap((plan, index) =>
    staffOffice({ ...plan.staffing, headcount: counts[index] ?? 1 }, namer, prng),
  );
  return {
    regions: DEMO_REGIONS.map(({ code, name }) => ({ code, name })),
    offices: plans.map((plan) => plan.office),
    departments: plans.flatMap((plan) => plan.departments),
    people,
    logins: buildDemoLogins(people),
  };
}
