import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  answersUpdateSchema,
  assessmentCreateSchema,
  assessmentDetailSchema,
  assessmentListQuerySchema,
  assessmentSummarySchema,
  assessmentUpdateSchema,
  deleteQuerySchema,
  findingCreateSchema,
  findingSchema,
  findingUpdateSchema,
  versionBodySchema,
  versionInfoSchema,
} from './assessments.schema.js';

const idParams = z.object({ id: z.string() });
const findingParams = z.object({ id: z.string(), findingId: z.string() });
const versionParams = z.object({ id: z.string(), n: z.coerce.number().int().min(1) });
const tags = ['assessments'];

/** Assessments: start, answer, review, complete, reopen; findings; versions. Files: assessment-files.routes. */
export const assessmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { assessments, assessmentFindings: findings } = services;

  app.get(
    '/api/assessments',
    {
      schema: {
        tags,
        summary: 'Assessments of the offices in your scope, most recently changed first',
        querystring: assessmentListQuerySchema,
        response: { 200: z.object({ items: z.array(assessmentSummarySchema) }) },
      },
    },
    async (request) => ({ items: await assessments.list(requestContext(request), request.query) }),
  );
  app.post(
    '/api/assessments',
    {
      schema: {
        tags,
        summary: 'Start an assessment from a template, about an asset, an AI system or a subject in words',
        body: assessmentCreateSchema,
        response: { 201: assessmentDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assessments.create(requestContext(request), request.body)),
  );
  app.get(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'An assessment with its template, answers, evidence, findings and completed versions',
        params: idParams,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.get(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary:
          'Change the title, or send for review / back to draft (send the version you read; 409 when completed)',
        params: idParams,
        body: assessmentUpdateSchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.update(requestContext(request), request.params.id, request.body),
  );
  app.put(
    '/api/assessments/:id/answers',
    {
      schema: {
        tags,
        summary: 'Save answers (autosave): only the questions sent change; stale version or completed → 409',
        params: idParams,
        body: answersUpdateSchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.saveAnswers(requestContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/assessments/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete and lock an assessment in review, keeping this revision as a version',
        params: idParams,
        body: versionBodySchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.complete(requestContext(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/assessments/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a completed assessment as its next revision, in draft (old versions stay readable)',
        params: idParams,
        body: versionBodySchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.reopen(requestContext(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/assessments/:id/versions',
    {
      schema: {
        tags,
        summary: 'The completed revisions of an assessment',
        params: idParams,
        response: { 200: z.object({ items: z.array(versionInfoSchema) }) },
      },
    },
    async (request) => ({ items: await assessments.versions(requestContext(request), request.params.id) }),
  );
  app.get(
    '/api/assessments/:id/versions/:n',
    {
      schema: {
        tags,
        summary: 'An assessment as it was when revision n was completed',
        params: versionParams,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.getVersion(requestContext(request), request.params.id, request.params.n),
  );
  app.post(
    '/api/assessments/:id/findings',
    {
      schema: {
        tags,
        summary: 'Record a finding (severity, recommendation, optionally the question it arises from)',
        params: idParams,
        body: findingCreateSchema,
        response: { 201: findingSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await findings.add(requestContext(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/assessments/:id/findings/:findingId',
    {
      schema: {
        tags,
        summary: 'Change a finding (send the version you read)',
        params: findingParams,
        body: findingUpdateSchema,
        response: { 200: findingSchema },
      },
    },
    async (request) =>
      findings.update(requestContext(request), request.params.id, request.params.findingId, request.body),
  );
  app.delete(
    '/api/assessments/:id/findings/:findingId',
    {
      schema: {
        tags,
        summary: 'Delete a finding',
        params: findingParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await findings.remove(
        requestContext(request),
        request.params.id,
        request.params.findingId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/assessments/:id/findings/:findingId/open-risk',
    {
      schema: {
        tags,
        summary: 'Open a risk in the risk register for this finding and link it (once per finding)',
        params: findingParams,
        body: versionBodySchema,
        response: { 200: findingSchema },
      },
    },
    async (request) =>
      findings.openRisk(
        requestContext(request),
        request.params.id,
        request.params.findingId,
        request.body.version,
      ),
  );
};
