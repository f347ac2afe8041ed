import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.js';
import { pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import { auditListEventSchema, auditListQuerySchema, auditVerifyResultSchema } from './audit.schema.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const audit = services.audit;

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Audit events in your scope, newest first',
        querystring: auditListQuerySchema,
        response: { 200: pageSchema(auditListEventSchema) },
      },
    },
    async (request) => audit.list(requestContext(request), request.query),
  );
  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Check the whole hash chain; names the first altered or missing event',
        response: { 200: auditVerifyResultSchema },
      },
    },
    async (request) => audit.verify(requestContext(request)),
  );
};
