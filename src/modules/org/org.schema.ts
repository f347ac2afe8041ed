import { z } from 'zod';
import { isCountryCode } from './countries.js';

/** Shared with the web app: request and response shapes of the organisation module. */

export const GOVERNANCE_ROLES = ['data_owner', 'data_custodian', 'data_steward', 'focal_point'] as const;
export const governanceRoleSchema = z.enum(GOVERNANCE_ROLES);
export type GovernanceRole = z.infer<typeof governanceRoleSchema>;

export const OFFICE_KINDS = ['country_office', 'hq_department'] as const;

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const versioned = { version: z.number().int().positive() };
const stamps = { version: z.number().int(), created_at: z.string(), updated_at: z.string() };

// Regions
export const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_-]{2,16}$/, 'use 2–16 capital letters, digits, - or _');
export const regionSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), ...stamps });
export type Region = z.infer<typeof regionSchema>;
export const regionCreateSchema = z.strictObject({ code: regionCodeSchema, name: trimmed(200) });
export const regionUpdateSchema = z.strictObject({
  code: regionCodeSchema.optional(),
  name: trimmed(200).optional(),
  ...versioned,
});
export type RegionCreate = z.infer<typeof regionCreateSchema>;
export type RegionUpdate = z.infer<typeof regionUpdateSchema>;

// Offices (country offices and HQ departments)
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'use an ISO 3166-1 alpha-2 country code such as KE');
export const officeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{2,24}$/, 'use 2–24 capital letters, digits, - or _');
export const officeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(OFFICE_KINDS),
  region_id: z.string().nullable(),
  country_code: z.string().nullable(),
  city: z.string().nullable(),
  ...stamps,
});
export type Office = z.infer<typeof officeSchema>;
const officeFields = {
  code: officeCodeSchema,
  name: trimmed(200),
  kind: z.enum(OFFICE_KINDS),
  region_id: z.string().uuid().nullable().optional(),
  country_code: countryCodeSchema.nullable().optional(),
  city: z.string().trim().max(200).nullable().optional(),
};
export const officeCreateSchema = z.strictObject(officeFields);
export const officeUpdateSchema = officeCreateSchema.partial().extend(versioned);
export type OfficeCreate = z.infer<typeof officeCreateSchema>;
export type OfficeUpdate = z.infer<typeof officeUpdateSchema>;
export const officeListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  region_id: z.string().uuid().optional(),
  kind: z.enum(OFFICE_KINDS).optional(),
  /** code, name or created_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type OfficeListQuery = z.infer<typeof officeListQuerySchema>;

// Departments / units inside an office
export const departmentSchema = z.object({
  id: z.string(),
  office_id: z.string(),
  code: z.string(),
  name: z.string(),
  ...stamps,
});
export type Department = z.infer<typeof departmentSchema>;
export const departmentCreateSchema = z.strictObject({
  office_id: z.string().uuid(),
  code: officeCodeSchema,
  name: trimmed(200),
});
export const departmentUpdateSchema = z.strictObject({
  code: officeCodeSchema.optional(),
  name: trimmed(200).optional(),
  ...versioned,
});
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;
export const departmentListQuerySchema = z.object({
  office_id: z.string().uuid().optional(),
  /** code, name or created_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type DepartmentListQuery = z.infer<typeof departmentListQuerySchema>;

// People
export const personSchema = z.object({
  id: z.string(),
  full_name: z.string(),
  email: z.string(),
  office_id: z.string(),
  department_id: z.string().nullable(),
  job_title: z.string().nullable(),
  governance_roles: z.array(governanceRoleSchema),
  active: z.boolean(),
  ...stamps,
});
export type Person = z.infer<typeof personSchema>;
const personFields = {
  full_name: trimmed(200),
  email: z.string().trim().toLowerCase().email().max(254),
  office_id: z.string().uuid(),
  department_id: z.string().uuid().nullable().optional(),
  job_title: z.string().trim().max(200).nullable().optional(),
  governance_roles: z.array(governanceRoleSchema).max(4).optional(),
  active: z.boolean().optional(),
};
export const personCreateSchema = z.strictObject(personFields);
export const personUpdateSchema = personCreateSchema.partial().extend(versioned);
export type PersonCreate = z.infer<typeof personCreateSchema>;
export type PersonUpdate = z.infer<typeof personUpdateSchema>;
export const personListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  office_id: z.string().uuid().optional(),
  region_id: z.string().uuid().optional(),
  department_id: z.string().uuid().optional(),
  governance_role: governanceRoleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  /** full_name, email or created_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().positive() });
