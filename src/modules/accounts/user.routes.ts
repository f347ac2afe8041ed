import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import {
  passwordResetSchema,
  userCreatedSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from './accounts.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const users = services.users;

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List user accounts (by e-mail; filter with q, role, disabled)',
        querystring: userListQuerySchema,
        response: { 200: pageSchema(userSchema) },
      },
    },
    async (request) => users.list(requestContext(request), request.query),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user; without a password one is generated and shown once',
        body: userCreateSchema,
        response: { 201: userCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Get a user', params: idParams, response: { 200: userSchema } } },
    async (request) => users.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change role, scope, name or disabled (send the version you read)',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => users.update(requestContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Give the user a new one-time password (shown once) and end their sessions',
        params: idParams,
        response: { 200: passwordResetSchema },
      },
    },
    async (request) => users.resetPassword(requestContext(request), request.params.id),
  );
};
