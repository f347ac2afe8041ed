import { z } from 'zod';

/** Shared with the web app: request and response shapes of the regional roll-out. */

/** An office's onboarding, in the order it moves through them. */
export const ONBOARDING_STATUSES = [
  'not_started',
  'onboarding',
  'inventory_in_progress',
  'complete',
] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

const date = z.iso.date('use a date as YYYY-MM-DD');
const optionalDate = date.nullable().optional();
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const stamps = { version: z.number().int(), created_at: z.string(), updated_at: z.string() };

// Waves
export const waveSchema = z.object({
  id: z.string(),
  region_id: z.string(),
  name: z.string(),
  number: z.number().int(),
  planned_start: z.string().nullable(),
  planned_end: z.string().nullable(),
  notes: z.string().nullable(),
  ...stamps,
});
export type Wave = z.infer<typeof waveSchema>;

const waveFields = {
  name: z.string().trim().min(1).max(200),
  /** The wave's place in its region's order, from 1; unique within the region. */
  number: z.number().int().min(1).max(999),
  planned_start: optionalDate,
  planned_end: optionalDate,
  notes: optionalText(2000),
};
export const waveCreateSchema = z.strictObject({ region_id: z.string().uuid(), ...waveFields });
/** A wave stays in its region: its offices are that region's. */
export const waveUpdateSchema = z.strictObject(waveFields).partial().extend({
  version: z.number().int().positive(),
});
export type WaveCreate = z.infer<typeof waveCreateSchema>;
export type WaveUpdate = z.infer<typeof waveUpdateSchema>;
export const waveListQuerySchema = z.object({ region_id: z.string().uuid().optional() });
export type WaveListQuery = z.infer<typeof waveListQuerySchema>;

// Offices in the roll-out
export const officeRolloutSchema = z.object({
  office_id: z.string(),
  office_code: z.string(),
  office_name: z.string(),
  region_id: z.string().nullable(),
  region_code: z.string().nullable(),
  region_name: z.string().nullable(),
  wave_id: z.string().nullable(),
  wave_name: z.string().nullable(),
  wave_number: z.number().int().nullable(),
  status: z.enum(ONBOARDING_STATUSES),
  focal_point_id: z.string().nullable(),
  focal_point_name: z.string().nullable(),
  focal_point_email: z.string().nullable(),
  target_date: z.string().nullable(),
  actual_date: z.string().nullable(),
  notes: z.string().nullable(),
  /** Target date passed (before today) and not complete. */
  overdue: z.boolean(),
  /** Whole days since the target date when overdue, else null. */
  days_overdue: z.number().int().nullable(),
  /** 0 while the office has no roll-out record yet (send 0 to create it). */
  version: z.number().int(),
  updated_at: z.string().nullable(),
});
export type OfficeRollout = z.infer<typeof officeRolloutSchema>;

/**
 * A change to an office's roll-out record, created on first write (`version` 0). Fields left out keep
 * their value. `actual_date` is required when the status is complete and must be empty otherwise.
 */
export const officeRolloutUpdateSchema = z.strictObject({
  status: z.enum(ONBOARDING_STATUSES).optional(),
  wave_id: z.string().uuid().nullable().optional(),
  focal_point_id: z.string().uuid().nullable().optional(),
  target_date: optionalDate,
  actual_date: optionalDate,
  notes: optionalText(2000),
  version: z.number().int().min(0),
});
export type OfficeRolloutUpdate = z.infer<typeof officeRolloutUpdateSchema>;

/** The wave filter's word for offices in no wave. */
export const NO_WAVE = 'none';
export const officeRolloutListQuerySchema = z.object({
  region_id: z.string().uuid().optional(),
  wave_id: z.union([z.string().uuid(), z.literal(NO_WAVE)]).optional(),
  status: z.enum(ONBOARDING_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type OfficeRolloutListQuery = z.infer<typeof officeRolloutListQuerySchema>;

// Progress
export const overdueOfficeSchema = z.object({
  office_id: z.string(),
  office_code: z.string(),
  office_name: z.string(),
  focal_point_name: z.string().nullable(),
  target_date: z.string(),
  days_overdue: z.number().int(),
});
export type OverdueOffice = z.infer<typeof overdueOfficeSchema>;

const statusCountsSchema = z.object(
  Object.fromEntries(ONBOARDING_STATUSES.map((s) => [s, z.number().int()])) as Record<
    OnboardingStatus,
    z.ZodNumber
  >,
);
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const progressGroupSchema = z.object({
  offices: z.number().int(),
  by_status: statusCountsSchema,
  /** Share of the group's offices that are complete, 0–100 with one decimal. */
  percent_complete: z.number(),
  /** Most days overdue first. */
  overdue: z.array(overdueOfficeSchema),
});
export type ProgressGroup = z.infer<typeof progressGroupSchema>;

export const waveProgressSchema = progressGroupSchema.extend({
  wave_id: z.string(),
  name: z.string(),
  number: z.number().int(),
  planned_start: z.string().nullable(),
  planned_end: z.string().nullable(),
});
export type WaveProgress = z.infer<typeof waveProgressSchema>;

export const regionProgressSchema = progressGroupSchema.extend({
  /** null for offices outside any region (HQ departments). */
  region_id: z.string().nullable(),
  region_code: z.string().nullable(),
  region_name: z.string().nullable(),
  /** In wave order; a region with none has not been rolled out yet. */
  waves: z.array(waveProgressSchema),
  /** The region's offices in no wave, when there are any. */
  no_wave: progressGroupSchema.nullable(),
});
export type RegionProgress = z.infer<typeof regionProgressSchema>;

export const rolloutProgressSchema = z.object({
  as_of: z.string(),
  regions: z.array(regionProgressSchema),
  overall: progressGroupSchema,
});
export type RolloutProgress = z.infer<typeof rolloutProgressSchema>;
export const progressQuerySchema = z.object({ region_id: z.string().uuid().optional() });

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().positive() });
