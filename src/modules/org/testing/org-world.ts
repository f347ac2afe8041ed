import type { Services } from '../../../app/services.js';
import { systemActor } from '../../../core/permissions.js';
import type { Department, Office, Person, Region } from '../org.schema.js';

/**
 * A small organisation for tests: two regions, two country offices in the east, one in the west and
 * an HQ department outside any region; one department and one person in each office. `tag` keeps
 * codes and e-mails unique when several worlds share a database.
 */
export interface OrgWorld {
  regions: { east: Region; west: Region };
  offices: Record<OfficeKey, Office>;
  departments: Record<OfficeKey, Department>;
  people: Record<OfficeKey, Person>;
}

export const OFFICE_KEYS = ['kenya', 'ethiopia', 'senegal', 'hq'] as const;
export type OfficeKey = (typeof OFFICE_KEYS)[number];

export async function seedOrgWorld(services: Services, tag: string): Promise<OrgWorld> {
  const ctx = { actor: systemActor('test-seed'), requestId: null };
  const east = await services.regions.create(ctx, { code: `E${tag}`, name: `East ${tag}` });
  const west = await services.regions.create(ctx, { code: `W${tag}`, name: `West ${tag}` });
  const [kenya, ethiopia, senegal, hq] = await services.offices.createMany(ctx, [
    {
      code: `KE-${tag}`,
      name: `Kenya ${tag}`,
      kind: 'country_office',
      region_id: east.id,
      country_code: 'KE',
    },
    {
      code: `ET-${tag}`,
      name: `Ethiopia ${tag}`,
      kind: 'country_office',
      region_id: east.id,
      country_code: 'ET',
    },
    {
      code: `SN-${tag}`,
      name: `Senegal ${tag}`,
      kind: 'country_office',
      region_id: west.id,
      country_code: 'SN',
    },
    { code: `HQ-${tag}`, name: `Headquarters ${tag}`, kind: 'hq_department' },
  ]);
  const offices = { kenya, ethiopia, senegal, hq } as Record<OfficeKey, Office>;
  const departmentList = await services.departments.createMany(
    ctx,
    OFFICE_KEYS.map((key) => ({ office_id: offices[key].id, code: 'DATA', name: `Data unit ${key}` })),
  );
  const departments = Object.fromEntries(OFFICE_KEYS.map((key, i) => [key, departmentList[i]])) as Record<
    OfficeKey,
    Department
  >;
  const peopleList = await services.people.createMany(
    ctx,
    OFFICE_KEYS.map((key) => ({
      full_name: `Person ${key} ${tag}`,
      email: `${key}.${tag}@example.org`.toLowerCase(),
      office_id: offices[key].id,
      department_id: departments[key].id,
    })),
  );
  const people = Object.fromEntries(OFFICE_KEYS.map((key, i) => [key, peopleList[i]])) as Record<
    OfficeKey,
    Person
  >;
  return { regions: { east, west }, offices, departments, people };
}
