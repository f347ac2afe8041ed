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
import { userCreateSchema, type User, type UserCreate } from './accounts.schema.js';
import { AccountsRepository, type SessionRow, type UserRow } from './accounts.repository.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

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
    last_login_at: row.last_login_at,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

// Verified against when the e-mail is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | null = null;

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
      scope_region_ids: JSON.stringify(input.scope_region_ids),
      scope_office_ids: JSON.stringify(input.scope_office_ids),
      person_id: input.person_id ?? null,
      password_hash: input.password ? await hashPassword(input.password) : null,
      must_change_password: options.mustChangePassword ? 1 : 0,
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
      try {
        await new AccountsRepository(trx).insertUser(row);
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
   * for `lockMinutes`. The same error answers an unknown e-mail and a wrong password.
   */
  async login(email: string, password: string, requestId: string | null): Promise<SessionGrant> {
    const repo = this.repo();
    const user = await repo.findUserByEmail(email);
    const now = this.deps.clock.now();
    if (!user || !user.password_hash || user.disabled) {
      dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await dummyHash, password);
      throw new AppError('invalid_credentials', 'E-mail or password is wrong');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      throw new AppError('account_locked', 'Too many failed sign-ins: the account is locked for a while', {
        locked_until: user.locked_until,
      });
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const failures = user.failed_logins + 1;
      const lock = failures >= this.policy.maxFailures;
      const lockedUntil = lock
        ? new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString()
        : null;
      await repo.setLoginState(user.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil });
      if (lock) {
        await inTransaction(this.deps, { actor: actorLabelOnly(user), requestId }, (_trx, audit) =>
          audit({
            action: 'lock',
            entityType: 'user',
            entityId: user.id,
            after: { locked_until: lockedUntil },
          }),
        );
      }
      throw new AppError('invalid_credentials', 'E-mail or password is wrong');
    }
    await repo.setLoginState(user.id, {
      failed_logins: 0,
      locked_until: null,
      last_login_at: now.toISOString(),
    });
    return this.startSession(user, requestId);
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
      await new AccountsRepository(trx).insertSession(session);
      await audit({ action: 'login', entityType: 'user', entityId: user.id });
    });
    return { token, csrfToken: session.csrf_token, expiresAt: session.expires_at, user: presentUser(user) };
  }

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
    const session = await repo.findSession(sha256(token));
    const now = isoNow(this.deps.clock);
    if (!session || session.expires_at <= now) return null;
    const user = await repo.findUserById(session.user_id);
    if (!user || user.disabled) return null;
    // Touch at most once a minute: reads must not turn into a write each.
    if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) await repo.touchSession(session.id, now);
    return { session, user };
  }

  /** The API token behind a bearer value, or null when unknown, revoked, expired or its user disabled. */
  async resolveToken(bearer: string): Promise<{ user: UserRow; readOnly: boolean } | null> {
    const repo = this.repo();
    const token = await repo.findTokenByHash(sha256(bearer));
    const now = isoNow(this.deps.clock);
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return null;
    const user = await repo.findUserById(token.user_id);
    if (!user || user.disabled) return null;
    await repo.touchToken(token.id, now);
    return { user, readOnly: token.read_only === 1 };
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

  async getUser(id: string): Promise<UserRow | undefined> {
    return this.repo().findUserById(id);
  }
}

/** The actor recorded for a user's own sign-in events, before a full actor is resolved. */
function actorLabelOnly(user: UserRow): Actor {
  return { ...systemActor(user.email), userId: user.id };
}

/** What the audit trail keeps of a user: never the password hash. */
export function redactUser(row: UserRow): Omit<UserRow, 'password_hash'> & { password_hash?: undefined } {
  const { password_hash: _hash, ...rest } = row;
  return rest;
}
