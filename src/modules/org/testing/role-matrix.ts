import type { Role } from '../../../core/permissions.js';
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
