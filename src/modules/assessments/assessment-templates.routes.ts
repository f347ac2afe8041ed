import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import { requestContext } from '../../http/auth.js';
import { queryOnly, registerUploads, withUploadedFile } from '../../http/spreadsheet-transfer.js';
import { assessmentTemplateSchema } from './assessment-template.js';
import { parseTemplateText, TEMPLATE_FILE_LIMIT } from './assessment-templates.data.js';
import { deleteQuerySchema, templateDetailSchema, templateSummarySchema } from './assessments.schema.js';

const idParams = z.object({ id: z.string() });
const tags = ['assessment templates'];

export const assessmentTemplateRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const templates = services.assessmentTemplates;
  await registerUploads(app, TEMPLATE_FILE_LIMIT);

  app.get(
    '/api/assessment-templates',
    {
      schema: {
        tags,
        summary: 'Assessment templates: shipped (data files) and added by admins',
        response: { 200: z.object({ items: z.array(templateSummarySchema) }) },
      },
    },
    async (request) => ({ items: await templates.list(requestContext(request)) }),
  );
  app.get(
    '/api/assessment-templates/:id',
    {
      schema: {
        tags,
        summary: 'An assessment template',
        params: idParams,
        response: { 200: templateDetailSchema },
      },
    },
    async (request) => templates.get(requestContext(request), request.params.id),
  );
  app.post(
    '/api/assessment-templates',
    {
      schema: {
        tags,
        summary: 'Add a template (admins): the template as JSON',
        body: assessmentTemplateSchema,
        response: { 201: templateDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await templates.add(requestContext(request), request.body)),
  );
  app.post(
    '/api/assessment-templates/upload',
    {
      schema: {
        tags,
        summary: 'Add a template (admins) from a YAML or JSON file (multipart part "file")',
        consumes: ['multipart/form-data'],
        body: z.object({ file: z.file().describe('The template as YAML or JSON') }),
        response: { 201: templateDetailSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const created = await withUploadedFile(request, TEMPLATE_FILE_LIMIT, async (bytes) =>
        templates.add(
          ctx,
          parseTemplateText((await collectBytes(bytes, TEMPLATE_FILE_LIMIT)).toString('utf8')),
        ),
      );
      return reply.status(201).send(created);
    },
  );
  app.delete(
    '/api/assessment-templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete an added template (assessments started from it keep their copy)',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await templates.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
