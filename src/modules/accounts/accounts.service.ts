import { createHash, randomBytes } from 'node:crypto';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { AppError, errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import {
  ORGANISATION_WIDE_ROLES,
  requirePermission,
  systemActor,
  type Actor,
  type Role,
} from '../../core/permissions.js';
import { inTransaction, isUniqueViolation, type ServiceDeps } from '../../core/service-context.js';
import { userCreateSchema, type PasswordChange, type User, type UserCreate } from './accounts.schema.js';
import { AccountsRepository, type SessionRow, type UserRow } from './accounts.repository.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { TokenRepository } from './token.repository.js';
import { assertScopeExists } from './user-scope.js';

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

export interface SessionGrant {
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

export const TOKEN_PREFIX = 'cus_';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    role: row.role as Role,
    scope_region_ids: JSON.parse(row.scope_region_ids) as string[],
    scope_office_ids: JSON.parse(row.scope_office_ids) as string[],
    person_id: row.person_id,
    disabled: row.disabled === 1,
    must_change_password: row.must_change_password === 1,
    has_password: row.password_hash !== null,
    oidc_linked: row.oidc_subject !== null,
    locked_until: row.locked_until,
    last_login_at: row.last_login_at,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

const INVALID_CREDENTIALS = 'E-mail or password is wrong';

// Verified against when the e-mail is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | null = null;

// A session's or token's last use is written at most this often: reads must not each turn into a write.
const TOUCH_INTERVAL_MS = 60_000;

/** Authentication: password sign-in with lock-out, sessions, API token resolution, one's own password. */
export class AccountsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly policy: LoginPolicy,
  ) {}

  private repo(db = this.deps.db.kysely): AccountsRepository {
    return new AccountsRepository(db);
  }

  /** On an empty database: create the first admin. Returns the one-time password when generated. */
  async bootstrapAdmin(
    email = 'admin@custos.local',
    password?: string,
  ): Promise<{ email: string; password: string | null } | null> {
    if ((await this.repo().countUsers()) > 0) return null;
    const generated = password ? null : generatePassword();
    await this.createUser(
      { actor: systemActor('bootstrap'), requestId: null },
      { email, display_name: 'Administrator', role: 'admin', password: password ?? generated ?? undefined },
      { mustChangePassword: generated !== null },
    );
    return { email, password: generated };
  }

  /**
   * Create a user with the given password (none when omitted or null: OpenID Connect only). The scope
   * ids and the person must exist. See UserService.create for the variant that generates a password.
   */
  async createUser(
    ctx: RequestContext,
    raw: UserCreate,
    options: { mustChangePassword?: boolean } = {},
  ): Promise<User> {
    requirePermission(ctx.actor, 'users.manage');
    const input = userCreateSchema.parse(raw);
    const now = isoNow(this.deps.clock);
    const row: UserRow = {
      id: newId(),
      email: input.email,
      display_name: input.display_name,
      role: input.role,
      scope_region_ids: JSON.stringify([...new Set(input.scope_region_ids)]),
      scope_office_ids: JSON.stringify([...new Set(input.scope_office_ids)]),
      person_id: input.person_id ?? null,
      password_hash: input.password ? await hashPassword(input.password) : null,
      must_change_password: options.mustChangePassword && input.password ? 1 : 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      oidc_issuer: null,
      oidc_subject: null,
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AccountsRepository(trx);
      await assertScopeExists(repo, {
        scope_region_ids: JSON.parse(row.scope_region_ids) as string[],
        scope_office_ids: JSON.parse(row.scope_office_ids) as string[],
      });
      if (row.person_id && !(await repo.personExists(row.person_id)))
        throw errors.validation(`person_id: no person ${row.person_id}`, [
          { path: 'person_id', message: 'no such person' },
        ]);
      try {
        await repo.insertUser(row);
      } catch (error) {
        if (isUniqueViolation(error))
          throw errors.conflict(`A user with e-mail ${row.email} already exists`, { field: 'email' });
        throw error;
      }
      await audit({ action: 'create', entityType: 'user', entityId: row.id, after: redactUser(row) });
    });
    return presentUser(row);
  }

  /**
   * Password sign-in with lock-out: after `maxFailures` consecutive failures the account is locked
   * for `lockMinutes`. The same error answers an unknown e-mail, a disabled account and a wrong password.
   */
  async login(email: string, password: string, requestId: string | null): Promise<SessionGrant> {
    const repo = this.repo();
    const user = await repo.findUserByEmail(email);
    const now = this.deps.clock.now();
    if (!user || !user.password_hash || user.disabled) {
      dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await dummyHash, password);
      throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    }
    assertNotLocked(user, now);
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.recordFailure(user, requestId);
      throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    }
    const signedIn: UserRow = {
      ...user,
      failed_logins: 0,
      locked_until: null,
      last_login_at: now.toISOString(),
    };
    await repo.setLoginState(user.id, {
      failed_logins: 0,
      locked_until: null,
      last_login_at: signedIn.last_login_at,
    });
    return this.startSession(signedIn, requestId);
  }

  /** Count a wrong password; at `maxFailures` lock the account (audited) and say so. */
  private async recordFailure(user: UserRow, requestId: string | null): Promise<void> {
    const now = this.deps.clock.now();
    const lockedUntil = await inTransaction(
      this.deps,
      { actor: actorLabelOnly(user), requestId },
      async (trx, audit) => {
        const repo = new AccountsRepository(trx);
        const failures = await repo.recordFailedLogin(user.id);
        if (failures < this.policy.maxFailures) return null;
        const until = new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString();
        await repo.setLoginState(user.id, { failed_logins: 0, locked_until: until });
        await audit({
          action: 'lock',
          entityType: 'user',
          entityId: user.id,
          after: { locked_until: until },
        });
        return until;
      },
    );
    if (lockedUntil) throw lockedError(lockedUntil);
  }

  /** Open a session for an authenticated user (password or OIDC). */
  async startSession(user: UserRow, requestId: string | null): Promise<SessionGrant> {
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    const session: SessionRow = {
      id: sha256(token),
      user_id: user.id,
      csrf_token: randomBytes(24).toString('base64url'),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.policy.sessionHours * 3_600_000).toISOString(),
      last_seen_at: now.toISOString(),
    };
    await inTransaction(this.deps, { actor: actorLabelOnly(user), requestId }, async (trx, audit) => {
      const repo = new AccountsRepository(trx);
      await repo.deleteExpiredSessionsOfUser(user.id, session.created_at);
      await repo.insertSession(session);
      await audit({ action: 'login', entityType: 'user', entityId: user.id });
    });
    return { token, csrfToken: session.csrf_token, expiresAt: session.expires_at, user: presentUser(user) };
  }

  /** End a session on the server: the cookie value stops working even if a copy of it survives. */
  async logout(ctx: RequestContext, token: string): Promise<void> {
    const id = sha256(token);
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      await new AccountsRepository(trx).deleteSession(id);
      if (ctx.actor.userId) await audit({ action: 'logout', entityType: 'user', entityId: ctx.actor.userId });
    });
  }

  /** The session behind a cookie, or null when unknown, expired or its user disabled. */
  async resolveSession(token: string): Promise<{ session: SessionRow; user: UserRow } | null> {
    const repo = this.repo();
    const found = await repo.findSessionWithUser(sha256(token));
    if (!found) return null;
    const { session, user } = found;
    const now = isoNow(this.deps.clock);
    if (session.expires_at <= now) {
      await repo.deleteSession(session.id);
      return null;
    }
    if (user.disabled) return null;
    if (Date.parse(now) - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS)
      await repo.touchSession(session.id, now);
    return { session, user };
  }

  /** The API token behind a bearer value, or null when unknown, revoked, expired or its user disabled. */
  async resolveToken(bearer: string): Promise<{ user: UserRow; readOnly: boolean } | null> {
    if (!bearer.startsWith(TOKEN_PREFIX)) return null;
    const tokens = new TokenRepository(this.deps.db.kysely);
    const token = await tokens.findByHash(sha256(bearer));
    const now = isoNow(this.deps.clock);
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return null;
    const user = await this.repo().findUserById(token.user_id);
    if (!user || user.disabled) return null;
    if (!token.last_used_at || Date.parse(now) - Date.parse(token.last_used_at) > TOUCH_INTERVAL_MS)
      await tokens.touch(token.id, now);
    return { user, readOnly: token.read_only === 1 };
  }

  /**
   * The signed-in user changes their own password: the current one must be right (wrong guesses count
   * towards the lock-out, as at sign-in). Clears `must_change_password` and ends every other session.
   */
  async changePassword(
    ctx: RequestContext,
    input: PasswordChange,
    currentSessionToken?: string,
  ): Promise<User> {
    requirePermission(ctx.actor, 'account.self');
    const userId = ctx.actor.userId;
    if (!userId) throw errors.unauthenticated();
    const user = await this.repo().findUserById(userId);
    if (!user) throw errors.unauthenticated();
    if (!user.password_hash)
      throw errors.validation('This account signs in with OpenID Connect and has no password to change', [
        { path: 'current_password', message: 'the account has no password' },
      ]);
    assertNotLocked(user, this.deps.clock.now());
    if (!(await verifyPassword(user.password_hash, input.current_password))) {
      await this.recordFailure(user, ctx.requestId);
      throw errors.validation('The current password is wrong', [
        { path: 'current_password', message: 'wrong password' },
      ]);
    }
    if (input.new_password === input.current_password)
      throw errors.validation('Choose a new password different from the current one', [
        { path: 'new_password', message: 'same as the current password' },
      ]);
    const now = isoNow(this.deps.clock);
    const changes = {
      password_hash: await hashPassword(input.new_password),
      must_change_password: 0,
      failed_logins: 0,
      updated_at: now,
    };
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AccountsRepository(trx);
      if (!(await repo.updateUserBumpingVersion(user.id, changes))) throw errors.unauthenticated();
      const after = await repo.findUserById(user.id);
      if (!after) throw errors.unauthenticated();
      await repo.deleteSessionsOfUser(user.id, currentSessionToken ? sha256(currentSessionToken) : undefined);
      await audit({
        action: 'change_password',
        entityType: 'user',
        entityId: user.id,
        before: redactUser(user),
        after: redactUser(after),
      });
      return presentUser(after);
    });
  }

  /** Expand a user's scope lists into the offices (and regions) it may see. */
  async actorFor(user: UserRow, readOnly = false): Promise<Actor> {
    const role = user.role as Role;
    const base = { userId: user.id, label: user.email, role, personId: user.person_id, readOnly };
    if (ORGANISATION_WIDE_ROLES.includes(role)) return { ...base, scope: { kind: 'all' } };
    const repo = this.repo();
    const regionIds = JSON.parse(user.scope_region_ids) as string[];
    const officeIds = new Set([
      ...(JSON.parse(user.scope_office_ids) as string[]),
      ...(await repo.officeIdsInRegions(regionIds)),
    ]);
    const visibleRegions = new Set([...regionIds, ...(await repo.regionIdsOfOffices([...officeIds]))]);
    return { ...base, scope: { kind: 'offices', officeIds, regionIds: visibleRegions } };
  }

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.repo().findUserByEmail(email);
  }

  async getUser(id: string): Promise<UserRow | undefined> {
    return this.repo().findUserById(id);
  }
}

function assertNotLocked(user: UserRow, now: Date): void {
  if (user.locked_until && new Date(user.locked_until) > now) throw lockedError(user.locked_until);
}

function lockedError(lockedUntil: string): AppError {
  return new AppError('account_locked', 'Too many failed sign-ins: the account is locked for a while', {
    locked_until: lockedUntil,
  });
}

/** The actor recorded for a user's own sign-in events, before a full actor is resolved. */
export function actorLabelOnly(user: UserRow): Actor {
  return { ...systemActor(user.email), userId: user.id };
}

/** What the audit trail keeps of a user: never the password hash. */
export function redactUser(row: UserRow): Omit<UserRow, 'password_hash'> & { password_hash?: undefined } {
  const { password_hash: _hash, ...rest } = row;
  return rest;
}
