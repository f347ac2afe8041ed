import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { toPage, type Page } from '../../core/pagination.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, throwStale, type ServiceDeps } from '../../core/service-context.js';
import {
  userListQuerySchema,
  type User,
  type UserCreate,
  type UserListQuery,
  type UserUpdate,
} from './accounts.schema.js';
import { AccountsRepository, type UserRow } from './accounts.repository.js';
import { presentUser, redactUser, type AccountsService } from './accounts.service.js';
import { generatePassword, hashPassword } from './passwords.js';
import { assertScopeExists, scopeIdsFromCodes, type ScopeIds } from './user-scope.js';

const ENTITY = 'user';

/** Managing other people's accounts ('users.manage'): list, create, change, disable, reset passwords. */
export class UserService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly accounts: AccountsService,
  ) {}

  private repo(db = this.deps.db.kysely): AccountsRepository {
    return new AccountsRepository(db);
  }

  async list(ctx: RequestContext, raw: UserListQuery = {}): Promise<Page<User>> {
    requirePermission(ctx.actor, 'users.manage');
    const query = userListQuerySchema.parse(raw);
    const rows = await this.repo().listUsersPage({
      q: query.q || undefined,
      role: query.role,
      disabled: query.disabled === undefined ? undefined : query.disabled === 'true',
      limit: query.limit,
      cursor: query.cursor,
    });
    return toPage(rows, query.limit, (row) => row.email, presentUser);
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    requirePermission(ctx.actor, 'users.manage');
    const row = await this.repo().findUserById(id);
    if (!row) throw errors.notFound(ENTITY, id);
    return presentUser(row);
  }

  async getByEmail(ctx: RequestContext, email: string): Promise<User> {
    requirePermission(ctx.actor, 'users.manage');
    const row = await this.repo().findUserByEmail(email.trim());
    if (!row) throw errors.notFound(ENTITY, email);
    return presentUser(row);
  }

  /**
   * Create a user. Without a password one is generated and returned once; either way the user must
   * change it at the first sign-in, as the person who created it knows it. `password: null` creates
   * an account that signs in with OpenID Connect only.
   */
  async create(
    ctx: RequestContext,
    input: UserCreate,
  ): Promise<{ user: User; generated_password: string | null }> {
    requirePermission(ctx.actor, 'users.manage');
    const generated = input.password === undefined ? generatePassword() : null;
    const user = await this.accounts.createUser(
      ctx,
      { ...input, password: generated ?? input.password },
      { mustChangePassword: true },
    );
    return { user, generated_password: generated };
  }

  /** Region and office codes to ids, for the command line. */
  async scopeFromCodes(
    ctx: RequestContext,
    codes: { regions?: readonly string[]; offices?: readonly string[] },
  ): Promise<ScopeIds> {
    requirePermission(ctx.actor, 'users.manage');
    return scopeIdsFromCodes(this.repo(), codes);
  }

  /**
   * Change role, scope, name or the disabled flag (versioned). Disabling ends the user's sessions at
   * once; the last enabled admin can be neither disabled nor demoted.
   */
  async update(ctx: RequestContext, id: string, input: UserUpdate): Promise<User> {
    requirePermission(ctx.actor, 'users.manage');
    const { version, ...fields } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AccountsRepository(trx);
      const before = await repo.findUserById(id);
      if (!before) throw errors.notFound(ENTITY, id);
      if (before.version !== version) throwStale(ENTITY, id, version, before);
      await assertScopeExists(repo, fields);
      const changes: Partial<UserRow> = { updated_at: isoNow(this.deps.clock) };
      if (fields.display_name !== undefined) changes.display_name = fields.display_name;
      if (fields.role !== undefined) changes.role = fields.role;
      if (fields.scope_region_ids)
        changes.scope_region_ids = JSON.stringify([...new Set(fields.scope_region_ids)]);
      if (fields.scope_office_ids)
        changes.scope_office_ids = JSON.stringify([...new Set(fields.scope_office_ids)]);
      if (fields.disabled !== undefined) changes.disabled = fields.disabled ? 1 : 0;

      const after: UserRow = { ...before, ...changes, version: version + 1 };
      const wasActiveAdmin = before.role === 'admin' && before.disabled === 0;
      const isActiveAdmin = after.role === 'admin' && after.disabled === 0;
      if (wasActiveAdmin && !isActiveAdmin && (await repo.countEnabledAdmins(id)) === 0)
        throw errors.conflict('This is the last enabled admin: make someone else admin first', {
          field: fields.disabled ? 'disabled' : 'role',
        });

      if (!(await repo.updateUser(id, version, changes)))
        throwStale(ENTITY, id, version, await repo.findUserById(id));
      if (after.disabled === 1) await repo.deleteSessionsOfUser(id);
      const action = before.disabled === after.disabled ? 'update' : after.disabled ? 'disable' : 'enable';
      await audit({
        action,
        entityType: ENTITY,
        entityId: id,
        before: redactUser(before),
        after: redactUser(after),
      });
      return presentUser(after);
    });
  }

  /**
   * Give the user a new generated password, returned once. They must change it at the next sign-in;
   * their sessions end and a lock-out is lifted.
   */
  async resetPassword(ctx: RequestContext, id: string): Promise<{ user: User; password: string }> {
    requirePermission(ctx.actor, 'users.manage');
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AccountsRepository(trx);
      const before = await repo.findUserById(id);
      if (!before) throw errors.notFound(ENTITY, id);
      await repo.updateUserBumpingVersion(id, {
        password_hash: passwordHash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: isoNow(this.deps.clock),
      });
      const after = await repo.findUserById(id);
      if (!after) throw errors.notFound(ENTITY, id);
      await repo.deleteSessionsOfUser(id);
      await audit({
        action: 'reset_password',
        entityType: ENTITY,
        entityId: id,
        before: redactUser(before),
        after: redactUser(after),
      });
      return { user: presentUser(after), password };
    });
  }
}
