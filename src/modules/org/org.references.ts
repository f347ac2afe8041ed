import type { Kysely } from 'kysely';
import { errors } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import type { Database } from '../../db/schema.js';
import { OfficeRepository, type OfficeRow } from './office.repository.js';

/**
 * Records that point at an office (departments, people) may only point at one the caller can see.
 * An office outside the caller's scope answers exactly like an unknown one, so a write cannot be
 * used to learn which offices exist elsewhere.
 */
export async function visibleOffice(
  db: Kysely<Database>,
  actor: Actor,
  officeId: string,
): Promise<OfficeRow | undefined> {
  if (!inScope(actor, officeId)) return undefined;
  return new OfficeRepository(db).findById(officeId);
}

/** The office named by `field`, or 404 not_found naming the field. */
export async function requireVisibleOffice(
  db: Kysely<Database>,
  actor: Actor,
  officeId: string,
  field = 'office_id',
): Promise<OfficeRow> {
  const office = await visibleOffice(db, actor, officeId);
  if (!office) throw errors.unknownReference('office', officeId, field);
  return office;
}

/** Looks each office up once per batch. */
export class VisibleOffices {
  private readonly cache = new Map<string, Promise<OfficeRow | undefined>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
  ) {}

  get(officeId: string): Promise<OfficeRow | undefined> {
    let found = this.cache.get(officeId);
    if (!found) {
      found = visibleOffice(this.db, this.actor, officeId);
      this.cache.set(officeId, found);
    }
    return found;
  }
}
