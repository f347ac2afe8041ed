import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OidcStateTable } from '../../db/schema/org.js';

export type OidcStateRow = Selectable<OidcStateTable>;

/** SQL for the short-lived OpenID Connect sign-in state; no rules. */
export class OidcRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertState(row: OidcStateRow): Promise<void> {
    await this.db.insertInto('oidc_states').values(row).execute();
  }

  /** Read and delete in one go: a state answers one callback only. */
  async takeState(id: string): Promise<OidcStateRow | undefined> {
    const row = await this.db.selectFrom('oidc_states').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const deleted = await this.db.deleteFrom('oidc_states').where('id', '=', id).executeTakeFirst();
    // A concurrent callback with the same state got there first.
    return Number(deleted.numDeletedRows) === 1 ? row : undefined;
  }

  async deleteExpiredStates(now: string): Promise<void> {
    await this.db.deleteFrom('oidc_states').where('expires_at', '<=', now).execute();
  }
}
