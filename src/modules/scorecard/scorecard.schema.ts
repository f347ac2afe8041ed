import { z } from 'zod';
import { isCalendarDate } from './calendar-date.js';
import { controlIdSchema } from './rule.schema.js';

/** Shared with the web app: scorecard settings, the query, and the scorecard itself. */

export const SCORECARD_DIMENSIONS = ['office', 'region', 'department', 'organisation'] as const;
export type ScorecardDimension = (typeof SCORECARD_DIMENSIONS)[number];

/** Best first. A scope with no applicable control has no score and no band. */
export const BANDS = ['Healthy', 'Fair', 'Not healthy', 'Critical'] as const;
export type Band = (typeof BANDS)[number];

export const calendarDateSchema = z.string().refine(isCalendarDate, 'use a calendar date YYYY-MM-DD');

const hasAtMostDecimals = (places: number) => (value: number) => {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
};

/** Scores have one decimal, so thresholds do too. */
const thresholdSchema = z
  .number()
  .min(0)
  .max(100)
  .refine(hasAtMostDecimals(1), 'use at most one decimal, like the scores');

export const bandThresholdsSchema = z
  .strictObject({
    healthy: thresholdSchema.default(80),
    fair: thresholdSchema.default(60),
    not_healthy: thresholdSchema.default(40),
  })
  .superRefine((bands, ctx) => {
    if (!(bands.healthy > bands.fair)) {
      ctx.addIssue({ code: 'custom', path: ['fair'], message: 'must be below healthy' });
    }
    if (!(bands.fair > bands.not_healthy)) {
      ctx.addIssue({ code: 'custom', path: ['not_healthy'], message: 'must be below fair' });
    }
  });
export type BandThresholds = z.infer<typeof bandThresholdsSchema>;

const dueDaysSchema = z.number().int().min(1).max(3650);

/** A control's weight in the mean: above 0 (switch a control off with enabled: false), two decimals at most. */
export const weightSchema = z
  .number()
  .positive()
  .max(1000)
  .refine(hasAtMostDecimals(2), 'use at most two decimals');

export const controlSettingsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  weight: weightSchema.default(1),
  /** Days an action raised by this control has before it is due; else by the control's severity. */
  due_days: dueDaysSchema.optional(),
});

export const scorecardConfigSchema = z.strictObject({
  bands: bandThresholdsSchema.prefault({}),
  /** Settings per control id; a control not listed is enabled with weight 1. */
  controls: z.record(controlIdSchema, controlSettingsSchema.prefault({})).default({}),
  /** Days before an action is due, by the severity of its control. */
  due_days: z
    .strictObject({
      high: dueDaysSchema.default(30),
      medium: dueDaysSchema.default(60),
      low: dueDaysSchema.default(90),
    })
    .prefault({}),
});
export type ScorecardConfig = z.output<typeof scorecardConfigSchema>;
export type ScorecardConfigInput = z.input<typeof scorecardConfigSchema>;

/** The defaults of issue 3: every control enabled with weight 1 (the unweighted mean), bands 80/60/40. */
export const DEFAULT_SCORECARD_CONFIG: ScorecardConfig = scorecardConfigSchema.parse({});

export const scorecardQuerySchema = z.strictObject({
  by: z.enum(SCORECARD_DIMENSIONS).default('office'),
  as_of: calendarDateSchema.optional(),
});
export type ScorecardQuery = z.infer<typeof scorecardQuerySchema>;

export const controlCountsSchema = z.object({
  passed: z.number().int().nonnegative(),
  applicable: z.number().int().nonnegative(),
});
export type ControlCounts = z.infer<typeof controlCountsSchema>;

const scopeFields = {
  name: z.string().nullable(),
  assets: z.number().int().nonnegative(),
  /** 0–100 with one decimal; null when no control applies to any asset of the scope. */
  score: z.number().nullable(),
  band: z.enum(BANDS).nullable(),
  /** Every enabled control, in definition order, including those with no applicable asset. */
  controls: z.record(z.string(), controlCountsSchema),
};
export const scorecardGroupSchema = z.object({ key: z.string().nullable(), ...scopeFields });
export type ScorecardGroup = z.infer<typeof scorecardGroupSchema>;
export const scorecardOverallSchema = z.object(scopeFields);
export type ScorecardOverall = z.infer<typeof scorecardOverallSchema>;

export const scorecardSchema = z.object({
  as_of: z.string(),
  by: z.enum(SCORECARD_DIMENSIONS),
  groups: z.array(scorecardGroupSchema),
  overall: scorecardOverallSchema,
});
export type Scorecard = z.infer<typeof scorecardSchema>;
