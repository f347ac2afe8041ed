import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import { deleteQuerySchema, regionCreateSchema, regionSchema, regionUpdateSchema } from './org.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['organisation'];

export const regionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const regions = services.regions;

  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        summary: 'List regions in your scope',
        response: { 200: z.object({ items: z.array(regionSchema) }) },
      },
    },
    async (request) => ({ items: await regions.list(requestContext(request)) }),
  );
  app.post(
    '/api/regions',
    {
      schema: { tags, summary: 'Create a region', body: regionCreateSchema, response: { 201: regionSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await regions.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/regions/:id',
    { schema: { tags, summary: 'Get a region', params: idParams, response: { 200: regionSchema } } },
    async (request) => regions.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/regions/:id',
    {
      schema: {
        tags,
        summary: 'Change a region (send the version you read)',
        params: idParams,
        body: regionUpdateSchema,
        response: { 200: regionSchema },
      },
    },
    async (request) => regions.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/regions/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty region',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await regions.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
