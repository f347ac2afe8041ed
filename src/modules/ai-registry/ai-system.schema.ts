import { z } from 'zod';
import { isCountryCode } from '../org/countries.js';
import { isLanguageCode } from './languages.js';
import { AI_ACT_ROLES } from './ai-act.ids.js';
import { answersSchema, classificationSchema, TIERS } from './ai-act.schema.js';

/** Shared with the web app: request and response shapes of the AI systems register. */

export const DEPLOYMENTS = ['saas', 'self_hosted', 'embedded'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export const LIFECYCLES = ['idea', 'pilot', 'production', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const AFFECTED_PEOPLE = ['migrants_beneficiaries', 'staff', 'partners', 'public'] as const;
export type AffectedPeople = (typeof AFFECTED_PEOPLE)[number];

/** Approval for use; the AI usage monitoring reads it through usage_app_ids. */
export const APPROVAL_STATUSES = [
  'approved',
  'approved_with_conditions',
  'unapproved',
  'under_review',
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const CLASSIFICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'verified',
  'changes_requested',
] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];

/**
 * The fields the public register may show, each published only when the system's `public_fields`
 * names it. The name is always shown (a register entry needs one), so it is not in the list.
 */
export const PUBLISHABLE_FIELDS = [
  'public_description',
  'purpose',
  'office_id',
  'department_id',
  'business_owner_id',
  'technical_owner_id',
  'provider',
  'contract',
  'models',
  'deployment',
  'lifecycle',
  'users',
  'affected_people',
  'decisions_informed',
  'human_oversight',
  'personal_data',
  'approval_status',
  'dpia_done',
  'dpia_reference',
  'data_asset_ids',
  'languages',
  'countries',
  'alternatives_considered',
  'risks_and_mitigations',
  'tier',
  'next_review_date',
] as const;
export type PublishableField = (typeof PUBLISHABLE_FIELDS)[number];

/** Public unless changed: what the system does and where; never people, contracts or internal links. */
export const DEFAULT_PUBLIC_FIELDS: readonly PublishableField[] = [
  'public_description',
  'purpose',
  'office_id',
  'department_id',
  'provider',
  'models',
  'deployment',
  'lifecycle',
  'affected_people',
  'decisions_informed',
  'human_oversight',
  'dpia_done',
  'languages',
  'countries',
  'tier',
  'next_review_date',
];

const trimmed = (max: number) => z.string().trim().min(1).max(max);
/** Free text that may be cleared: null or '' store nothing. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const versioned = { version: z.number().int().positive() };

export const modelSchema = z.strictObject({
  name: trimmed(200),
  provider: z.string().trim().max(200).nullable().default(null),
  general_purpose: z.boolean().default(false),
});
export type AiModel = z.infer<typeof modelSchema>;

/** Ids of the AI usage catalogue (data/ai-apps/catalogue.yaml): lower-case words joined by hyphens. */
export const usageAppIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an app id of the AI usage catalogue, such as chatgpt');

/** ISO 639-1 language codes (en, fr, es, ar); any case is accepted, stored lower case. */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, {
    error: (issue) => `"${String(issue.input)}" is not an ISO 639-1 language code, such as en, fr, es or ar`,
  });

/** ISO 3166-1 alpha-2 country codes (KE, SN); any case is accepted, stored upper case. */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, {
    error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code, such as KE or SN`,
  });

/** An app of the AI usage catalogue, as the AI system form offers it. */
export const usageAppChoiceSchema = z.object({ id: z.string(), name: z.string() });
export type UsageAppChoice = z.infer<typeof usageAppChoiceSchema>;

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items.map((i) => JSON.stringify(i))).size === items.length, 'name each once');

export const aiSystemSchema = z.object({
  id: z.string(),
  name: z.string(),
  public_description: z.string().nullable(),
  purpose: z.string().nullable(),
  office_id: z.string(),
  department_id: z.string().nullable(),
  business_owner_id: z.string().nullable(),
  technical_owner_id: z.string().nullable(),
  provider: z.string().nullable(),
  contract: z.string().nullable(),
  models: z.array(
    z.object({ name: z.string(), provider: z.string().nullable(), general_purpose: z.boolean() }),
  ),
  deployment: z.enum(DEPLOYMENTS).nullable(),
  lifecycle: z.enum(LIFECYCLES),
  users: z.string().nullable(),
  affected_people: z.array(z.enum(AFFECTED_PEOPLE)),
  decisions_informed: z.string().nullable(),
  human_oversight: z.string().nullable(),
  personal_data: z.boolean(),
  approval_status: z.enum(APPROVAL_STATUSES),
  approval_conditions: z.string().nullable(),
  dpia_done: z.boolean(),
  dpia_reference: z.string().nullable(),
  usage_app_ids: z.array(z.string()),
  data_asset_ids: z.array(z.string()),
  /** ISO 639-1 codes of the languages it works in. */
  languages: z.array(z.string()),
  /** ISO 3166-1 alpha-2 codes of the countries where it is used. */
  countries: z.array(z.string()),
  alternatives_considered: z.string().nullable(),
  risks_and_mitigations: z.string().nullable(),
  public: z.boolean(),
  /** The fields the public register shows for this system (besides its name), in PUBLISHABLE_FIELDS order. */
  public_fields: z.array(z.enum(PUBLISHABLE_FIELDS)),
  /** The tier of the last verified classification; null until one is verified. */
  tier: z.enum(TIERS).nullable(),
  /** When the classification is due for review (set by verification); null until verified. */
  next_review_date: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AiSystem = z.infer<typeof aiSystemSchema>;

const aiSystemFields = {
  name: trimmed(300),
  public_description: optionalText(2000),
  purpose: optionalText(5000),
  office_id: z.string().uuid(),
  department_id: z.string().uuid().nullable().optional(),
  business_owner_id: z.string().uuid().nullable().optional(),
  technical_owner_id: z.string().uuid().nullable().optional(),
  provider: optionalText(300),
  contract: optionalText(1000),
  models: uniqueList(modelSchema, 20).optional(),
  deployment: z.enum(DEPLOYMENTS).nullable().optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  users: optionalText(2000),
  affected_people: uniqueList(z.enum(AFFECTED_PEOPLE), AFFECTED_PEOPLE.length).optional(),
  decisions_informed: optionalText(5000),
  human_oversight: optionalText(5000),
  personal_data: z.boolean().optional(),
  approval_status: z.enum(APPROVAL_STATUSES).optional(),
  approval_conditions: optionalText(5000),
  dpia_done: z.boolean().optional(),
  dpia_reference: optionalText(500),
  usage_app_ids: uniqueList(usageAppIdSchema, 50).optional(),
  data_asset_ids: uniqueList(z.string().uuid(), 200).optional(),
  languages: uniqueList(languageCodeSchema, 50).optional(),
  countries: uniqueList(countryCodeSchema, 250).optional(),
  alternatives_considered: optionalText(5000),
  risks_and_mitigations: optionalText(5000),
  public: z.boolean().optional(),
  /** Which fields the public register shows (the name always); DEFAULT_PUBLIC_FIELDS when not given. */
  public_fields: uniqueList(z.enum(PUBLISHABLE_FIELDS), PUBLISHABLE_FIELDS.length).optional(),
};

/** A new AI system: lifecycle defaults to idea, approval to under_review. */
export const aiSystemCreateSchema = z.strictObject(aiSystemFields);
export const aiSystemUpdateSchema = aiSystemCreateSchema.partial().extend(versioned);
export type AiSystemCreate = z.infer<typeof aiSystemCreateSchema>;
export type AiSystemUpdate = z.infer<typeof aiSystemUpdateSchema>;

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const aiSystemListQuerySchema = z.object({
  /** Words found in the name, public description, purpose or provider (case and accents ignored). */
  q: z.string().max(200).optional(),
  tier: z.enum([...TIERS, 'unclassified']).optional(),
  approval_status: z.enum(APPROVAL_STATUSES).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  office_id: z.string().uuid().optional(),
  /** true: only systems whose review date has been reached (retired systems excepted). */
  review_overdue: flag.optional(),
  /** true: only high-risk systems without a DPIA. */
  no_dpia: flag.optional(),
  /** name or updated_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type AiSystemListQuery = z.infer<typeof aiSystemListQuerySchema>;

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().positive() });

// Classifications

export const aiClassificationSchema = z.object({
  id: z.string(),
  ai_system_id: z.string(),
  number: z.number().int(),
  role: z.enum(AI_ACT_ROLES),
  answers: z.record(z.string(), z.boolean()),
  result: classificationSchema,
  tier: z.enum(TIERS),
  derogation_justification: z.string().nullable(),
  status: z.enum(CLASSIFICATION_STATUSES),
  submitted_by: z.string().nullable(),
  submitted_at: z.string().nullable(),
  reviewed_by: z.string().nullable(),
  reviewed_at: z.string().nullable(),
  review_comments: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AiClassification = z.infer<typeof aiClassificationSchema>;

export const classificationDraftSchema = z.strictObject({
  role: z.enum(AI_ACT_ROLES),
  answers: answersSchema,
  /** Required before submitting when the answers lead to an Art. 6(3) derogation. */
  derogation_justification: optionalText(5000),
});
export type ClassificationDraft = z.infer<typeof classificationDraftSchema>;

export const classificationUpdateSchema = classificationDraftSchema.partial().extend(versioned);
export type ClassificationUpdate = z.infer<typeof classificationUpdateSchema>;

export const workflowStepSchema = z.strictObject(versioned);
export const requestChangesSchema = z.strictObject({ ...versioned, comments: trimmed(5000) });
export const verifySchema = z.strictObject({ ...versioned, comments: optionalText(5000) });
export type RequestChanges = z.infer<typeof requestChangesSchema>;
export type Verify = z.infer<typeof verifySchema>;

// Dashboard

const counts = z.record(z.string(), z.number().int());
/** The longest lists the dashboard returns (their counts are always complete). */
export const SUMMARY_LIST_LIMIT = 200;
export const aiSystemSummarySchema = z.object({
  total: z.number().int(),
  /** By tier of the last verified classification; `unclassified` when none is verified. */
  by_tier: counts,
  /** By status of the latest classification; `none` when there is none. */
  by_classification_status: counts,
  by_approval_status: counts,
  by_lifecycle: counts,
  by_office: z.array(
    z.object({ office_id: z.string(), name: z.string().nullable(), count: z.number().int() }),
  ),
  /** By department within its office; department_id null for the systems of an office without one. */
  by_department: z.array(
    z.object({
      office_id: z.string(),
      department_id: z.string().nullable(),
      name: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
  review_overdue: z.number().int(),
  high_risk_without_dpia: z.number().int(),
  /** Systems whose review date has been reached, the longest overdue first (at most SUMMARY_LIST_LIMIT). */
  overdue_reviews: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      office_id: z.string(),
      tier: z.enum(TIERS).nullable(),
      next_review_date: z.string(),
      /** The business owner, else the technical owner: who the review action goes to. */
      owner_name: z.string().nullable(),
    }),
  ),
  /** High-risk systems without a DPIA, or whose DPIA has no reference or link (at most SUMMARY_LIST_LIMIT). */
  high_risk_without_assessment: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      office_id: z.string(),
      dpia_done: z.boolean(),
      dpia_reference: z.string().nullable(),
    }),
  ),
});
export type AiSystemSummary = z.infer<typeof aiSystemSummarySchema>;
