import { z } from 'zod';
import { pageQuerySchema } from '../../core/pagination.js';
import { ROLES } from '../../core/permissions.js';

export const roleSchema = z.enum(ROLES);

const emailSchema = z.string().trim().toLowerCase().email().max(254);

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: roleSchema,
  scope_region_ids: z.array(z.string()),
  scope_office_ids: z.array(z.string()),
  person_id: z.string().nullable(),
  disabled: z.boolean(),
  must_change_password: z.boolean(),
  /** Whether the account can sign in with a password, and whether it is linked to an OpenID Connect identity. */
  has_password: z.boolean(),
  oidc_linked: z.boolean(),
  locked_until: z.string().nullable(),
  last_login_at: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const passwordSchema = z.string().min(12, 'use at least 12 characters').max(1024);

const scopeRegionIds = z.array(z.string().uuid()).max(50);
const scopeOfficeIds = z.array(z.string().uuid()).max(500);

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  display_name: z.string().trim().min(1).max(200),
  role: roleSchema,
  scope_region_ids: scopeRegionIds.default([]),
  scope_office_ids: scopeOfficeIds.default([]),
  person_id: z.string().uuid().nullable().optional(),
  /** Omitted: a one-time password is generated and returned. null: no password (OpenID Connect only). */
  password: passwordSchema.nullable().optional(),
});
export type UserCreate = z.input<typeof userCreateSchema>;

export const userCreatedSchema = z.object({
  user: userSchema,
  /** The generated one-time password, shown once; null when none was generated. */
  generated_password: z.string().nullable(),
});

export const userUpdateSchema = z.strictObject({
  display_name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  scope_region_ids: scopeRegionIds.optional(),
  scope_office_ids: scopeOfficeIds.optional(),
  disabled: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;

export const passwordResetSchema = z.object({
  user: userSchema,
  /** The new one-time password, shown once; the user must change it at the next sign-in. */
  password: z.string(),
});

export const passwordChangeSchema = z.strictObject({
  current_password: z.string().min(1).max(1024),
  new_password: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.string()),
  csrf_token: z.string().nullable(),
  auth: z.enum(['session', 'token']),
});

export const providersSchema = z.object({
  password: z.literal(true),
  oidc: z.object({ enabled: z.boolean(), label: z.string().nullable(), login_url: z.string().nullable() }),
});
