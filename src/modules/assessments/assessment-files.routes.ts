import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import { requestContext } from '../../http/auth.js';
import {
  download,
  queryOnly,
  registerUploads,
  sendFile,
  withUploadedFile,
} from '../../http/spreadsheet-transfer.js';
import { ALLOWED_MIME_TYPES } from '../files/file-type.js';
import { attachmentSchema } from '../files/files.schema.js';
import { sendStoredFile } from '../files/files.routes.js';
import { exportQuerySchema } from './assessments.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['assessments'];

/** Evidence files of an assessment (upload, download, remove) and its DOCX / PDF exports. */
export const assessmentFileRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const { assessments, files } = services;
  await registerUploads(app, files.limitBytes);

  app.post(
    '/api/assessments/:id/evidence',
    {
      schema: {
        tags,
        summary:
          'Attach an evidence file to a question (multipart part "file"): type sniffed from the content (PDF, Office, OpenDocument, PNG, JPEG, CSV, text, Markdown, JSON), size limited',
        params: idParams,
        querystring: z.object({ question_id: z.string().min(1) }),
        consumes: ['multipart/form-data'],
        body: z.object({ file: z.file().describe('The evidence file') }),
        response: { 201: attachmentSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const { id } = request.params as { id: string };
      const { question_id: questionId } = request.query as { question_id: string };
      const attachment = await withUploadedFile(request, files.limitBytes, async (bytes, file) =>
        assessments.addEvidence(ctx, id, questionId, {
          bytes: await collectBytes(bytes, files.limitBytes),
          name: file.filename || 'file',
        }),
      );
      return reply.status(201).send(attachment);
    },
  );
  app.get(
    '/api/assessments/:id/evidence/:sha256',
    {
      schema: {
        tags,
        summary:
          'Download an evidence file of the assessment (current or in a completed version), as an attachment',
        params: z.object({ id: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 200: download('The evidence file', ALLOWED_MIME_TYPES) },
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await assessments.evidenceFile(requestContext(request), request.params.id, request.params.sha256),
      ),
  );
  app.delete(
    '/api/assessments/:id/evidence/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an evidence file from the assessment (completed versions keep theirs)',
        params: z.object({ id: z.string(), attachmentId: z.string() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await assessments.removeEvidence(
        requestContext(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply.status(204).send(null);
    },
  );
  for (const format of ['docx', 'pdf'] as const)
    app.get(
      `/api/assessments/:id/export.${format}`,
      {
        schema: {
          tags,
          summary: `The assessment as a ${format.toUpperCase()} report (lang en/fr/es; a completed revision with ?revision=n)`,
          params: idParams,
          querystring: exportQuerySchema,
          response: {
            200: download(
              `${format.toUpperCase()} report`,
              format === 'pdf'
                ? ['application/pdf']
                : ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
            ),
          },
        },
      },
      async (request, reply) => {
        const file = await assessments.exportReport(
          requestContext(request),
          request.params.id,
          request.query,
          format,
        );
        return sendFile(reply, { ...file, stream: Readable.from([file.content]) });
      },
    );
};
