import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  aiReviewCheckSchema,
  aiReviewSettingsSchema,
  aiReviewSettingsUpdateSchema,
} from './ai-review.schema.js';

const tags = ['ai-registry'];

/** Reviews of the AI systems register: the months between reviews by tier, and the review check. */
export const aiReviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const reviews = services.aiReviews;

  app.get(
    '/api/ai-systems/review-settings',
    {
      schema: {
        tags,
        summary: 'Months from verification to the next review, by EU AI Act tier',
        response: { 200: aiReviewSettingsSchema },
      },
    },
    async (request) => reviews.getSettings(requestContext(request)),
  );
  app.put(
    '/api/ai-systems/review-settings',
    {
      schema: {
        tags,
        summary:
          'Change the months between reviews (admin); tiers not sent keep theirs; applies to classifications verified from now on',
        body: aiReviewSettingsUpdateSchema,
        response: { 200: aiReviewSettingsSchema },
      },
    },
    async (request) => reviews.updateSettings(requestContext(request), request.body),
  );
  app.post(
    '/api/ai-systems/reviews/check',
    {
      schema: {
        tags,
        summary:
          'Turn overdue reviews into actions for the systems’ owners and close those reviewed since (runs hourly anyway)',
        response: { 200: aiReviewCheckSchema },
      },
    },
    async (request) => reviews.check(requestContext(request)),
  );
};
