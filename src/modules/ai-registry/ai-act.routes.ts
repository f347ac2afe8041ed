import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  classificationSchema,
  classifyInputSchema,
  langQuerySchema,
  questionsResponseSchema,
  suggestInputSchema,
  suggestionsSchema,
} from './ai-act.schema.js';

const tags = ['ai-act'];

export const aiActRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const aiAct = services.aiAct;

  app.get(
    '/api/ai-act/questions',
    {
      schema: {
        tags,
        summary:
          'The EU AI Act classification questions, with their stable ids, in English, French or Spanish',
        querystring: langQuerySchema,
        response: { 200: questionsResponseSchema },
      },
    },
    async (request) => aiAct.questions(requestContext(request), request.query.lang),
  );
  app.post(
    '/api/ai-act/classify',
    {
      schema: {
        tags,
        summary: 'Classify a system under the EU AI Act from yes/no answers (unanswered = no, and listed)',
        body: classifyInputSchema,
        response: { 200: classificationSchema },
      },
    },
    async (request) => aiAct.classify(requestContext(request), request.body),
  );
  app.post(
    '/api/ai-act/suggest',
    {
      schema: {
        tags,
        summary: 'Suggest answers from a description (keywords; a person must confirm each one)',
        body: suggestInputSchema,
        response: { 200: suggestionsSchema },
      },
    },
    async (request) => aiAct.suggest(requestContext(request), request.body),
  );
};
