import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import {
  deleteQuerySchema,
  officeRolloutListQuerySchema,
  officeRolloutSchema,
  officeRolloutUpdateSchema,
  progressQuerySchema,
  rolloutProgressSchema,
  waveCreateSchema,
  waveListQuerySchema,
  waveSchema,
  waveUpdateSchema,
} from './rollout.schema.js';

const idParams = z.object({ id: z.string() });
const officeParams = z.object({ officeId: z.string() });
const tags = ['rollout'];

export const rolloutRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const rollout = services.rollout;

  app.get(
    '/api/rollout/waves',
    {
      schema: {
        tags,
        summary: 'List roll-out waves of the regions in your scope, in wave order',
        querystring: waveListQuerySchema,
        response: { 200: z.object({ items: z.array(waveSchema) }) },
      },
    },
    async (request) => ({ items: await rollout.listWaves(requestContext(request), request.query) }),
  );
  app.post(
    '/api/rollout/waves',
    {
      schema: {
        tags,
        summary: 'Add a wave to a region',
        body: waveCreateSchema,
        response: { 201: waveSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rollout.createWave(requestContext(request), request.body)),
  );
  app.get(
    '/api/rollout/waves/:id',
    { schema: { tags, summary: 'Get a roll-out wave', params: idParams, response: { 200: waveSchema } } },
    async (request) => rollout.getWave(requestContext(request), request.params.id),
  );
  app.patch(
    '/api/rollout/waves/:id',
    {
      schema: {
        tags,
        summary: 'Change a roll-out wave (send the version you read)',
        params: idParams,
        body: waveUpdateSchema,
        response: { 200: waveSchema },
      },
    },
    async (request) => rollout.updateWave(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/rollout/waves/:id',
    {
      schema: {
        tags,
        summary: 'Delete a roll-out wave no office belongs to',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await rollout.removeWave(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/rollout/offices',
    {
      schema: {
        tags,
        summary:
          'Offices in your scope with their roll-out (status, wave, focal point, dates, overdue), by name; filters, page with limit and cursor',
        querystring: officeRolloutListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(officeRolloutSchema) },
      },
    },
    async (request) => rollout.listOffices(requestContext(request), request.query),
  );
  app.get(
    '/api/rollout/offices/:officeId',
    {
      schema: {
        tags,
        summary: "An office's roll-out",
        params: officeParams,
        response: { 200: officeRolloutSchema },
      },
    },
    async (request) => rollout.getOffice(requestContext(request), request.params.officeId),
  );
  app.patch(
    '/api/rollout/offices/:officeId',
    {
      schema: {
        tags,
        summary:
          "Change an office's roll-out (send the version you read; 0 creates its record). actual_date is required exactly when complete",
        params: officeParams,
        body: officeRolloutUpdateSchema,
        response: { 200: officeRolloutSchema },
      },
    },
    async (request) => rollout.setOffice(requestContext(request), request.params.officeId, request.body),
  );
  app.get(
    '/api/rollout/progress',
    {
      schema: {
        tags,
        summary: 'Roll-out progress per region and wave: offices by status, share complete, overdue offices',
        querystring: progressQuerySchema,
        response: { 200: rolloutProgressSchema },
      },
    },
    async (request) => rollout.progress(requestContext(request), request.query),
  );
};
