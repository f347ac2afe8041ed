import { z } from 'zod';

/*
 * The shipped AI app catalogue (data/ai-apps/catalogue.yaml): what each app is, the domains that
 * identify it, and the attributes its default risk rating is derived from (see risk-rule.ts).
 */

export const APP_CATEGORIES = [
  'chat_assistant',
  'coding_assistant',
  'image_generation',
  'video_generation',
  'voice_generation',
  'meeting_transcription',
  'translation',
  'writing_aid',
  'ai_search',
  'model_api',
  'model_hub',
  'agent_platform',
  'office_suite_ai',
] as const;
export type AppCategory = (typeof APP_CATEGORIES)[number];

/** English labels, as the governance report prints them (the web translates the ids). */
export const CATEGORY_LABELS: Record<AppCategory, string> = {
  chat_assistant: 'chat assistant',
  coding_assistant: 'coding assistant',
  image_generation: 'image generation',
  video_generation: 'video generation',
  voice_generation: 'voice and music generation',
  meeting_transcription: 'meeting transcription',
  translation: 'translation',
  writing_aid: 'writing aid',
  ai_search: 'AI search',
  model_api: 'model API',
  model_hub: 'model hub',
  agent_platform: 'agent platform',
  office_suite_ai: 'office suite AI',
};

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/**
 * Where the vendor processes and stores what users send by default (not where an enterprise tier
 * may offer residency). `cn` and `ru` are separate because their laws give the state broad access;
 * `global` is a multi-region cloud; `other` another named country.
 */
export const DATA_LOCATIONS = ['eu', 'uk', 'ch', 'us', 'global', 'cn', 'ru', 'other', 'unknown'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

/** `optional`: usable without signing in (anonymous use is then possible). */
export const ACCOUNT_REQUIRED = ['yes', 'optional', 'no'] as const;

/**
 * How long user content is kept by default: `none` (not kept after the request), `fixed_period`
 * (a stated period, e.g. 30 days), `until_deleted` (kept until the user deletes it),
 * `unknown` (not stated clearly).
 */
export const RETENTION = ['none', 'fixed_period', 'until_deleted', 'unknown'] as const;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const appAttributesSchema = z.strictObject({
  trains_on_inputs_by_default: z.enum(YES_NO_UNKNOWN),
  enterprise_no_training_tier: z.enum(YES_NO_UNKNOWN),
  data_location: z.enum(DATA_LOCATIONS),
  account_required: z.enum(ACCOUNT_REQUIRED),
  retention: z.enum(RETENTION),
});
export type AppAttributes = z.infer<typeof appAttributesSchema>;

export const APP_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const catalogueAppSchema = z.strictObject({
  id: z.string().regex(APP_ID_PATTERN, 'lower-case words joined by hyphens').max(64),
  name: z.string().min(1).max(120),
  vendor: z.string().min(1).max(120),
  category: z.enum(APP_CATEGORIES),
  domains: z.array(z.string().min(1).max(253)).min(1),
  attributes: appAttributesSchema,
  risk: z.enum(RISK_LEVELS),
  /** Why an attribute has the value it has, when that is not obvious. */
  note: z.string().max(500).optional(),
});
export type CatalogueApp = z.infer<typeof catalogueAppSchema>;

export const catalogueFileSchema = z.strictObject({
  version: z.number().int().positive(),
  /** The date the attributes were last reviewed against the vendors' published terms. */
  reviewed: z.iso.date(),
  apps: z.array(catalogueAppSchema).min(1),
});
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
