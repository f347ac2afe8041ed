import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { requestContext } from '../../http/auth.js';
import {
  assetHealthSchema,
  controlsResponseSchema,
  healthQuerySchema,
  scorecardRequestSchema,
  settingsResponseSchema,
  settingsUpdateSchema,
  snapshotRequestSchema,
  snapshotResultSchema,
  trendQuerySchema,
  trendResponseSchema,
} from './scorecard-api.schema.js';
import { scorecardSchema } from './scorecard.schema.js';

const tags = ['scorecard'];

export const scorecardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { scorecard, scorecardSnapshots } = services;

  app.get(
    '/api/scorecard',
    {
      schema: {
        tags,
        summary:
          'The Data Health Scorecard of your scope by office, region, department or organisation (as_of: scoring date)',
        querystring: scorecardRequestSchema,
        response: { 200: scorecardSchema },
      },
    },
    async (request) => scorecard.scorecard(requestContext(request), request.query),
  );
  app.get(
    '/api/scorecard/controls',
    {
      schema: {
        tags,
        summary: 'The health controls (built-in and custom) with titles, weights and due days, and the bands',
        response: { 200: controlsResponseSchema },
      },
    },
    async (request) => scorecard.controls(requestContext(request)),
  );
  app.get(
    '/api/scorecard/settings',
    {
      schema: {
        tags,
        summary: 'Scorecard settings: weights, bands, due days and custom controls (admin)',
        response: { 200: settingsResponseSchema },
      },
    },
    async (request) => scorecard.getSettings(requestContext(request)),
  );
  app.put(
    '/api/scorecard/settings',
    {
      schema: {
        tags,
        summary: 'Replace the scorecard settings (send the version you read; 0 before the first save)',
        body: settingsUpdateSchema,
        response: { 200: settingsResponseSchema },
      },
    },
    async (request) => scorecard.updateSettings(requestContext(request), request.body),
  );
  app.get(
    '/api/assets/:id/health',
    {
      schema: {
        tags,
        summary: "An asset's result for each health control (PASS, FAIL, NOT_APPLICABLE) with reasons",
        params: z.object({ id: z.string() }),
        querystring: healthQuerySchema,
        response: { 200: assetHealthSchema },
      },
    },
    async (request) => scorecard.assetHealth(requestContext(request), request.params.id, request.query),
  );
  app.post(
    '/api/scorecard/snapshots',
    {
      schema: {
        tags,
        summary:
          "Take the scorecard's snapshots now for every dimension, and open or close its actions (governance officer, admin)",
        body: snapshotRequestSchema.optional(),
        response: { 201: snapshotResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await scorecardSnapshots.take(requestContext(request), request.body ?? {})),
  );
  app.get(
    '/api/scorecard/trend',
    {
      schema: {
        tags,
        summary: "Each scope's score over the snapshots, oldest first, with the latest change",
        querystring: trendQuerySchema,
        response: { 200: trendResponseSchema },
      },
    },
    async (request) => scorecard.trend(requestContext(request), request.query),
  );
};
