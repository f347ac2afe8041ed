import { z } from 'zod';

/** Shared with the web app: the review settings of the AI systems register and the review check. */

const months = z.number().int().min(0).max(60);

/** Months from verification to the next review, by tier (0: due on the day it is verified). */
export const reviewMonthsSchema = z.strictObject({
  out_of_scope: months,
  prohibited: months,
  high: months,
  limited: months,
  minimal: months,
});
export type ReviewMonths = z.infer<typeof reviewMonthsSchema>;

export const aiReviewSettingsSchema = z.object({
  review_months: reviewMonthsSchema,
  /** 0 until an admin first saves them (the shipped defaults apply). */
  version: z.number().int(),
  updated_at: z.string().nullable(),
});
export type AiReviewSettings = z.infer<typeof aiReviewSettingsSchema>;

/** Change some tiers' months; the others keep theirs. Send the version you read (0 before the first save). */
export const aiReviewSettingsUpdateSchema = z.strictObject({
  review_months: reviewMonthsSchema.partial(),
  version: z.number().int().min(0),
});
export type AiReviewSettingsUpdate = z.infer<typeof aiReviewSettingsUpdateSchema>;

export const aiReviewCheckSchema = z.object({
  /** The day the check compared review dates with. */
  as_of: z.string(),
  /** Systems whose review date has been reached (retired systems excepted). */
  overdue: z.number().int(),
  actions: z.object({
    opened: z.number().int(),
    closed: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
});
export type AiReviewCheck = z.infer<typeof aiReviewCheckSchema>;
