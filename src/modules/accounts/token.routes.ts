import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListQuerySchema,
  apiTokenSchema,
} from './token.schema.js';

const tags = ['tokens'];

export const tokenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tokens = services.tokens;

  app.get(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: "Your API tokens (everyone's with all=true, or one user's with user_id: 'users.manage')",
        querystring: apiTokenListQuerySchema,
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => ({ items: await tokens.list(requestContext(request), request.query) }),
  );
  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; `token` is shown in this answer only',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tokens.create(requestContext(request), request.body)),
  );
  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags,
        summary: "Revoke an API token (yours, or anyone's with users.manage)",
        params: z.object({ id: z.string() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await tokens.revoke(requestContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
