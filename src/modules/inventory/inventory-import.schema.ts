import type { z } from 'zod';
import { importReportSchema, orgImportQuerySchema } from '../org/org-import.schema.js';

/** Shared with the web app: requests and answers of the inventory's spreadsheet import and export. */

/** dry_run=true: check every row and report what would change, writing nothing. */
export const inventoryImportQuerySchema = orgImportQuerySchema.pick({ dry_run: true });

/** The report of the organisation's import, without its kind: counts and problems by row and column. */
export const inventoryImportReportSchema = importReportSchema.omit({ kind: true });
export type InventoryImportReport = z.infer<typeof inventoryImportReportSchema>;
