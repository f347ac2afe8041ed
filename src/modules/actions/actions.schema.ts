import { z } from 'zod';

/** Shared with the web app: the generic actions raised by the scorecard, AI system reviews (and later other sources). */

export const ACTION_STATUSES = ['open', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where actions come from; each source owns its `code`s (the scorecard: control ids; risk: treatment ids). */
export const ACTION_SOURCES = ['scorecard', 'ai_review', 'ai_usage', 'risk', 'access'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

export const ACTION_SUBJECT_TYPES = ['asset', 'ai_system', 'ai_app', 'risk'] as const;
export type ActionSubjectType = (typeof ACTION_SUBJECT_TYPES)[number];

/** English always, French and Spanish when the source defines them (else English). */
export const localisedTitleSchema = z.object({ en: z.string(), fr: z.string(), es: z.string() });
export type LocalisedTitle = z.infer<typeof localisedTitleSchema>;

export const actionSchema = z.object({
  id: z.string(),
  source: z.string(),
  /** The dedupe key: at most one open action per key (`scorecard:<asset id>:<control>`). */
  source_key: z.string(),
  subject_type: z.string(),
  subject_id: z.string(),
  /** The subject's name (the asset's or AI system's), null when it no longer exists. */
  subject_name: z.string().nullable(),
  office_id: z.string().nullable(),
  assignee_person_id: z.string().nullable(),
  assignee_name: z.string().nullable(),
  /** What the action is about, in the source's terms (the scorecard: the control id). */
  code: z.string(),
  /** The code's title (the control's name), null when the source no longer defines it. */
  code_title: localisedTitleSchema.nullable(),
  reason_codes: z.array(z.string()),
  due_date: z.string(),
  /** Open and due before today (by the server's clock). */
  overdue: z.boolean(),
  status: z.enum(ACTION_STATUSES),
  /** Why it closed: resolved (fixed), control_removed, duplicate. */
  close_reason: z.string().nullable(),
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Action = z.infer<typeof actionSchema>;

export const actionListQuerySchema = z.strictObject({
  /** Only the signed-in user's actions (their linked person). */
  mine: z.enum(['true', 'false']).optional(),
  /** Only this person's actions (a person id). */
  assignee: z.string().uuid().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  source: z.enum(ACTION_SOURCES).optional(),
  /** Only actions of this office (an office id). */
  office: z.string().uuid().optional(),
  /** Only actions about this subject (e.g. an asset id). */
  subject: z.string().uuid().optional(),
  /** due_date (default), opened_at or updated_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;
