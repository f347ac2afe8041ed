import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { SPREADSHEET_CONTENT_TYPES } from '../../core/tabular/spreadsheet-file.js';
import { requestContext } from '../../http/auth.js';
import { sheetRoutes } from '../../http/sheet-routes.js';
import { download, registerUploads, sendFile } from '../../http/spreadsheet-transfer.js';
import {
  acceptSchema,
  deleteQuerySchema,
  riskCreateSchema,
  riskDetailSchema,
  riskListQuerySchema,
  riskSchema,
  riskSummarySchema,
  riskUpdateSchema,
  treatmentCreateSchema,
  treatmentSchema,
  treatmentUpdateSchema,
} from './risk.schema.js';

const idParams = z.object({ id: z.string() });
const treatmentParams = z.object({ id: z.string(), treatmentId: z.string() });
const tags = ['risks'];

/** The risk register: CRUD, treatments, acceptance sign-off, summary, spreadsheet import/export. */
export const riskRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const risks = services.risks;
  const limit = services.config.uploadLimitBytes;
  await registerUploads(app, limit);

  app.get(
    '/api/risks',
    {
      schema: {
        tags,
        summary:
          'List risks in your scope: search with q, filter by category, office, region, status, owner, level, overdue; page with limit and cursor',
        querystring: riskListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(riskSchema) },
      },
    },
    async (request) => risks.list(requestContext(request), request.query),
  );
  app.post(
    '/api/risks',
    { schema: { tags, summary: 'Record a risk', body: riskCreateSchema, response: { 201: riskSchema } } },
    async (request, reply) =>
      reply.status(201).send(await risks.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/risks/summary',
    {
      schema: {
        tags,
        summary:
          'Heat maps (5×5 inherent and residual), counts by level, status, category and office, overdue treatments and reviews',
        response: { 200: riskSummarySchema },
      },
    },
    async (request) => risks.summary(requestContext(request)),
  );
  app.get(
    '/api/risks/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Download the XLSX template to import risks (drop-downs and instructions included)',
        response: { 200: download('The template workbook', [SPREADSHEET_CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) => sendFile(reply, services.riskSheets.template(requestContext(request))),
  );
  sheetRoutes(app, {
    base: '/api/risks',
    tags,
    plural: 'risks',
    singular: 'risk',
    limit,
    exportFile: (ctx, format) => services.riskSheets.export(ctx, format),
    importFile: (ctx, input, options) => services.riskSheets.import(ctx, input, options),
  });

  app.get(
    '/api/risks/:id',
    {
      schema: {
        tags,
        summary: 'Get a risk with its treatments and sign-offs',
        params: idParams,
        response: { 200: riskDetailSchema },
      },
    },
    async (request) => risks.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/risks/:id',
    {
      schema: {
        tags,
        summary: 'Change a risk (send the version you read); status accepted comes only from a sign-off',
        params: idParams,
        body: riskUpdateSchema,
        response: { 200: riskSchema },
      },
    },
    async (request) => risks.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/risks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a risk with its treatments and sign-offs',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await risks.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/risks/:id/accept',
    {
      schema: {
        tags,
        summary:
          "Sign off the risk's acceptance: its owner or a holder of risk.accept, never whoever proposed it (four_eyes_required)",
        params: idParams,
        body: acceptSchema,
        response: { 200: riskDetailSchema },
      },
    },
    async (request) => risks.accept(requestContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/risks/:id/treatments',
    {
      schema: {
        tags,
        summary: 'Add a treatment action (owner, due date); it appears in its owner’s actions',
        params: idParams,
        body: treatmentCreateSchema,
        response: { 201: treatmentSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.riskTreatments.add(requestContext(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/risks/:id/treatments/:treatmentId',
    {
      schema: {
        tags,
        summary: 'Change a treatment action (send the version you read); done closes its action',
        params: treatmentParams,
        body: treatmentUpdateSchema,
        response: { 200: treatmentSchema },
      },
    },
    async (request) =>
      services.riskTreatments.update(
        requestContext(request),
        request.params.id,
        request.params.treatmentId,
        request.body,
      ),
  );
  app.delete(
    '/api/risks/:id/treatments/:treatmentId',
    {
      schema: {
        tags,
        summary: 'Remove a treatment action (its action closes)',
        params: treatmentParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.riskTreatments.remove(
        requestContext(request),
        request.params.id,
        request.params.treatmentId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
};
