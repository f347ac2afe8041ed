import { expect } from 'vitest';
import type { Role } from '../../../core/permissions.js';
import type { TestClient } from '../../../http/testing/test-app.js';
import { OFFICE_KEYS, type OfficeKey, type OrgWorld } from './org-world.js';

/**
 * What each role may do with the organisation, written out as the specification the role-matrix
 * tests check (not derived from ROLE_PERMISSIONS, so a change there that breaks it is caught).
 */
export interface RoleCase {
  role: Role;
  describe: string;
  scope(world: OrgWorld): { regions?: string[]; offices?: string[] };
  /** Offices of the test world whose records the role sees. */
  sees: readonly OfficeKey[];
  /** people.write: add, change and delete people. */
  writesPeople: boolean;
  /** org.office.write: edit offices and their departments. */
  writesOffices: boolean;
  /** org.structure.write: create and delete offices. */
  changesStructure: boolean;
}

const EVERY_OFFICE = OFFICE_KEYS;

export const ROLE_CASES: readonly RoleCase[] = [
  {
    role: 'admin',
    describe: 'admin (organisation-wide)',
    scope: () => ({}),
    sees: EVERY_OFFICE,
    writesPeople: true,
    writesOffices: true,
    changesStructure: true,
  },
  {
    role: 'governance_officer',
    describe: 'governance officer (organisation-wide)',
    scope: () => ({}),
    sees: EVERY_OFFICE,
    writesPeople: true,
    writesOffices: true,
    changesStructure: true,
  },
  {
    role: 'regional_focal_point',
    describe: 'regional focal point of the east region',
    scope: (w) => ({ regions: [w.regions.east.id] }),
    sees: ['kenya', 'ethiopia'],
    writesPeople: true,
    writesOffices: true,
    changesStructure: false,
  },
  {
    role: 'office_focal_point',
    describe: 'office focal point of Kenya',
    scope: (w) => ({ offices: [w.offices.kenya.id] }),
    sees: ['kenya'],
    writesPeople: true,
    writesOffices: true,
    changesStructure: false,
  },
  {
    role: 'data_custodian',
    describe: 'data custodian in Kenya',
    scope: (w) => ({ offices: [w.offices.kenya.id] }),
    sees: ['kenya'],
    writesPeople: false,
    writesOffices: false,
    changesStructure: false,
  },
  {
    role: 'auditor',
    describe: 'auditor (organisation-wide, read-only)',
    scope: () => ({}),
    sees: EVERY_OFFICE,
    writesPeople: false,
    writesOffices: false,
    changesStructure: false,
  },
  {
    role: 'viewer',
    describe: 'viewer in Senegal',
    scope: (w) => ({ offices: [w.offices.senegal.id] }),
    sees: ['senegal'],
    writesPeople: false,
    writesOffices: false,
    changesStructure: false,
  },
];

export function hiddenFrom(roleCase: RoleCase): OfficeKey[] {
  return OFFICE_KEYS.filter((key) => !roleCase.sees.includes(key));
}

/** The status a refused or allowed write answers: 403 without the permission (checked first), else `allowed`. */
export function writeStatus(hasPermission: boolean, allowed: number): number {
  return hasPermission ? allowed : 403;
}

/**
 * As `client`, list `collection` (e.g. '/api/people') and read each record of the test world one by
 * one: the list holds, and a read answers 200 for, exactly the records of the offices in `sees`.
 */
export async function expectReadsExactly(
  client: TestClient,
  collection: string,
  records: Record<OfficeKey, { id: string }>,
  sees: readonly OfficeKey[],
): Promise<void> {
  const res = await client.request({ method: 'GET', url: `${collection}?limit=500` });
  expect(res.statusCode).toBe(200);
  const listed = new Set(res.json().items.map((item: { id: string }) => item.id));
  expect(OFFICE_KEYS.filter((key) => listed.has(records[key].id))).toEqual([...sees]);
  for (const key of OFFICE_KEYS) {
    const one = await client.request({ method: 'GET', url: `${collection}/${records[key].id}` });
    expect(one.statusCode, key).toBe(sees.includes(key) ? 200 : 404);
  }
}

/** As `client`, PATCH `changes` into a record of `collection`, then DELETE it, both at its `version`. */
export async function patchThenDelete(
  client: TestClient,
  collection: string,
  record: { id: string; version: number },
  changes: Record<string, unknown>,
): Promise<{ patched: number; deleted: number }> {
  const patched = await client.request({
    method: 'PATCH',
    url: `${collection}/${record.id}`,
    payload: { ...changes, version: record.version },
  });
  const deleted = await client.request({
    method: 'DELETE',
    url: `${collection}/${record.id}?version=${record.version}`,
  });
  return { patched: patched.statusCode, deleted: deleted.statusCode };
}
