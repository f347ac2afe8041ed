import { z } from 'zod';
import { ROLES } from '../../core/permissions.js';

export const roleSchema = z.enum(ROLES);

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
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
  last_login_at: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const passwordSchema = z.string().min(12, 'use at least 12 characters').max(1024);

export const userCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  display_name: z.string().trim().min(1).max(200),
  role: roleSchema,
  scope_region_ids: z.array(z.string().uuid()).max(50).default([]),
  scope_office_ids: z.array(z.string().uuid()).max(500).default([]),
  person_id: z.string().uuid().nullable().optional(),
  password: passwordSchema.optional(),
});
export type UserCreate = z.input<typeof userCreateSchema>;

export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.string()),
  csrf_token: z.string().nullable(),
  auth: z.enum(['session', 'token']),
});
