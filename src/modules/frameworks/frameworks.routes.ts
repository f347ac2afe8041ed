import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  crosswalkQuerySchema,
  crosswalkSchema,
  frameworkDetailSchema,
  frameworkSummarySchema,
  languageSchema,
  themeViewSchema,
} from './frameworks.schema.js';

const tags = ['frameworks'];

export const frameworkRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const frameworks = services.frameworks;

  app.get(
    '/api/frameworks',
    {
      schema: {
        tags,
        summary: 'List the frameworks in the library, with their sources and dates',
        response: { 200: z.object({ items: z.array(frameworkSummarySchema) }) },
      },
    },
    async (request) => ({ items: await frameworks.list(requestContext(request)) }),
  );

  app.get(
    '/api/frameworks/themes',
    {
      schema: {
        tags,
        summary:
          'List the crosswalk themes in one language, with how many frameworks and requirements use each',
        querystring: z.strictObject({ lang: languageSchema.default('en') }),
        response: { 200: z.object({ items: z.array(themeViewSchema) }) },
      },
    },
    async (request) => ({ items: await frameworks.themes(requestContext(request), request.query.lang) }),
  );

  app.get(
    '/api/frameworks/crosswalk',
    {
      schema: {
        tags,
        summary: 'Compare frameworks theme by theme',
        description:
          'frameworks and themes are comma-separated ids (themes: all when absent). format=json answers ' +
          'with the table; xlsx, md and docx download a file. Unknown ids answer 400 naming them.',
        querystring: crosswalkQuerySchema,
        response: { 200: crosswalkSchema.or(z.instanceof(Buffer)) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const { format, ...input } = request.query;
      if (format === 'json') return frameworks.crosswalk(ctx, input);
      const file = await frameworks.exportCrosswalk(ctx, input, format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Get a framework with its requirements as a tree',
        params: z.object({ id: z.string() }),
        response: { 200: frameworkDetailSchema },
      },
    },
    async (request) => frameworks.get(requestContext(request), request.params.id),
  );
};
