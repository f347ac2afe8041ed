import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import {
  deleteQuerySchema,
  officeCreateSchema,
  officeListQuerySchema,
  officeSchema,
  officeUpdateSchema,
} from './org.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['organisation'];

export const officeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const offices = services.offices;

  app.get(
    '/api/offices',
    {
      schema: {
        tags,
        summary: 'List offices in your scope (search with q, page with limit and cursor)',
        querystring: officeListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(officeSchema) },
      },
    },
    async (request) => offices.list(requestContext(request), request.query),
  );
  app.post(
    '/api/offices',
    {
      schema: {
        tags,
        summary: 'Create an office',
        body: officeCreateSchema,
        response: { 201: officeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await offices.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/offices/:id',
    { schema: { tags, summary: 'Get an office', params: idParams, response: { 200: officeSchema } } },
    async (request) => offices.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: 'Change an office (send the version you read)',
        params: idParams,
        body: officeUpdateSchema,
        response: { 200: officeSchema },
      },
    },
    async (request) => offices.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: 'Delete an office without departments or people',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await offices.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
