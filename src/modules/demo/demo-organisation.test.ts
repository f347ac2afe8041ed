import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ORGANISATION_WIDE_ROLES, ROLES } from '../../core/permissions.js';
import {
  countryCodeSchema,
  GOVERNANCE_ROLES,
  officeCodeSchema,
  regionCodeSchema,
} from '../org/org.schema.js';
import { buildDemoOrganisation, DEMO_PEOPLE_COUNT } from './demo-organisation.js';
import { emailSlug } from './demo-people.js';
import { DEMO_EMAIL_DOMAIN } from './demo-types.js';
import { NAME_POOLS } from './names.js';

const org = buildDemoOrganisation();
const countryOffices = org.offices.filter((o) => o.kind === 'country_office');
const hqDepartments = org.offices.filter((o) => o.kind === 'hq_department');
const officeByCode = new Map(org.offices.map((o) => [o.code, o]));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('buildDemoOrganisation: sizes', () => {
  it.each([
    ['regions', org.regions.length, 9, 9],
    ['country offices', countryOffices.length, 160, 250],
    ['HQ departments', hqDepartments.length, 12, 12],
    ['offices and HQ departments', org.offices.length, 150, 300],
    ['people', org.people.length, DEMO_PEOPLE_COUNT, DEMO_PEOPLE_COUNT],
    ['departments (units)', org.departments.length, org.offices.length * 3, org.offices.length * 8],
    ['logins', org.logins.length, ROLES.length, ROLES.length],
  ])('%s: %i', (_what, count, min, max) => {
    expect(count).toBeGreaterThanOrEqual(min);
    expect(count).toBeLessThanOrEqual(max);
  });
  it('has 500 people, as the brief asks', () => {
    expect(DEMO_PEOPLE_COUNT).toBe(500);
  });
});

describe('buildDemoOrganisation: codes and identities are unique and valid', () => {
  it.each([
    ['region codes', org.regions.map((r) => r.code)],
    ['office codes', org.offices.map((o) => o.code)],
    ['country codes of country offices', countryOffices.map((o) => o.country_code)],
    ['department codes within an office', org.departments.map((d) => `${d.office_code}/${d.code}`)],
    [
      'person e-mails and login e-mails',
      [...org.people.map((p) => p.email), ...org.logins.map((l) => l.email)],
    ],
  ])('%s are unique', (_what, values) => {
    expect(duplicates(values)).toEqual([]);
  });

  it('uses codes the organisation schemas accept', () => {
    for (const region of org.regions) expect(regionCodeSchema.parse(region.code)).toBe(region.code);
    for (const office of org.offices) expect(officeCodeSchema.parse(office.code)).toBe(office.code);
    for (const dept of org.departments) expect(officeCodeSchema.parse(dept.code)).toBe(dept.code);
    for (const office of org.offices)
      expect(countryCodeSchema.parse(office.country_code)).toBe(office.country_code);
  });

  it('uses real ISO 3166-1 alpha-2 country codes', () => {
    // CLDR also names user-assigned (XK, ZZ) and exceptionally reserved (UK, EU) codes: not countries.
    const notAssigned = /^(AA|Q[M-Z]|X[A-Z]|ZZ|AC|CP|DG|EA|EU|EZ|FX|IC|SU|TA|UK|UN)$/;
    const wrong = org.offices.filter(
      (o) => notAssigned.test(o.country_code) || regionNames.of(o.country_code) === o.country_code,
    );
    expect(wrong).toEqual([]);
  });

  it('gives every person a valid, ASCII e-mail at the fictional demo domain', () => {
    const email = z.email();
    for (const person of org.people) {
      expect(email.safeParse(person.email).success).toBe(true);
      expect(person.email).toMatch(new RegExp(`^[a-z0-9.-]+@${DEMO_EMAIL_DOMAIN.replace('.', '\\.')}$`));
    }
  });

  it.each([
    ['Côte', 'cote'],
    ["O'Brien", 'obrien'],
    ['Al-Masri', 'al-masri'],
    ['de Vries', 'de-vries'],
    ['Yılmaz', 'yilmaz'],
    ['Wiśniewski', 'wisniewski'],
  ])('turns the name %s into the e-mail part %s', (name, slug) => {
    expect(emailSlug(name)).toBe(slug);
  });
});

describe('buildDemoOrganisation: structure', () => {
  it('puts every country office in a region, named after its country, with a city', () => {
    const regionCodes = new Set(org.regions.map((r) => r.code));
    for (const office of countryOffices) {
      expect(regionCodes.has(office.region_code ?? '')).toBe(true);
      expect(office.code).toBe(`CO-${office.country_code}`);
      expect(office.name).toMatch(/ Country Office$/);
      expect(office.city.length).toBeGreaterThan(1);
    }
  });

  it.each([
    ['KE', 'EHA', 'Nairobi'],
    ['ET', 'EHA', 'Addis Ababa'],
    ['SN', 'CWA', 'Dakar'],
    ['CI', 'CWA', 'Abidjan'],
    ['NG', 'CWA', 'Abuja'],
    ['ZA', 'SAF', 'Pretoria'],
    ['EG', 'MENA', 'Cairo'],
    ['SD', 'MENA', 'Khartoum'],
    ['FR', 'EEA', 'Paris'],
    ['CH', 'EEA', 'Bern'],
    ['UA', 'SEECA', 'Kyiv'],
    ['TR', 'SEECA', 'Ankara'],
    ['MX', 'CNAC', 'Mexico City'],
    ['HT', 'CNAC', 'Port-au-Prince'],
    ['CO', 'SA', 'Bogotá'],
    ['BR', 'SA', 'Brasília'],
    ['BD', 'AP', 'Dhaka'],
    ['AF', 'AP', 'Kabul'],
    ['FJ', 'AP', 'Suva'],
  ])('places %s in %s (%s)', (iso, region, city) => {
    expect(officeByCode.get(`CO-${iso}`)).toMatchObject({ region_code: region, country_code: iso, city });
  });

  it('has the HQ departments in Geneva, outside any region', () => {
    expect(hqDepartments.map((o) => o.code)).toEqual(
      expect.arrayContaining(['HQ-ICT', 'HQ-LEG', 'HQ-DPO', 'HQ-HR', 'HQ-FIN', 'HQ-PRG']),
    );
    for (const office of hqDepartments) {
      expect(office).toMatchObject({ region_code: null, country_code: 'CH', city: 'Geneva' });
      expect(office.code).toMatch(/^HQ-/);
    }
  });

  it('gives every office units, and every country office Programmes and Finance', () => {
    for (const office of org.offices) {
      const units = org.departments.filter((d) => d.office_code === office.code).map((d) => d.code);
      expect(units.length).toBeGreaterThanOrEqual(3);
      if (office.kind === 'country_office')
        expect(units).toEqual(expect.arrayContaining(['COM', 'PRG', 'FIN']));
    }
  });

  it('places every person in an existing office and one of its units', () => {
    const units = new Set(org.departments.map((d) => `${d.office_code}/${d.code}`));
    for (const person of org.people) {
      expect(officeByCode.has(person.office_code)).toBe(true);
      expect(units.has(`${person.office_code}/${person.department_code}`)).toBe(true);
      expect(person.job_title.length).toBeGreaterThan(2);
    }
  });
});

describe('buildDemoOrganisation: governance roles', () => {
  const staffOf = (code: string) => org.people.filter((p) => p.office_code === code);

  it('gives every office exactly one focal point and a head who owns its data', () => {
    for (const office of org.offices) {
      const staff = staffOf(office.code);
      expect(staff.filter((p) => p.governance_roles.includes('focal_point'))).toHaveLength(1);
      expect(staff[0]?.governance_roles).toContain('data_owner');
      expect(staff[0]?.job_title).toBe(office.kind === 'hq_department' ? 'Director' : 'Chief of Mission');
    }
  });

  it('uses only known roles, never twice for one person, and uses each of them', () => {
    const used = new Set<string>();
    for (const person of org.people) {
      expect(duplicates(person.governance_roles)).toEqual([]);
      for (const role of person.governance_roles) {
        expect(GOVERNANCE_ROLES).toContain(role);
        used.add(role);
      }
    }
    expect([...used].sort()).toEqual([...GOVERNANCE_ROLES].sort());
  });

  it('leaves many people without a governance role, as in a real organisation', () => {
    const without = org.people.filter((p) => p.governance_roles.length === 0).length;
    expect(without).toBeGreaterThan(50);
  });
});

describe('buildDemoOrganisation: names', () => {
  it('draws names that look like the region: mostly Arabic names in Middle East and North Africa offices', () => {
    const arabic = new Set<string>(NAME_POOLS.ar.given);
    const staff = org.people.filter((p) => officeByCode.get(p.office_code)?.region_code === 'MENA');
    const share = staff.filter((p) => arabic.has(p.full_name.split(' ')[0] ?? '')).length / staff.length;
    expect(share).toBeGreaterThan(0.5);
  });

  it('mixes the languages at HQ', () => {
    const pools = Object.entries(NAME_POOLS);
    const hqStaff = org.people.filter((p) => p.office_code.startsWith('HQ-'));
    const poolsSeen = new Set(
      hqStaff.flatMap((p) =>
        pools
          .filter(([, pool]) => (pool.given as readonly string[]).includes(p.full_name.split(' ')[0] ?? ''))
          .map(([name]) => name),
      ),
    );
    expect(poolsSeen.size).toBeGreaterThanOrEqual(8);
  });
});

describe('buildDemoOrganisation: logins', () => {
  it('has one login per role, each held by a demo person with the same display name', () => {
    expect(org.logins.map((l) => l.role).sort()).toEqual([...ROLES].sort());
    for (const login of org.logins) {
      const person = org.people.find((p) => p.email === login.person_email);
      expect(person?.full_name).toBe(login.display_name);
      expect(login.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
    }
  });

  it('scopes each login sensibly: organisation-wide roles unscoped, others to the office or region they sit in', () => {
    for (const login of org.logins) {
      const office = officeByCode.get(
        org.people.find((p) => p.email === login.person_email)?.office_code ?? '',
      );
      if (ORGANISATION_WIDE_ROLES.includes(login.role)) {
        expect(login.region_codes ?? login.office_codes).toBeUndefined();
        expect(office?.kind).toBe('hq_department');
      } else if (login.role === 'regional_focal_point') {
        expect(login.region_codes).toEqual([office?.region_code]);
      } else {
        expect(login.office_codes).toEqual([office?.code]);
      }
    }
  });

  it.each([
    ['office_focal_point', 'focal_point'],
    ['regional_focal_point', 'focal_point'],
    ['data_custodian', 'data_custodian'],
  ] as const)('gives the %s login to a person holding the %s governance role', (role, governanceRole) => {
    const login = org.logins.find((l) => l.role === role);
    const person = org.people.find((p) => p.email === login?.person_email);
    expect(person?.governance_roles).toContain(governanceRole);
  });
});

describe('buildDemoOrganisation: determinism', () => {
  it('returns the same data for the same seed, and seed 1 by default', () => {
    expect(buildDemoOrganisation(7)).toEqual(buildDemoOrganisation(7));
    expect(buildDemoOrganisation(1)).toEqual(org);
  });

  it('returns other people for another seed, on the same geography', () => {
    const other = buildDemoOrganisation(2);
    expect(other.people.map((p) => p.email)).not.toEqual(org.people.map((p) => p.email));
    expect(other.offices.map((o) => o.code)).toEqual(org.offices.map((o) => o.code));
    expect(other.regions).toEqual(org.regions);
  });

  it.each([2, 3, 99, 123_456])('holds its invariants for seed %i too', (seed) => {
    const data = buildDemoOrganisation(seed);
    expect(data.people).toHaveLength(DEMO_PEOPLE_COUNT);
    expect(duplicates([...data.people.map((p) => p.email), ...data.logins.map((l) => l.email)])).toEqual([]);
    for (const office of data.offices) {
      expect(
        data.people.filter(
          (p) => p.office_code === office.code && p.governance_roles.includes('focal_point'),
        ),
      ).toHaveLength(1);
    }
  });

  it('never calls Math.random', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random was called');
    });
    try {
      expect(buildDemoOrganisation(5).people).toHaveLength(DEMO_PEOPLE_COUNT);
    } finally {
      random.mockRestore();
    }
  });
});
