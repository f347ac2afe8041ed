import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import {
  deleteQuerySchema,
  departmentCreateSchema,
  departmentListQuerySchema,
  departmentSchema,
  departmentUpdateSchema,
} from './org.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['organisation'];

export const departmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const departments = services.departments;

  app.get(
    '/api/departments',
    {
      schema: {
        tags,
        summary: 'List departments of offices in your scope (page with limit and cursor)',
        querystring: departmentListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(departmentSchema) },
      },
    },
    async (request) => departments.list(requestContext(request), request.query),
  );
  app.post(
    '/api/departments',
    {
      schema: {
        tags,
        summary: 'Create a department in an office',
        body: departmentCreateSchema,
        response: { 201: departmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await departments.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/departments/:id',
    { schema: { tags, summary: 'Get a department', params: idParams, response: { 200: departmentSchema } } },
    async (request) => departments.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags,
        summary: 'Change a department (send the version you read)',
        params: idParams,
        body: departmentUpdateSchema,
        response: { 200: departmentSchema },
      },
    },
    async (request) => departments.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/departments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a department nobody belongs to',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await departments.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
