import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import { jobListQuerySchema, jobSchema } from './jobs.schema.js';

const tags = ['jobs'];
const params = z.object({ id: z.string() });

export const jobRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'List your background jobs (admins: everyone’s), newest first; page with limit and cursor',
        querystring: jobListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(jobSchema) },
      },
    },
    async (request) => services.jobs.list(requestContext(request), request.query),
  );
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Get a job: status, progress, result or error (poll it until it has finished)',
        params,
        response: { 200: jobSchema },
      },
    },
    async (request) => services.jobs.get(requestContext(request), request.params.id),
  );
  app.post(
    '/api/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel a job: a queued one at once, a running one stops soon (cancel_requested); 409 once finished',
        params,
        response: { 200: jobSchema },
      },
    },
    async (request) => services.jobs.cancel(requestContext(request), request.params.id),
  );
};
