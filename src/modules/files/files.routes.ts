import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import { download } from '../../http/spreadsheet-transfer.js';
import { ALLOWED_MIME_TYPES, downloadContentType } from './file-type.js';
import type { StoredFile } from './files.service.js';
import { sha256ParamsSchema } from './files.schema.js';

/**
 * Send a stored file so that no browser renders or runs it: always an attachment, the stored
 * (sniffed) type, no sniffing, and a sandboxing content security policy should it be opened anyway.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return reply
    .header('content-type', downloadContentType(file.type))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

export const fileRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/files/:sha256',
    {
      schema: {
        tags: ['files'],
        summary:
          'Download a stored file by its SHA-256, if you may see a record it is attached to (always as an attachment)',
        params: sha256ParamsSchema,
        response: { 200: download('The file', ALLOWED_MIME_TYPES) },
      },
    },
    async (request, reply) =>
      sendStoredFile(reply, await services.files.download(requestContext(request), request.params.sha256)),
  );
};
