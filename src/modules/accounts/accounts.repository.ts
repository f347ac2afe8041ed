import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { afterCursor, decodeCursor } from '../../core/pagination.js';
import type { Database } from '../../db/schema.js';
import type { SessionTable, UserTable } from '../../db/schema/org.js';
import { updateVersioned } from '../../db/versioned.js';

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;

/**
 * Every column of UserTable, by name, for the lookups of every request (a session's or a token's
 * user): PostgreSQL prepares a repeated statement only when its columns are named (src/db/pg-
 * statements.ts). A column missing here fails to compile: the queries return UserRow.
 */
const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'scope_region_ids',
  'scope_office_ids',
  'person_id',
  'password_hash',
  'must_change_password',
  'disabled',
  'failed_logins',
  'locked_until',
  'oidc_issuer',
  'oidc_subject',
  'last_login_at',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof UserTable)[];

export interface UserFilter {
  q?: string;
  role?: string;
  disabled?: boolean;
  limit: number;
  cursor?: string;
}

/** SQL for users and sessions; no rules. `db` may be a transaction. */
export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findUserById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
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

  /** One page ordered by e-mail (unique), fetching limit + 1 rows so the caller knows if more follow. */
  listUsersPage(filter: UserFilter): Promise<UserRow[]> {
    let query = this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('email')
      .orderBy('id')
      .limit(filter.limit + 1);
    if (filter.q) {
      const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(
        sql<SqlBool>`(lower(email) like ${pattern} escape '\\' or lower(display_name) like ${pattern} escape '\\')`,
      );
    }
    if (filter.role) query = query.where('role', '=', filter.role);
    if (filter.disabled !== undefined) query = query.where('disabled', '=', filter.disabled ? 1 : 0);
    if (filter.cursor) query = query.where(afterCursor('email', 'asc', decodeCursor(filter.cursor)));
    return query.execute();
  }

  /** Admins who can still sign in, other than `exceptId`: the last one must not lock everybody out. */
  async countEnabledAdmins(exceptId: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('id', '!=', exceptId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async existingRegionIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('regions').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async existingOfficeIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('offices').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async personExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  regionsByCode(codes: readonly string[]): Promise<{ id: string; code: string }[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('regions').select(['id', 'code']).where('code', 'in', codes).execute();
  }

  officesByCode(codes: readonly string[]): Promise<{ id: string; code: string }[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('offices').select(['id', 'code']).where('code', 'in', codes).execute();
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
    return updateVersioned(this.db, 'users', id, version, changes);
  }

  /**
   * A change that must not fail because someone else edited the user meanwhile (a password reset or
   * change, an OpenID Connect link): still bumps `version` so open edit forms notice it.
   */
  async updateUserBumpingVersion(id: string, changes: Partial<UserRow>): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Count one more failed sign-in atomically (concurrent guesses must not overwrite each other's count)
   * and return the new count. Login bookkeeping is not a versioned edit: it leaves `version` alone.
   */
  async recordFailedLogin(id: string): Promise<number> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return Number(row.failed_logins);
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

  /** A session and its user, read together: every signed-in request needs both. */
  async findSessionWithUser(id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(USER_COLUMNS.map((column) => `users.${column}` as const))
      .select([
        'sessions.id as session_id',
        'sessions.csrf_token as session_csrf_token',
        'sessions.created_at as session_created_at',
        'sessions.expires_at as session_expires_at',
        'sessions.last_seen_at as session_last_seen_at',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const {
      session_id,
      session_csrf_token,
      session_created_at,
      session_expires_at,
      session_last_seen_at,
      ...user
    } = row;
    const session: SessionRow = {
      id: session_id,
      user_id: user.id,
      csrf_token: session_csrf_token,
      created_at: session_created_at,
      expires_at: session_expires_at,
      last_seen_at: session_last_seen_at,
    };
    return { session, user };
  }

  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Every session of the user, except `keepId` when given (the one changing its own password). */
  async deleteSessionsOfUser(userId: string, keepId?: string): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId) query = query.where('id', '!=', keepId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countSessionsOfUser(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async deleteExpiredSessionsOfUser(userId: string, now: string): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('expires_at', '<=', now)
      .execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
