import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  aiClassificationSchema,
  classificationDraftSchema,
  classificationUpdateSchema,
  requestChangesSchema,
  verifySchema,
  workflowStepSchema,
} from './ai-system.schema.js';

const systemParams = z.object({ id: z.string() });
const numberParams = z.object({ id: z.string(), n: z.coerce.number().int().positive() });
const tags = ['ai-registry'];
const base = '/api/ai-systems/:id/classifications';

/** The EU AI Act classifications of an AI system and their four-eyes verification. */
export const aiClassificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const classifications = services.aiClassifications;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The classifications of an AI system, oldest first',
        params: systemParams,
        response: { 200: z.array(aiClassificationSchema) },
      },
    },
    async (request) => classifications.list(requestContext(request), request.params.id),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Start a classification as a draft (the result is computed from the answers; 409 while the latest is not verified)',
        params: systemParams,
        body: classificationDraftSchema,
        response: { 201: aiClassificationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await classifications.create(requestContext(request), request.params.id, request.body)),
  );
  app.get(
    `${base}/:n`,
    {
      schema: {
        tags,
        summary: 'Get classification number n of an AI system',
        params: numberParams,
        response: { 200: aiClassificationSchema },
      },
    },
    async (request) => classifications.get(requestContext(request), request.params.id, request.params.n),
  );
  app.patch(
    `${base}/:n`,
    {
      schema: {
        tags,
        summary:
          'Change the answers of a draft (or one with changes requested); on the verified latest one, starts the next version as a draft',
        params: numberParams,
        body: classificationUpdateSchema,
        response: { 200: aiClassificationSchema },
      },
    },
    async (request) =>
      classifications.update(requestContext(request), request.params.id, request.params.n, request.body),
  );

  const steps = [
    [
      'submit',
      'Submit for verification (an Art. 6(3) derogation needs its written justification)',
      workflowStepSchema,
    ],
    [
      'start-review',
      'Start reviewing a submitted classification (ai.verify; not your own)',
      workflowStepSchema,
    ],
  ] as const;
  for (const [step, summary, body] of steps)
    app.post(
      `${base}/:n/${step}`,
      { schema: { tags, summary, params: numberParams, body, response: { 200: aiClassificationSchema } } },
      async (request) => {
        const ctx = requestContext(request);
        const { id, n } = request.params;
        return step === 'submit'
          ? classifications.submit(ctx, id, n, request.body.version)
          : classifications.startReview(ctx, id, n, request.body.version);
      },
    );
  app.post(
    `${base}/:n/verify`,
    {
      schema: {
        tags,
        summary:
          'Verify a classification under review (ai.verify; not your own): the system takes its tier and next review date',
        params: numberParams,
        body: verifySchema,
        response: { 200: aiClassificationSchema },
      },
    },
    async (request) =>
      classifications.verify(requestContext(request), request.params.id, request.params.n, request.body),
  );
  app.post(
    `${base}/:n/request-changes`,
    {
      schema: {
        tags,
        summary: 'Send a classification back with comments (ai.verify; not your own)',
        params: numberParams,
        body: requestChangesSchema,
        response: { 200: aiClassificationSchema },
      },
    },
    async (request) =>
      classifications.requestChanges(
        requestContext(request),
        request.params.id,
        request.params.n,
        request.body,
      ),
  );
};
