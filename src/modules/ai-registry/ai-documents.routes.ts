import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import { requestContext } from '../../http/auth.js';
import { download, queryOnly, registerUploads, withUploadedFile } from '../../http/spreadsheet-transfer.js';
import { ALLOWED_MIME_TYPES } from '../files/file-type.js';
import { sendStoredFile } from '../files/files.routes.js';
import { aiDocumentKindSchema, aiDocumentSchema } from './ai-documents.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['ai-registry'];

/** An AI system's documents: model card, vendor terms, evaluations and others, kept with their SHA-256. */
export const aiDocumentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { aiDocuments, files } = services;
  await registerUploads(app, files.limitBytes);

  app.get(
    '/api/ai-systems/:id/documents',
    {
      schema: {
        tags,
        summary: 'List the documents of an AI system (oldest first)',
        params: idParams,
        response: { 200: z.array(aiDocumentSchema) },
      },
    },
    async (request) => aiDocuments.list(requestContext(request), request.params.id),
  );
  app.post(
    '/api/ai-systems/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Attach a document to an AI system (multipart part "file", ?kind=model_card|vendor_terms|evaluation|other): type sniffed from the content, size limited; the same content twice answers 409',
        params: idParams,
        querystring: z.object({ kind: aiDocumentKindSchema }),
        consumes: ['multipart/form-data'],
        body: z.object({ file: z.file().describe('The document') }),
        response: { 201: aiDocumentSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const { id } = request.params as { id: string };
      const { kind } = request.query as { kind: string };
      const document = await withUploadedFile(request, files.limitBytes, async (bytes, file) =>
        aiDocuments.attach(ctx, id, kind, {
          bytes: await collectBytes(bytes, files.limitBytes),
          name: file.filename || 'document',
        }),
      );
      return reply.status(201).send(document);
    },
  );
  app.get(
    '/api/ai-systems/:id/documents/:sha256',
    {
      schema: {
        tags,
        summary: 'Download a document of the AI system by its SHA-256 (always as an attachment)',
        params: z.object({ id: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 200: download('The document', ALLOWED_MIME_TYPES) },
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await aiDocuments.file(requestContext(request), request.params.id, request.params.sha256),
      ),
  );
  app.delete(
    '/api/ai-systems/:id/documents/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove a document from the AI system (the link goes; the stored bytes stay)',
        params: z.object({ id: z.string(), attachmentId: z.string() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await aiDocuments.detach(requestContext(request), request.params.id, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
};
