import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database, SessionTable, UserTable } from '../../db/schema.js';

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findUserById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  findUserByOidc(issuer: string, subject: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
  }

  listUsers(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('email').execute();
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertUser(row: UserRow): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  async updateUser(id: string, version: number, changes: Partial<UserRow>): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Login bookkeeping is not a versioned edit: it must not make a user's open form stale. */
  async setLoginState(
    id: string,
    state: Pick<UserRow, 'failed_logins' | 'locked_until'> & Partial<Pick<UserRow, 'last_login_at'>>,
  ): Promise<void> {
    await this.db.updateTable('users').set(state).where('id', '=', id).execute();
  }

  async officeIdsInRegions(regionIds: string[]): Promise<string[]> {
    if (regionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('offices')
      .select('id')
      .where('region_id', 'in', regionIds)
      .execute();
    return rows.map((r) => r.id);
  }

  async regionIdsOfOffices(officeIds: string[]): Promise<string[]> {
    if (officeIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('offices')
      .select('region_id')
      .distinct()
      .where('id', 'in', officeIds)
      .execute();
    return rows.map((r) => r.region_id).filter((id): id is string => id !== null);
  }

  async insertSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  findSession(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }

  findTokenByHash(hash: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
