import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import {
  deleteQuerySchema,
  personCreateSchema,
  personListQuerySchema,
  personSchema,
  personUpdateSchema,
} from './org.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['organisation'];

export const personRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const people = services.people;

  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'List people in your scope (search name, e-mail and job title with q; page with limit and cursor)',
        querystring: personListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(personSchema) },
      },
    },
    async (request) => people.list(requestContext(request), request.query),
  );
  app.post(
    '/api/people',
    {
      schema: { tags, summary: 'Add a person', body: personCreateSchema, response: { 201: personSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await people.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, summary: 'Get a person', params: idParams, response: { 200: personSchema } } },
    async (request) => people.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person (send the version you read)',
        params: idParams,
        body: personUpdateSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => people.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Delete a person not linked to a user account',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await people.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
