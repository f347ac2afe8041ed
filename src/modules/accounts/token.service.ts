import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission, requirePermission } from '../../core/permissions.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import { AccountsRepository } from './accounts.repository.js';
import { sha256, TOKEN_PREFIX } from './accounts.service.js';
import {
  apiTokenCreateSchema,
  type ApiToken,
  type ApiTokenCreate,
  type ApiTokenCreated,
  type ApiTokenListQuery,
} from './token.schema.js';
import { TokenRepository, type ApiTokenRow, type ApiTokenWithEmail } from './token.repository.js';

const ENTITY = 'api_token';

/** A fresh token: `cus_<8 hex prefix>_<64 hex secret>`, all word characters so a double-click selects it. */
export function generateToken(): { token: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { token: `${TOKEN_PREFIX}${prefix}_${randomBytes(32).toString('hex')}`, prefix };
}

/**
 * API tokens for scripts and integrations. Everyone manages their own ('account.self'); 'users.manage'
 * sees and manages everybody's. A token acts with its user's role and scope, read-only if asked.
 */
export class TokenService {
  constructor(private readonly deps: ServiceDeps) {}

  private repo(db = this.deps.db.kysely): TokenRepository {
    return new TokenRepository(db);
  }

  /** Create a token; the returned `token` is its only appearance: only its SHA-256 is kept. */
  async create(ctx: RequestContext, raw: ApiTokenCreate): Promise<ApiTokenCreated> {
    const forSelf = raw.user_id === undefined || raw.user_id === ctx.actor.userId;
    requirePermission(ctx.actor, forSelf ? 'account.self' : 'users.manage');
    const input = apiTokenCreateSchema.parse(raw);
    const userId = input.user_id ?? ctx.actor.userId;
    if (!userId)
      throw errors.validation('user_id: say whose token this is', [{ path: 'user_id', message: 'required' }]);
    const now = this.deps.clock.now();
    const { token, prefix } = generateToken();
    const row: ApiTokenRow = {
      id: newId(),
      user_id: userId,
      name: input.name,
      prefix,
      token_hash: sha256(token),
      read_only: input.read_only ? 1 : 0,
      created_at: now.toISOString(),
      expires_at: input.expires_in_days
        ? new Date(now.getTime() + input.expires_in_days * 86_400_000).toISOString()
        : null,
      last_used_at: null,
      revoked_at: null,
    };
    const created = await inTransaction(this.deps, ctx, async (trx, audit) => {
      const user = await new AccountsRepository(trx).findUserById(userId);
      if (!user) throw errors.notFound('user', userId);
      if (user.disabled) throw errors.conflict(`User ${user.email} is disabled`, { field: 'user_id' });
      await new TokenRepository(trx).insert(row);
      const presented = this.present({ ...row, user_email: user.email });
      await audit({ action: 'create', entityType: ENTITY, entityId: row.id, after: presented });
      return presented;
    });
    return { ...created, token };
  }

  /** Your own tokens; every user's (`all`) or another user's (`user_id`) with 'users.manage'. */
  async list(ctx: RequestContext, query: ApiTokenListQuery = {}): Promise<ApiToken[]> {
    const own = query.all !== 'true' && (query.user_id === undefined || query.user_id === ctx.actor.userId);
    // One's own tokens are readable like one's own profile, even with a read-only token.
    if (!own) requirePermission(ctx.actor, 'users.manage');
    const userId = own ? ctx.actor.userId : query.user_id;
    if (own && !userId) throw errors.unauthenticated();
    const rows = await this.repo().list(query.all === 'true' ? undefined : (userId ?? undefined));
    return rows.map((row) => this.present(row));
  }

  /** Revoke a token (its owner or 'users.manage'); revoking a revoked token changes nothing. */
  async revoke(ctx: RequestContext, id: string): Promise<ApiToken> {
    if (!hasPermission(ctx.actor, 'users.manage')) requirePermission(ctx.actor, 'account.self');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new TokenRepository(trx);
      const before = await repo.findById(id);
      // Someone else's token answers as missing: its existence is none of the caller's business.
      if (!before || !this.mayManage(ctx, before)) throw errors.notFound(ENTITY, id);
      const at = isoNow(this.deps.clock);
      if (!(await repo.revoke(id, at))) return this.present(before);
      const after = this.present({ ...before, revoked_at: at });
      await audit({
        action: 'revoke',
        entityType: ENTITY,
        entityId: id,
        before: this.present(before),
        after,
      });
      return after;
    });
  }

  private mayManage(ctx: RequestContext, row: ApiTokenRow): boolean {
    return row.user_id === ctx.actor.userId || hasPermission(ctx.actor, 'users.manage');
  }

  /** What callers and the audit trail see: never the hash. */
  private present(row: ApiTokenWithEmail): ApiToken {
    const now = isoNow(this.deps.clock);
    const status = row.revoked_at
      ? 'revoked'
      : row.expires_at && row.expires_at <= now
        ? 'expired'
        : 'active';
    return {
      id: row.id,
      user_id: row.user_id,
      user_email: row.user_email,
      name: row.name,
      prefix: row.prefix,
      read_only: row.read_only === 1,
      status,
      created_at: row.created_at,
      expires_at: row.expires_at,
      last_used_at: row.last_used_at,
      revoked_at: row.revoked_at,
    };
  }
}
