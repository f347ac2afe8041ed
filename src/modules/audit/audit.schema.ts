import { z } from 'zod';
import { pageQuerySchema } from '../../core/pagination.js';

/** Shared with the web app: request and response shapes of the audit trail. */

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const term = (max: number) => z.string().trim().min(1).max(max);

export const auditListQuerySchema = z.strictObject({
  entity_type: term(100).optional(),
  entity_id: term(200).optional(),
  actor_id: term(100).optional(),
  action: term(50).optional(),
  from: instant.optional().describe('events at or after this instant (a date means its start, UTC)'),
  to: instant.optional().describe('events before this instant (a date includes that whole day, UTC)'),
  ...pageQuerySchema.shape,
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export type AuditListInput = z.input<typeof auditListQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actor_id: z.string().nullable(),
  actor_label: z.string(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  office_id: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  request_id: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** A listed event also names the people its snapshots refer to (id → name), those the caller may see. */
export const auditListEventSchema = auditEventSchema.extend({
  person_names: z
    .record(z.string(), z.string())
    .describe('names of the people the snapshots refer to by id, among those in your scope'),
});
export type AuditListEvent = z.infer<typeof auditListEventSchema>;

export const CHAIN_BREAK_REASONS = ['hash_mismatch', 'broken_link', 'head_mismatch', 'missing'] as const;
export type ChainBreakReason = (typeof CHAIN_BREAK_REASONS)[number];

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  events_checked: z.number().int(),
  first_break: z
    .object({
      /** The event where the chain breaks; null only when no event is left to name. */
      seq: z.number().int().nullable(),
      id: z.string().nullable(),
      reason: z.enum(CHAIN_BREAK_REASONS),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
