import type { Services } from '../../../app/services.js';
import type { Actor, Role } from '../../../core/permissions.js';
import type { Asset } from '../../inventory/asset.schema.js';
import {
  addAsset,
  seedInventoryWorld,
  type InventoryWorld,
} from '../../inventory/testing/inventory-world.js';

/**
 * The inventory test world with assets whose health is worked out by hand (clock 2026-11-30):
 * - HQ: a system that fails only documentation (no system above it): 3 of 4 applicable controls, 75.0;
 * - Kenya: a healthy asset (all six pass) and a bare one (only its focal point) failing ownership,
 *   documentation, classification and review freshness (the other two do not apply): 66.7;
 * - Ethiopia: a bare asset naming nobody: 0.0.
 */
export interface ScorecardWorld extends InventoryWorld {
  assets: { system: Asset; healthy: Asset; kenyaBare: Asset; ethiopiaBare: Asset };
}

export async function seedScorecardWorld(services: Services, tag: string): Promise<ScorecardWorld> {
  const world = await seedInventoryWorld(services, tag);
  const system = await addAsset(services, {
    name: `Case management system ${tag}`,
    description: 'The case management application of the organisation',
    purpose: 'Case management',
    asset_type: 'application',
    office_id: world.offices.hq.id,
    data_owner_id: world.staff.hqOwner.id,
    data_custodian_id: world.staff.custodianB.id,
    sensitivity_label: 'Internal',
    last_reviewed: '2026-03-01',
  });
  const healthy = await addAsset(services, {
    name: `Registration records ${tag}`,
    description: 'Registration records of people assisted in Kakuma',
    purpose: 'Case management',
    asset_type: 'dataset',
    office_id: world.offices.kenya.id,
    department_id: world.departments.kenya.id,
    system_id: system.id,
    data_owner_id: world.staff.kenyaOwner.id,
    data_custodian_id: world.staff.custodianA.id,
    sensitivity_label: 'Confidential',
    personal_data: true,
    legal_basis: 'Vital interest',
    retention: '5 years after case closure',
    last_reviewed: '2026-06-01',
    last_access_review: '2026-06-01',
  });
  const kenyaBare = await addAsset(services, {
    name: `Field notes ${tag}`,
    asset_type: 'paper_records',
    office_id: world.offices.kenya.id,
    focal_point_id: world.people.kenya.id,
  });
  const ethiopiaBare = await addAsset(services, {
    name: `Old spreadsheet ${tag}`,
    asset_type: 'file_share',
    office_id: world.offices.ethiopia.id,
  });
  return { ...world, assets: { system, healthy, kenyaBare, ethiopiaBare } };
}

/** A caller of a role limited to some offices (or the whole organisation without `officeIds`). */
export function actorFor(
  role: Role,
  officeIds?: string[],
  options: { personId?: string | null; regionIds?: string[] } = {},
): Actor {
  return {
    userId: null,
    label: `${role}@example.org`,
    role,
    scope: officeIds
      ? { kind: 'offices', officeIds: new Set(officeIds), regionIds: new Set(options.regionIds ?? []) }
      : { kind: 'all' },
    personId: options.personId ?? null,
    readOnly: false,
  };
}
