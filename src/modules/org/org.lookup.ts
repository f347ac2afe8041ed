import type { Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { cachedLookup } from './org-import.plan.js';
import type { Department, Office, Person, Region } from './org.schema.js';

/**
 * The command line names records by code (regions, offices, departments) and e-mail (people); the
 * services work with ids. This resolves one to the other through the services, so scope rules apply,
 * and answers not_found naming what was typed. `flag` says which option named a record, for a record
 * that is not the one the command acts on (`--office: office NOPE was not found`).
 */
export class OrgLookup {
  private readonly officeCodes = new Map<string, Promise<string>>();
  private readonly departmentCodes = new Map<string, Promise<string>>();
  private regionCodes: Promise<Map<string, string>> | undefined;

  constructor(
    private readonly services: Services,
    private readonly ctx: RequestContext,
  ) {}

  async region(code: string, flag?: string): Promise<Region> {
    const region = await this.services.regions.findByCode(this.ctx, code);
    if (!region) throw missing('region', code.trim(), flag);
    return region;
  }

  async office(code: string, flag?: string): Promise<Office> {
    const office = await this.services.offices.findByCode(this.ctx, code);
    if (!office) throw missing('office', code.trim(), flag);
    return office;
  }

  async department(office: Pick<Office, 'id' | 'code'>, code: string, flag?: string): Promise<Department> {
    const department = await this.services.departments.findByCode(this.ctx, office.id, code);
    if (!department) throw missing('department', `${code.trim()} of office ${office.code}`, flag);
    return department;
  }

  async person(email: string): Promise<Person> {
    const person = await this.services.people.findByEmail(this.ctx, email);
    if (!person) throw missing('person', email.trim());
    return person;
  }

  /** The code of a region by id, for display ('' for none); all regions are read once. */
  async regionCode(id: string | null): Promise<string> {
    if (id === null) return '';
    this.regionCodes ??= this.services.regions
      .list(this.ctx)
      .then((regions) => new Map(regions.map((region) => [region.id, region.code])));
    return (await this.regionCodes).get(id) ?? id;
  }

  /** The code of an office by id, for display; each office is read once. */
  officeCode(id: string): Promise<string> {
    return cachedLookup(
      this.officeCodes,
      id,
      async () => (await this.services.offices.get(this.ctx, id)).code,
    );
  }

  /** The code of a department by id, for display ('' for none); each department is read once. */
  async departmentCode(id: string | null): Promise<string> {
    if (id === null) return '';
    return cachedLookup(
      this.departmentCodes,
      id,
      async () => (await this.services.departments.get(this.ctx, id)).code,
    );
  }
}

function missing(entity: string, typed: string, flag?: string) {
  return flag === undefined ? errors.notFound(entity, typed) : errors.unknownReference(entity, typed, flag);
}
