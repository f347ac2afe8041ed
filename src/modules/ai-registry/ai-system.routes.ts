import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import { sheetRoutes } from '../../http/sheet-routes.js';
import { download, registerUploads } from '../../http/spreadsheet-transfer.js';
import {
  aiSystemCreateSchema,
  aiSystemListQuerySchema,
  aiSystemSchema,
  aiSystemSummarySchema,
  aiSystemUpdateSchema,
  deleteQuerySchema,
  usageAppChoiceSchema,
} from './ai-system.schema.js';
import type { PublicFormat } from './ai-system.sheets.js';

const idParams = z.object({ id: z.string() });
const tags = ['ai-registry'];

const PUBLIC_TYPES: Record<PublicFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  html: 'text/html',
};

/** The AI systems register: CRUD, dashboard counts, spreadsheet import/export, the public register. */
export const aiSystemRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const systems = services.aiSystems;
  const limit = services.config.uploadLimitBytes;
  await registerUploads(app, limit);

  app.get(
    '/api/ai-systems',
    {
      schema: {
        tags,
        summary:
          'List AI systems in your scope: search with q, filter by tier, approval, lifecycle, office, overdue review, high-risk without DPIA; page with limit and cursor',
        querystring: aiSystemListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(aiSystemSchema) },
      },
    },
    async (request) => systems.list(requestContext(request), request.query),
  );
  app.post(
    '/api/ai-systems',
    {
      schema: {
        tags,
        summary: 'Register an AI system',
        body: aiSystemCreateSchema,
        response: { 201: aiSystemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await systems.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/ai-systems/summary',
    {
      schema: {
        tags,
        summary:
          'Dashboard counts: by tier, classification status, approval, lifecycle and office; overdue reviews; high-risk systems without a DPIA',
        response: { 200: aiSystemSummarySchema },
      },
    },
    async (request) => systems.summary(requestContext(request)),
  );

  app.get(
    '/api/ai-systems/usage-apps',
    {
      schema: {
        tags,
        summary: 'The AI usage catalogue’s apps a system may name in usage_app_ids (id and name)',
        response: { 200: z.object({ items: z.array(usageAppChoiceSchema) }) },
      },
    },
    async (request) => ({ items: systems.usageAppChoices(requestContext(request)) }),
  );

  sheetRoutes(app, {
    base: '/api/ai-systems',
    tags,
    plural: 'AI systems',
    singular: 'system',
    limit,
    exportFile: (ctx, format) => services.aiSheets.export(ctx, format),
    importFile: (ctx, input, options) => services.aiSheets.import(ctx, input, options),
  });

  for (const format of ['json', 'csv', 'html'] as const satisfies readonly PublicFormat[])
    app.get(
      `/api/ai-systems/public.${format}`,
      {
        schema: {
          tags,
          summary: `The public register as ${format.toUpperCase()}: systems marked public with a verified classification, public fields only (UK ATRS names)`,
          response: { 200: download('The public register', [PUBLIC_TYPES[format]]) },
        },
      },
      async (request, reply) => {
        const file = await services.aiSheets.publicRegister(requestContext(request), format);
        return (reply as FastifyReply)
          .header('content-type', file.contentType)
          .header('content-disposition', `inline; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );

  app.get(
    '/api/ai-systems/:id',
    { schema: { tags, summary: 'Get an AI system', params: idParams, response: { 200: aiSystemSchema } } },
    async (request) => systems.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/ai-systems/:id',
    {
      schema: {
        tags,
        summary: 'Change an AI system (send the version you read)',
        params: idParams,
        body: aiSystemUpdateSchema,
        response: { 200: aiSystemSchema },
      },
    },
    async (request) => systems.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/ai-systems/:id',
    {
      schema: {
        tags,
        summary: 'Delete an AI system and its classifications',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await systems.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
