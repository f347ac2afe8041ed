import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../core/audit.js';
import type { ByteInput } from '../core/tabular/byte-source.js';
import {
  rowImportReportSchema,
  type RowImportOptions,
  type RowImportResult,
} from '../core/tabular/import-rows.js';
import { SPREADSHEET_CONTENT_TYPES, type SpreadsheetFile } from '../core/tabular/spreadsheet-file.js';
import type { SpreadsheetFormat } from '../core/tabular/sniff.js';
import { requestContext } from './auth.js';
import { download, queryOnly, sendFile, uploadBody, withUploadedFile } from './spreadsheet-transfer.js';

export const dryRunQuery = z.object({
  /** true: check every row and report what would change, writing nothing. */
  dry_run: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** A register whose rows go out and come back as spreadsheets (the service keeps the rules). */
export interface SheetRegister {
  /** Where its routes live, e.g. `/api/risks`. */
  base: string;
  tags: string[];
  /** As the summaries name the records: `risks`, `AI systems`; and one of them: `risk`, `system`. */
  plural: string;
  singular: string;
  /** The upload limit in bytes (registerUploads must have been called in the same plugin). */
  limit: number;
  exportFile(ctx: RequestContext, format: SpreadsheetFormat): Promise<SpreadsheetFile>;
  importFile(ctx: RequestContext, input: ByteInput, options: RowImportOptions): Promise<RowImportResult>;
}

/**
 * `GET <base>/export.xlsx|csv` and `POST <base>/import` (multipart, all rows or none, dry_run) for a
 * register imported row by row through its service (core/tabular/import-rows).
 */
export function sheetRoutes(fastify: FastifyInstance, register: SheetRegister): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { base, tags, plural, limit } = register;
  for (const format of ['xlsx', 'csv'] as const)
    app.get(
      `${base}/export.${format}`,
      {
        schema: {
          tags,
          summary: `Download the ${plural} in your scope as ${format.toUpperCase()}, in the layout the import reads`,
          response: { 200: download(`The ${plural}`, [SPREADSHEET_CONTENT_TYPES[format]]) },
        },
      },
      async (request, reply) => sendFile(reply, await register.exportFile(requestContext(request), format)),
    );

  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: `Import ${plural} from an XLSX or CSV file (multipart, part "file"); dry_run=true checks and writes nothing`,
        description:
          'All rows or none: with any problem nothing is written (422 import_invalid, details.issues by row and column). ' +
          `A row with an id changes that ${register.singular}; without, it adds one.`,
        consumes: ['multipart/form-data'],
        querystring: dryRunQuery,
        body: uploadBody,
        response: { 200: rowImportReportSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request) =>
      withUploadedFile(request, limit, (bytes) =>
        register.importFile(requestContext(request), bytes, {
          dryRun: request.query.dry_run,
          limits: { maxBytes: limit },
        }),
      ),
  );
}
