import { z } from 'zod';
import { LOG_FORMATS } from './log-event.js';

/* Inputs of the usage commands, validated once at the edge (CLI now, HTTP with `ingest`). */

export const FORMAT_CHOICES = ['auto', ...LOG_FORMATS] as const;

export const analyseInputSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1, 'give at least one log file'),
  format: z.enum(FORMAT_CHOICES).default('auto'),
  map: z.string().min(1).max(2000).optional(),
  directory: z.string().min(1).optional(),
});
export type AnalyseInput = z.infer<typeof analyseInputSchema>;
