import { z } from 'zod';
import { themeIdSchema } from '../frameworks/frameworks.schema.js';

/** Shared with the web app: request and response shapes of compliance assessments. */

export const ASSESSMENT_STATUSES = ['in_progress', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** What a requirement was found to be; a requirement never given one is unassessed. */
export const REQUIREMENT_STATUSES = ['met', 'partial', 'not_met', 'not_applicable'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---- links ----

/** A web page that shows the requirement is met (a policy, a procedure, a report). */
export const urlEvidenceSchema = z.strictObject({
  kind: z.literal('url'),
  url: z.url({ protocol: /^https?$/, error: 'a web address starting with http:// or https://' }).max(2000),
  title: z.string().trim().min(1).max(300),
});
/** A file of the file store, by content hash (accepted once the file store is wired in). */
export const fileEvidenceSchema = z.strictObject({
  kind: z.literal('file'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hexadecimal digits'),
  name: z.string().trim().min(1).max(300),
});
export const evidenceLinkSchema = z.discriminatedUnion('kind', [urlEvidenceSchema, fileEvidenceSchema]);
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const MAX_LINKS = 50;
const riskId = z.string().trim().min(1).max(100);

// ---- assessments ----

export const assessmentSchema = z.object({
  id: z.string(),
  framework_id: z.string(),
  framework_title: z.string(),
  /** null: the whole organisation. */
  office_id: z.string().nullable(),
  office_code: z.string().nullable(),
  office_name: z.string().nullable(),
  title: z.string(),
  owner_id: z.string().nullable(),
  owner_name: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentCreateSchema = z.strictObject({
  framework_id: z.string().trim().min(1).max(100),
  /** An office or HQ department; null or left out for the whole organisation. */
  office_id: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(200),
  owner_id: z.uuid().nullable().optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
});
export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;

/** The framework stays: the requirements were assessed against it. Fields left out keep their value. */
export const assessmentUpdateSchema = z.strictObject({
  office_id: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(200).optional(),
  owner_id: z.uuid().nullable().optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  version: z.number().int().positive(),
});
export type AssessmentUpdate = z.infer<typeof assessmentUpdateSchema>;

/** `office_id=none` lists organisation-wide assessments only. */
export const ORGANISATION = 'none';
export const assessmentListQuerySchema = z.object({
  framework_id: z.string().optional(),
  office_id: z.union([z.uuid(), z.literal(ORGANISATION)]).optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuerySchema>;

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().positive() });

// ---- requirements ----

/** A requirement of the framework with what the assessment found (status null: unassessed). */
export const assessedRequirementSchema = z.object({
  requirement_id: z.string(),
  parent: z.string().nullable(),
  /** Headings that only structure the framework: never assessed. */
  group: z.boolean(),
  reference: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  themes: z.array(themeIdSchema),
  status: z.enum(REQUIREMENT_STATUSES).nullable(),
  not_applicable_reason: z.string().nullable(),
  notes: z.string().nullable(),
  evidence: z.array(evidenceLinkSchema),
  risk_ids: z.array(z.string()),
  assessed_by: z.string().nullable(),
  assessed_at: z.string().nullable(),
  /** 0 while unassessed (send 0 to assess it the first time). */
  version: z.number().int(),
});
export type AssessedRequirement = z.infer<typeof assessedRequirementSchema>;

/**
 * A requirement's assessment. Fields left out keep their value (the status is required the first
 * time); a reason is required exactly when the status is not_applicable; evidence and risk_ids, when
 * sent, replace the lists.
 */
export const requirementUpdateSchema = z.strictObject({
  status: z.enum(REQUIREMENT_STATUSES).optional(),
  not_applicable_reason: optionalText(2000),
  notes: optionalText(5000),
  evidence: z.array(evidenceLinkSchema).max(MAX_LINKS).optional(),
  risk_ids: z.array(riskId).max(MAX_LINKS).optional(),
  version: z.number().int().min(0),
});
export type RequirementUpdate = z.infer<typeof requirementUpdateSchema>;

// ---- progress ----

const countsShape = {
  /** Requirements (never headings) counted. */
  total: z.number().int(),
  met: z.number().int(),
  partial: z.number().int(),
  not_met: z.number().int(),
  not_applicable: z.number().int(),
  unassessed: z.number().int(),
  /** (met + partial / 2) / (met + partial + not met), 0–100 with one decimal; null when none of those. */
  score: z.number().nullable(),
  /** Share of the requirements given a status (not applicable included), 0–100 with one decimal. */
  assessed_percent: z.number(),
};
export const progressCountsSchema = z.object(countsShape);
export type ProgressCounts = z.infer<typeof progressCountsSchema>;

export const assessmentProgressSchema = z.object({
  assessment_id: z.string(),
  framework_id: z.string(),
  overall: progressCountsSchema,
  /** Every theme of the library in its fixed order; total 0 for a theme the framework does not address. */
  by_theme: z.array(progressCountsSchema.extend({ theme: themeIdSchema, label: z.string() })),
});
export type AssessmentProgress = z.infer<typeof assessmentProgressSchema>;

export const assessmentDetailSchema = assessmentSchema.extend({
  requirements: z.array(assessedRequirementSchema),
  progress: assessmentProgressSchema,
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const assessmentListItemSchema = assessmentSchema.extend({ progress: progressCountsSchema });
export type AssessmentListItem = z.infer<typeof assessmentListItemSchema>;
