import type { Services } from '../../src/app/services.js';
import type { RequestContext } from '../../src/core/audit.js';
import type { Role } from '../../src/core/permissions.js';
import type { Office } from '../../src/modules/org/org.schema.js';
import type { Seed } from './server.js';

/** Someone a test signs in as. */
export interface TestAccount {
  email: string;
  password: string;
  name: string;
}

/** A user who signs in with this password, which need not be changed first. */
export async function createAccount(
  services: Services,
  operator: RequestContext,
  account: TestAccount,
  role: Role,
  /** The person the user is, when the test needs one. */
  personId?: string,
): Promise<void> {
  await services.accounts.createUser(operator, {
    email: account.email,
    display_name: account.name,
    role,
    password: account.password,
    ...(personId ? { person_id: personId } : {}),
  });
}

/** A seed of this one account and nothing else. */
export function seedAccountOnly(account: TestAccount, role: Role): Seed {
  return (services, operator) => createAccount(services, operator, account, role);
}

/** An admin account, and the Kenyan office of seedKenyanOffice for the records the admin adds. */
export function seedAdminAndKenyanOffice(admin: TestAccount, office: { code: string; name: string }): Seed {
  return async (services, operator) => {
    await createAccount(services, operator, admin, 'admin');
    await seedKenyanOffice(services, operator, office);
  };
}

/** The East Africa region (EA) with one Kenyan country office in it. */
export async function seedKenyanOffice(
  services: Services,
  operator: RequestContext,
  office: { code: string; name: string; city?: string },
): Promise<Office> {
  const region = await services.regions.create(operator, { code: 'EA', name: 'East Africa' });
  return services.offices.create(operator, {
    ...office,
    kind: 'country_office',
    region_id: region.id,
    country_code: 'KE',
  });
}
