import { z } from 'zod';

/** API tokens: `cus_<prefix>_<secret>`, shown once; only their SHA-256 and prefix are stored. */

export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;

export const apiTokenSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  user_email: z.string(),
  name: z.string(),
  /** The public part of the token, to recognise it in lists (`cus_<prefix>_…`). */
  prefix: z.string(),
  read_only: z.boolean(),
  status: z.enum(TOKEN_STATUSES),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** A read-only ("scoped") token may only read, whatever the role of its user allows. */
  read_only: z.boolean().default(false),
  /** Omitted: the token never expires (revoke it when done). */
  expires_in_days: z.number().int().min(1).max(3650).optional(),
  /** Create the token for another user ('users.manage'); default: for yourself. */
  user_id: z.string().uuid().optional(),
});
export type ApiTokenCreate = z.input<typeof apiTokenCreateSchema>;

/** The created token with its secret, which is never shown again. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const apiTokenListQuerySchema = z.object({
  /** Every user's tokens ('users.manage'). */
  all: z.enum(['true', 'false']).optional(),
  /** One user's tokens ('users.manage' unless it is you). */
  user_id: z.string().uuid().optional(),
});
export type ApiTokenListQuery = z.infer<typeof apiTokenListQuerySchema>;
