import type { Kysely } from 'kysely';

/*
 * OpenID Connect sign-in state (PKCE verifier and nonce, kept server-side for a few minutes between
 * the redirect to the provider and its callback), and an index for listing a user's API tokens.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_states')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the state value
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oidc_states_expires_idx').on('oidc_states').column('expires_at').execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_tokens_user_idx').execute();
  await db.schema.dropTable('oidc_states').execute();
}
