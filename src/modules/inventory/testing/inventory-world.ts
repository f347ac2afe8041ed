import type { Services } from '../../../app/services.js';
import { systemActor } from '../../../core/permissions.js';
import type { Person } from '../../org/org.schema.js';
import { seedOrgWorld, type OrgWorld } from '../../org/testing/org-world.js';
import type { Asset, AssetCreate } from '../asset.schema.js';

/**
 * The organisation test world (src/modules/org/testing/org-world.ts) with people to name on assets:
 * two custodians and an owner in Kenya, an owner at HQ, and an inactive person.
 */
export interface InventoryWorld extends OrgWorld {
  staff: { custodianA: Person; custodianB: Person; kenyaOwner: Person; hqOwner: Person; departed: Person };
}

export const seedCtx = { actor: systemActor('test-seed'), requestId: null };

export async function seedInventoryWorld(services: Services, tag: string): Promise<InventoryWorld> {
  const world = await seedOrgWorld(services, tag);
  const person = (name: string, office: keyof OrgWorld['offices'], active = true) => ({
    full_name: `${name} ${tag}`,
    email: `${name.toLowerCase().replaceAll(' ', '.')}.${tag}@example.org`.toLowerCase(),
    office_id: world.offices[office].id,
    active,
  });
  const [custodianA, custodianB, kenyaOwner, hqOwner, departed] = await services.people.createMany(seedCtx, [
    person('Custodian A', 'kenya'),
    person('Custodian B', 'kenya'),
    person('Kenya Owner', 'kenya'),
    person('HQ Owner', 'hq'),
    person('Departed Colleague', 'kenya', false),
  ]);
  return {
    ...world,
    staff: {
      custodianA: custodianA!,
      custodianB: custodianB!,
      kenyaOwner: kenyaOwner!,
      hqOwner: hqOwner!,
      departed: departed!,
    },
  };
}

/** Add an asset as the local operator (no rules about who may write). */
export function addAsset(services: Services, input: AssetCreate): Promise<Asset> {
  return services.assets.create(seedCtx, input);
}
