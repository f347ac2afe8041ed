import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { errors, isAppError } from '../../core/errors.js';
import { fileTooLarge } from '../../core/tabular/byte-source.js';
import { requestContext } from '../../http/auth.js';
import { queryOnly } from '../../http/query-only.js';
import { SPREADSHEET_CONTENT_TYPES, type SpreadsheetFile } from './org-import.export.js';
import {
  importReportSchema,
  orgExportQuerySchema,
  orgImportQuerySchema,
  orgTemplateQuerySchema,
} from './org-import.schema.js';

const tags = ['organisation'];
const FILE_PART = 'file';

const uploadBody = z.object({
  [FILE_PART]: z.file().describe('The spreadsheet: an Excel workbook (.xlsx) or a CSV file'),
});

/** A binary download, documented per content type (the stream itself is never serialised). */
function download(description: string, types: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: z.file() }])),
  };
}

/**
 * The bytes of the uploaded part. Busboy cuts a part at the size limit and only marks it
 * truncated, so the end of a cut part is turned into 413 here, before any row is trusted.
 */
async function* uploadBytes(part: MultipartFile, limit: number): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of part.file) yield chunk as Buffer;
  } catch (error) {
    throw malformed(error);
  }
  if (part.file.truncated) throw fileTooLarge(limit);
}

/**
 * The multipart parser fails with plain errors on a broken body ("Unexpected end of form"): that is
 * the client's mistake (400). Its limit errors carry their own status (413) and pass through.
 */
function malformed(error: unknown): unknown {
  const status = typeof error === 'object' && error !== null && 'statusCode' in error;
  if (isAppError(error) || status) return error;
  return errors.validation('The upload is not a complete multipart/form-data body; send the file again', [
    { path: FILE_PART, message: 'incomplete or malformed multipart body' },
  ]);
}

function sendFile(reply: FastifyReply, file: SpreadsheetFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

/**
 * Spreadsheet import and export of people and offices. Multipart uploads are accepted by these
 * routes only: the parser is registered inside this plugin, with the upload limits.
 */
export const orgImportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const limit = services.config.uploadLimitBytes;
  await app.register(multipart, {
    limits: { fileSize: limit, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 50 },
  });

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
    async (request) => {
      const ctx = requestContext(request);
      if (!request.isMultipart())
        throw errors.unsupportedMediaType(
          `Send the file as multipart/form-data, in a part named "${FILE_PART}"`,
        );
      const part = await request.file().catch((error: unknown) => {
        throw malformed(error);
      });
      if (!part || part.fieldname !== FILE_PART)
        throw errors.validation(`Send the file in a multipart part named "${FILE_PART}"`, [
          { path: FILE_PART, message: 'required' },
        ]);
      try {
        return await services.orgImport.import(ctx, request.query.kind, uploadBytes(part, limit), {
          dryRun: request.query.dry_run,
          limits: { maxBytes: limit },
        });
      } finally {
        // A refusal before the end of the file (permission, file type): let the rest of the upload drain.
        part.file.resume();
      }
    },
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
