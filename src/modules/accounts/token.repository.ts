import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ApiTokenTable } from '../../db/schema/org.js';

export type ApiTokenRow = Selectable<ApiTokenTable>;
export type ApiTokenWithEmail = ApiTokenRow & { user_email: string };

/**
 * Every column of ApiTokenTable, by name, for the lookup of every request made with a token:
 * PostgreSQL prepares a repeated statement only when its columns are named (src/db/pg-statements.ts).
 * A column missing here fails to compile: the lookup returns ApiTokenRow.
 */
const TOKEN_COLUMNS = [
  'id',
  'user_id',
  'name',
  'prefix',
  'token_hash',
  'read_only',
  'created_at',
  'expires_at',
  'last_used_at',
  'revoked_at',
] as const satisfies readonly (keyof ApiTokenTable)[];

/** SQL for API tokens; no rules. `db` may be a transaction. */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: ApiTokenRow): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  findById(id: string): Promise<ApiTokenWithEmail | undefined> {
    return this.withEmail().where('api_tokens.id', '=', id).executeTakeFirst();
  }

  findByHash(hash: string): Promise<ApiTokenRow | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .select(TOKEN_COLUMNS)
      .where('token_hash', '=', hash)
      .executeTakeFirst();
  }

  /** Newest first; every user's when `userId` is undefined. */
  list(userId?: string): Promise<ApiTokenWithEmail[]> {
    let query = this.withEmail().orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc');
    if (userId) query = query.where('api_tokens.user_id', '=', userId);
    return query.execute();
  }

  /** Returns false when the token was already revoked (nothing changed). */
  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  private withEmail() {
    return this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('api_tokens')
      .select('users.email as user_email');
  }
}
