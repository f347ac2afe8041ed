import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import {
  assetCreateSchema,
  assetListQuerySchema,
  assetSchema,
  assetUpdateSchema,
  deleteQuerySchema,
  pushOwnershipResultSchema,
  pushOwnershipSchema,
} from './asset.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['inventory'];

export const assetRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const assets = services.assets;

  app.get(
    '/api/assets',
    {
      schema: {
        tags,
        summary:
          'List data assets in your scope: full-text search with q (name, description, tags, system name), filters, page with limit and cursor',
        querystring: assetListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(assetSchema) },
      },
    },
    async (request) => assets.list(requestContext(request), request.query),
  );
  app.post(
    '/api/assets',
    {
      schema: {
        tags,
        summary: 'Add a data asset (under a system, owner fields left out are taken from the system)',
        body: assetCreateSchema,
        response: { 201: assetSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assets.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/assets/:id',
    { schema: { tags, summary: 'Get a data asset', params: idParams, response: { 200: assetSchema } } },
    async (request) => assets.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/assets/:id',
    {
      schema: {
        tags,
        summary: 'Change a data asset (send the version you read)',
        params: idParams,
        body: assetUpdateSchema,
        response: { 200: assetSchema },
      },
    },
    async (request) => assets.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/assets/:id',
    {
      schema: {
        tags,
        summary: 'Delete a data asset (a system only once it holds no assets)',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await assets.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/assets/:id/push-ownership',
    {
      schema: {
        tags,
        summary:
          "Push a system's owner fields to the assets it holds (only_empty: fill empty fields; overwrite: replace)",
        params: idParams,
        body: pushOwnershipSchema,
        response: { 200: pushOwnershipResultSchema },
      },
    },
    async (request) => assets.pushOwnership(requestContext(request), request.params.id, request.body),
  );
};
