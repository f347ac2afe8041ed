import { z } from 'zod';
import { CONTROL_STATUSES } from './health-controls.js';
import { SEVERITIES } from './rule.schema.js';
import { LANGUAGES } from './scorecard.settings.js';
import {
  bandThresholdsSchema,
  BANDS,
  calendarDateSchema,
  SCORECARD_DIMENSIONS,
  scorecardQuerySchema,
} from './scorecard.schema.js';

/** Shared with the web app: requests and responses of the scorecard's API beyond the scorecard itself. */

const code = z.string().trim().min(1).max(50);
const lang = z.enum(LANGUAGES).default('en');

/** GET /api/scorecard: the scorecard of the caller's scope, narrowed to a region or an office (codes). */
export const scorecardRequestSchema = scorecardQuerySchema.extend({
  region: code.optional(),
  office: code.optional(),
});
export type ScorecardRequest = z.infer<typeof scorecardRequestSchema>;

const titleSchema = z.object({ en: z.string(), fr: z.string(), es: z.string() });

export const controlInfoSchema = z.object({
  id: z.string(),
  title: titleSchema,
  description: titleSchema.nullable(),
  severity: z.enum(SEVERITIES),
  weight: z.number(),
  enabled: z.boolean(),
  /** Days an action raised by this control has before it is due. */
  due_days: z.number().int(),
  builtin: z.boolean(),
});
export type ControlInfo = z.infer<typeof controlInfoSchema>;

export const controlsResponseSchema = z.object({
  controls: z.array(controlInfoSchema),
  bands: bandThresholdsSchema,
});
export type ControlsResponse = z.infer<typeof controlsResponseSchema>;

/** Settings as stored (defaults filled in); custom controls are rule definitions (docs/scorecard.md). */
export const settingsResponseSchema = z.object({
  config: z.record(z.string(), z.unknown()),
  custom_controls: z.array(z.record(z.string(), z.unknown())),
  /** 0 until the settings are first saved. */
  version: z.number().int(),
  updated_at: z.string().nullable(),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** Checked by the service, so a request and a settings file report problems alike. */
export const settingsUpdateSchema = z.object({
  config: z.record(z.string(), z.unknown()).default({}),
  custom_controls: z.array(z.unknown()).default([]),
  /** The version you read (0 for never saved). */
  version: z.number().int().nonnegative(),
});
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const healthQuerySchema = z.strictObject({ as_of: calendarDateSchema.optional(), lang });
export type HealthQuery = z.infer<typeof healthQuerySchema>;

export const assetHealthSchema = z.object({
  asset_id: z.string(),
  as_of: z.string(),
  /** The asset's own score over the controls that apply to it, and its band. */
  score: z.number().nullable(),
  band: z.enum(BANDS).nullable(),
  controls: z.array(
    z.object({
      control: z.string(),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      status: z.enum(CONTROL_STATUSES),
      /** Why it fails or does not apply, in the language asked for; empty on PASS. */
      reasons: z.array(
        z.object({
          code: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
        }),
      ),
    }),
  ),
});
export type AssetHealth = z.infer<typeof assetHealthSchema>;

export const snapshotRequestSchema = z.strictObject({ as_of: calendarDateSchema.optional() });

export const snapshotResultSchema = z.object({
  as_of: z.string(),
  /** Scopes recorded, over every dimension. */
  snapshots: z.number().int(),
  actions: z.object({
    opened: z.number().int(),
    closed: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
});
export type SnapshotResult = z.infer<typeof snapshotResultSchema>;

export const trendQuerySchema = z.strictObject({
  by: z.enum(SCORECARD_DIMENSIONS).default('organisation'),
  key: z.string().max(120).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
});
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export const trendResponseSchema = z.object({
  by: z.enum(SCORECARD_DIMENSIONS),
  series: z.array(
    z.object({
      key: z.string().nullable(),
      name: z.string().nullable(),
      points: z.array(z.object({ date: z.string(), score: z.number().nullable() })),
      latest: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
});
export type TrendResponse = z.infer<typeof trendResponseSchema>;
