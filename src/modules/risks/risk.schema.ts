import { z } from 'zod';
import { RISK_LEVELS } from './risk-scoring.js';

/** Shared with the web app: request and response shapes of the risk register. */

export const RISK_CATEGORIES = [
  'data_protection',
  'ai',
  'information_security',
  'compliance',
  'operational',
  'reputational',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export type Treatment = (typeof TREATMENTS)[number];

/** `accepted` is reached only through a sign-off (POST …/accept), never by an edit. */
export const RISK_STATUSES = ['open', 'in_treatment', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const TREATMENT_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type TreatmentStatus = (typeof TREATMENT_STATUSES)[number];

export const LINK_KINDS = ['asset', 'ai_system', 'usage_app', 'office'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const versioned = { version: z.number().int().positive() };
const isoDate = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const scale = z.number().int().min(1).max(5);

/** Ids of the AI usage catalogue (data/ai-apps/catalogue.yaml), as AI systems name them. */
const usageAppIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an app id of the AI usage catalogue, such as chatgpt');

const uniqueIds = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'name each once');

export const riskLinksSchema = z.object({
  asset_ids: z.array(z.string()),
  ai_system_ids: z.array(z.string()),
  usage_app_ids: z.array(z.string()),
  office_ids: z.array(z.string()),
});
export type RiskLinks = z.infer<typeof riskLinksSchema>;

export const treatmentSchema = z.object({
  id: z.string(),
  risk_id: z.string(),
  description: z.string(),
  owner_person_id: z.string().nullable(),
  due_date: z.string(),
  status: z.enum(TREATMENT_STATUSES),
  /** Not done and due before today. */
  overdue: z.boolean(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type RiskTreatment = z.infer<typeof treatmentSchema>;

export const acceptanceSchema = z.object({
  id: z.string(),
  risk_id: z.string(),
  signed_by: z.string(),
  signer_person_id: z.string().nullable(),
  justification: z.string(),
  expires_on: z.string(),
  signed_at: z.string(),
});
export type RiskAcceptance = z.infer<typeof acceptanceSchema>;

export const riskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.enum(RISK_CATEGORIES),
  cause: z.string().nullable(),
  consequence: z.string().nullable(),
  office_id: z.string(),
  department_id: z.string().nullable(),
  owner_person_id: z.string().nullable(),
  proposer_person_id: z.string().nullable(),
  /** Who recorded it (a user's e-mail, or cli): they may not sign its acceptance. */
  proposed_by: z.string(),
  inherent_likelihood: z.number().int(),
  inherent_impact: z.number().int(),
  inherent_score: z.number().int(),
  inherent_level: z.enum(RISK_LEVELS),
  existing_controls: z.string().nullable(),
  residual_likelihood: z.number().int().nullable(),
  residual_impact: z.number().int().nullable(),
  residual_score: z.number().int().nullable(),
  residual_level: z.enum(RISK_LEVELS).nullable(),
  /** The residual level once rated, else the inherent one. */
  level: z.enum(RISK_LEVELS),
  treatment: z.enum(TREATMENTS).nullable(),
  status: z.enum(RISK_STATUSES),
  next_review_date: z.string().nullable(),
  /** Expiry of the sign-off in force (accepted risks only). */
  acceptance_expires_on: z.string().nullable(),
  /** Review date reached, or the acceptance expired. */
  needs_review: z.boolean(),
  source: z.string().nullable(),
  ...riskLinksSchema.shape,
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Risk = z.infer<typeof riskSchema>;

/** A risk with its treatments and sign-offs (the detail page, `custos risk show`). */
export const riskDetailSchema = riskSchema.extend({
  treatments: z.array(treatmentSchema),
  acceptances: z.array(acceptanceSchema),
});
export type RiskDetail = z.infer<typeof riskDetailSchema>;

const linkFields = {
  asset_ids: uniqueIds(z.string().uuid(), 200).optional(),
  ai_system_ids: uniqueIds(z.string().uuid(), 100).optional(),
  usage_app_ids: uniqueIds(usageAppIdSchema, 50).optional(),
  office_ids: uniqueIds(z.string().uuid(), 100).optional(),
};

const riskFields = {
  title: trimmed(300),
  description: optionalText(5000),
  category: z.enum(RISK_CATEGORIES),
  cause: optionalText(5000),
  consequence: optionalText(5000),
  office_id: z.string().uuid(),
  department_id: z.string().uuid().nullable().optional(),
  owner_person_id: z.string().uuid().nullable().optional(),
  /** Defaults to the caller's own person. */
  proposer_person_id: z.string().uuid().nullable().optional(),
  inherent_likelihood: scale,
  inherent_impact: scale,
  existing_controls: optionalText(5000),
  residual_likelihood: scale.nullable().optional(),
  residual_impact: scale.nullable().optional(),
  treatment: z.enum(TREATMENTS).nullable().optional(),
  status: z.enum(RISK_STATUSES).exclude(['accepted']).optional(),
  next_review_date: isoDate.nullable().optional(),
  ...linkFields,
};

export const riskCreateSchema = z.strictObject(riskFields);
export const riskUpdateSchema = riskCreateSchema.partial().extend(versioned);
export type RiskCreate = z.infer<typeof riskCreateSchema>;
export type RiskUpdate = z.infer<typeof riskUpdateSchema>;

/** What another module sends to raise a risk from a finding (an assessment, a scan). */
export interface RiskFinding {
  title: string;
  description?: string | null;
  category: RiskCategory;
  office_id: string;
  likelihood?: number;
  impact?: number;
  links?: Partial<RiskLinks>;
  /** Where it came from, e.g. `assessment:<id>`; shown on the risk. */
  source: string;
}

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const riskListQuerySchema = z.object({
  /** Words found in the title, description, cause or consequence (case and accents ignored). */
  q: z.string().max(200).optional(),
  category: z.enum(RISK_CATEGORIES).optional(),
  office_id: z.string().uuid().optional(),
  region_id: z.string().uuid().optional(),
  status: z.enum(RISK_STATUSES).optional(),
  owner_person_id: z.string().uuid().optional(),
  /** The current level (residual once rated, else inherent). */
  level: z.enum(RISK_LEVELS).optional(),
  /** true: review date reached, acceptance expired, or a treatment past due. */
  overdue: flag.optional(),
  /** title or updated_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type RiskListQuery = z.infer<typeof riskListQuerySchema>;

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const treatmentCreateSchema = z.strictObject({
  description: trimmed(2000),
  owner_person_id: z.string().uuid().nullable().optional(),
  due_date: isoDate,
  status: z.enum(TREATMENT_STATUSES).optional(),
});
export const treatmentUpdateSchema = treatmentCreateSchema.partial().extend(versioned);
export type TreatmentCreate = z.infer<typeof treatmentCreateSchema>;
export type TreatmentUpdate = z.infer<typeof treatmentUpdateSchema>;

export const acceptSchema = z.strictObject({
  ...versioned,
  justification: trimmed(5000),
  expires_on: isoDate,
});
export type AcceptRisk = z.infer<typeof acceptSchema>;

// Summary

const grid = z.array(z.array(z.number().int()));
const counts = z.record(z.string(), z.number().int());
export const riskSummarySchema = z.object({
  total: z.number().int(),
  /** 5×5 counts: [likelihood - 1][impact - 1]; closed risks left out. */
  heat_map: z.object({ inherent: grid, residual: grid }),
  by_level: counts,
  by_status: counts,
  by_category: counts,
  by_office: z.array(z.object({ office_id: z.string(), count: z.number().int() })),
  overdue_treatments: z.array(treatmentSchema.extend({ risk_title: z.string(), office_id: z.string() })),
  overdue_reviews: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      office_id: z.string(),
      level: z.enum(RISK_LEVELS),
      next_review_date: z.string().nullable(),
      acceptance_expires_on: z.string().nullable(),
    }),
  ),
});
export type RiskSummary = z.infer<typeof riskSummarySchema>;
