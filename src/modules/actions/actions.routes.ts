import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import { actionListQuerySchema, actionSchema } from './actions.schema.js';

const tags = ['actions'];

export const actionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/actions',
    {
      schema: {
        tags,
        summary:
          'List actions in your scope (mine=true: yours; assignee: a person’s), soonest due first; page with limit and cursor',
        querystring: actionListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(actionSchema) },
      },
    },
    async (request) => services.actions.list(requestContext(request), request.query),
  );
  app.get(
    '/api/actions/:id',
    {
      schema: {
        tags,
        summary: 'Get an action',
        params: z.object({ id: z.string() }),
        response: { 200: actionSchema },
      },
    },
    async (request) => services.actions.get(requestContext(request), request.params.id),
  );
};
