import { z } from 'zod';

/** Shared with the web app: background jobs (scans today, imports later) and their progress. */

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job that will not change any more. */
export const FINISHED_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export const jobSchema = z.object({
  id: z.string(),
  /** What the job does, e.g. "scan"; each kind has one handler. */
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({
    done: z.number().int(),
    /** Null while the total is unknown. */
    total: z.number().int().nullable(),
    message: z.string().nullable(),
  }),
  /** What the handler returned (JSON owned by the kind); null until it finishes. */
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  /** Asked to stop while running; the status turns to cancelled when the handler has stopped. */
  cancel_requested: z.boolean(),
  created_by: z.string().nullable(),
  created_by_label: z.string(),
  office_id: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListQuerySchema = z.strictObject({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.string().max(60).optional(),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;
