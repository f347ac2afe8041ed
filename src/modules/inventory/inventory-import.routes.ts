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
import { DCAT_CONTENT_TYPE } from './inventory-dcat.js';
import { inventoryImportQuerySchema, inventoryImportReportSchema } from './inventory-import.schema.js';

const tags = ['inventory'];

/**
 * The inventory as spreadsheets (template, import, export) and as a public DCAT catalogue. Multipart
 * uploads are accepted by these routes only: the parser is registered inside this plugin.
 */
export const inventoryImportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const limit = services.config.uploadLimitBytes;
  await registerUploads(app, limit);

  app.post(
    '/api/assets/import',
    {
      schema: {
        tags,
        summary:
          'Import data assets from an XLSX or CSV file (multipart, part "file"); dry_run=true checks and writes nothing',
        description:
          'Every row is checked first; with any problem nothing is written (422 import_invalid, details.issues by row and column). ' +
          'Rows with an asset_id update that asset, others add one; rows equal to the stored asset are left alone.',
        consumes: ['multipart/form-data'],
        querystring: inventoryImportQuerySchema,
        body: uploadBody,
        response: { 200: inventoryImportReportSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request) =>
      withUploadedFile(request, limit, (bytes) =>
        services.inventoryImport.import(requestContext(request), bytes, {
          dryRun: request.query.dry_run,
          limits: { maxBytes: limit },
        }),
      ),
  );

  app.get(
    '/api/assets/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Download the XLSX template to import data assets (drop-downs and instructions included)',
        response: { 200: download('The template workbook', [SPREADSHEET_CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) =>
      sendFile(reply, await services.inventoryImport.template(requestContext(request))),
  );

  for (const format of ['xlsx', 'csv'] as const)
    app.get(
      `/api/assets/export.${format}`,
      {
        schema: {
          tags,
          summary: `Download the data assets in your scope as ${format.toUpperCase()}, in the layout the import reads`,
          response: {
            200: download(`The assets as ${format.toUpperCase()}`, [SPREADSHEET_CONTENT_TYPES[format]]),
          },
        },
      },
      async (request, reply) =>
        sendFile(reply, await services.inventoryImport.export(requestContext(request), format)),
    );

  app.get(
    '/api/assets/dcat.jsonld',
    {
      schema: {
        tags,
        summary:
          'Download the metadata of the assets that may be public (labelled Public or Internal) as a DCAT-AP JSON-LD catalogue',
        response: { 200: download('The DCAT catalogue', [DCAT_CONTENT_TYPE]) },
      },
    },
    async (request, reply) => {
      const baseUrl = `${request.protocol}://${request.host}`;
      return sendFile(reply, await services.inventoryImport.dcat(requestContext(request), baseUrl));
    },
  );
};
