import { z } from 'zod';
import { attachmentSchema } from '../files/files.schema.js';
import { assessmentTemplateSchema, LANGUAGES } from './assessment-template.js';

export const ASSESSMENT_STATUSES = ['draft', 'in_review', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const SUBJECT_KINDS = ['asset', 'ai_system', 'text'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const templateSummarySchema = z.object({
  id: z.string(),
  title: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  description: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  questions: z.number().int(),
  origin: z.enum(['shipped', 'custom']),
  version: z.number().int().describe('Custom templates: send it to delete; shipped templates: 0'),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateDetailSchema = z.object({
  template: assessmentTemplateSchema,
  origin: z.enum(['shipped', 'custom']),
  version: z.number().int(),
});
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

const answerValueSchema = z.union([z.string(), z.number()]);

export const findingSchema = z.object({
  id: z.string(),
  assessment_id: z.string(),
  question_id: z.string().nullable(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  recommendation: z.string().nullable(),
  risk_id: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const assessmentSummarySchema = z.object({
  id: z.string(),
  template_id: z.string(),
  template_title: z.string(),
  title: z.string(),
  subject_kind: z.enum(SUBJECT_KINDS),
  subject_id: z.string().nullable(),
  subject_text: z.string().nullable(),
  office_id: z.string(),
  office_name: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  revision: z.number().int().describe('1 until reopened; each reopening starts the next revision'),
  version: z.number().int(),
  answered: z.number().int(),
  questions: z.number().int(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  completed_by: z.string().nullable(),
  completed_at: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const versionInfoSchema = z.object({
  revision: z.number().int(),
  completed_by: z.string(),
  completed_at: z.string(),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

export const assessmentDetailSchema = assessmentSummarySchema.extend({
  template: assessmentTemplateSchema,
  answers: z.record(z.string(), answerValueSchema),
  findings: z.array(findingSchema),
  evidence: z.array(attachmentSchema),
  versions: z.array(versionInfoSchema),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const assessmentListQuerySchema = z.object({
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  office_id: z.string().optional(),
  template_id: z.string().optional(),
  subject_id: z.string().optional(),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuerySchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const assessmentCreateSchema = z
  .object({
    template_id: z.string().min(1),
    title: text(200),
    subject_kind: z.enum(SUBJECT_KINDS),
    subject_id: z
      .string()
      .min(1)
      .optional()
      .describe('The asset or AI system (subject_kind asset / ai_system)'),
    subject_text: text(500).optional().describe('What is assessed, in words (subject_kind text)'),
    office_id: z.string().min(1).optional().describe("Defaults to the asset's or AI system's office"),
  })
  .refine((v) => v.subject_kind === 'text' || v.subject_id, {
    path: ['subject_id'],
    message: 'required for an asset or AI system subject',
  })
  .refine((v) => v.subject_kind !== 'text' || v.subject_text, {
    path: ['subject_text'],
    message: 'required for a subject described in words',
  })
  .refine((v) => v.subject_kind !== 'text' || v.office_id, {
    path: ['office_id'],
    message: 'required for a subject described in words',
  });
export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;

export const assessmentUpdateSchema = z.object({
  version: z.number().int().min(1),
  title: text(200).optional(),
  status: z.enum(['draft', 'in_review']).optional().describe('Send for review, or back to draft'),
});
export type AssessmentUpdate = z.infer<typeof assessmentUpdateSchema>;

export const answersUpdateSchema = z.object({
  version: z.number().int().min(1),
  answers: z
    .record(z.string(), answerValueSchema.nullable())
    .describe('Question id → value; null clears an answer; questions left out keep theirs'),
});
export type AnswersUpdate = z.infer<typeof answersUpdateSchema>;

export const versionBodySchema = z.object({ version: z.number().int().min(1) });
export const deleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const findingCreateSchema = z.object({
  title: text(300),
  severity: z.enum(SEVERITIES),
  recommendation: z.string().trim().max(5000).optional(),
  question_id: z.string().min(1).optional(),
});
export type FindingCreate = z.infer<typeof findingCreateSchema>;

export const findingUpdateSchema = z.object({
  version: z.number().int().min(1),
  title: text(300).optional(),
  severity: z.enum(SEVERITIES).optional(),
  recommendation: z.string().trim().max(5000).optional(),
  question_id: z.string().min(1).nullable().optional(),
});
export type FindingUpdate = z.infer<typeof findingUpdateSchema>;

export const exportQuerySchema = z.object({
  lang: z.enum(LANGUAGES).default('en'),
  revision: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('A completed revision; the current state when left out'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
