import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.js';
import { SPREADSHEET_CONTENT_TYPES } from '../../core/tabular/spreadsheet-file.js';
import { requestContext } from '../../http/auth.js';
import {
  download,
  queryOnly,
  registerUploads,
  sendFile,
  uploadBody,
  withUploadedFile,
} from '../../http/spreadsheet-transfer.js';
import {
  importReportSchema,
  orgExportQuerySchema,
  orgImportQuerySchema,
  orgTemplateQuerySchema,
} from './org-import.schema.js';

const tags = ['organisation'];

/**
 * Spreadsheet import and export of people and offices. Multipart uploads are accepted by these
 * routes only: the parser is registered inside this plugin, with the upload limits.
 */
export const orgImportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const limit = services.config.uploadLimitBytes;
  await registerUploads(app, limit);

  app.post(
    '/api/org/import',
    {
      schema: {
        tags,
        summary:
          'Import people or offices from an XLSX or CSV file (multipart, part "file"); dry_run=true checks and writes nothing',
        description:
          'Every row is checked first; with any problem nothing is written (422 import_invalid, details.issues by row and column). ' +
          'Rows are matched by e-mail (people) or code (offices): known ones are updated, new ones created, identical ones left alone.',
        consumes: ['multipart/form-data'],
        querystring: orgImportQuerySchema,
        body: uploadBody,
        response: { 200: importReportSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request) =>
      withUploadedFile(request, limit, (bytes) =>
        services.orgImport.import(requestContext(request), request.query.kind, bytes, {
          dryRun: request.query.dry_run,
          limits: { maxBytes: limit },
        }),
      ),
  );

  app.get(
    '/api/org/template',
    {
      schema: {
        tags,
        summary:
          'Download the XLSX template to import people or offices (drop-downs and instructions included)',
        querystring: orgTemplateQuerySchema,
        response: { 200: download('The template workbook', [SPREADSHEET_CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) =>
      sendFile(reply, await services.orgImport.template(requestContext(request), request.query.kind)),
  );

  app.get(
    '/api/org/export',
    {
      schema: {
        tags,
        summary: 'Download the people or offices in your scope, in the layout the import reads',
        querystring: orgExportQuerySchema,
        response: {
          200: download('The records as XLSX or CSV', Object.values(SPREADSHEET_CONTENT_TYPES)),
        },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await services.orgImport.export(requestContext(request), request.query.kind, request.query.format),
      ),
  );
};
