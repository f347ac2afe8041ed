import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app/services.js';
import { newId } from '../core/ids.js';
import { departmentRoutes } from '../modules/org/department.routes.js';
import { officeRoutes } from '../modules/org/office.routes.js';
import { orgImportRoutes } from '../modules/org/org-import.routes.js';
import { personRoutes } from '../modules/org/person.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { frameworkRoutes } from '../modules/frameworks/frameworks.routes.js';
import { assetRoutes } from '../modules/inventory/asset.routes.js';
import { actionRoutes } from '../modules/actions/actions.routes.js';
import { scorecardRoutes } from '../modules/scorecard/scorecard.routes.js';
import { inventoryImportRoutes } from '../modules/inventory/inventory-import.routes.js';
import { regionRoutes } from '../modules/org/region.routes.js';
import { rolloutRoutes } from '../modules/rollout/rollout.routes.js';
import { complianceRoutes } from '../modules/compliance/compliance.routes.js';
import { tokenRoutes } from '../modules/accounts/token.routes.js';
import { userRoutes } from '../modules/accounts/user.routes.js';
import { aiActRoutes } from '../modules/ai-registry/ai-act.routes.js';
import { aiClassificationRoutes } from '../modules/ai-registry/ai-classification.routes.js';
import { aiSystemRoutes } from '../modules/ai-registry/ai-system.routes.js';
import { aiDocumentRoutes } from '../modules/ai-registry/ai-documents.routes.js';
import { aiReviewRoutes } from '../modules/ai-registry/ai-review.routes.js';
import { usageRoutes } from '../modules/ai-usage/usage.routes.js';
import { fileRoutes } from '../modules/files/files.routes.js';
import { assessmentRoutes } from '../modules/assessments/assessments.routes.js';
import { assessmentFileRoutes } from '../modules/assessments/assessment-files.routes.js';
import { assessmentTemplateRoutes } from '../modules/assessments/assessment-templates.routes.js';
import { riskRoutes } from '../modules/risks/risk.routes.js';
import { jobRoutes } from '../modules/jobs/jobs.routes.js';
import { sensitiveDataRoutes } from '../modules/classification/sensitive-data.routes.js';
import { registerAuth } from './auth.js';
import { authRoutes } from './auth.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import { registerErrorHandler } from './error-handler.js';

export interface ServerOptions {
  services: Services;
  /** pino logger options (Fastify builds the logger), or false for none (tests). */
  logger?: boolean | { level: string };
  /** Serve the built web app from this folder when it exists. */
  webDist?: string | null;
}

export const API_VERSION = '0.1.0';

export async function buildServer({
  services,
  logger = false,
  webDist = null,
}: ServerOptions): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => newId(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine sets inline style attributes
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.secureCookies === 'always',
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Custos API', version: API_VERSION, description: 'Data & AI Governance workbench' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'custos_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorHandler(app);
  registerAuth(app, services.accounts);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), version: z.string(), db: z.string() }) },
      },
    },
    async () => {
      await services.db.kysely.selectFrom('custos_meta').select('key').limit(1).execute();
      return { status: 'ok' as const, version: API_VERSION, db: services.db.dialect };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, { services });
  await app.register(oidcRoutes, { services });
  await app.register(userRoutes, { services });
  await app.register(tokenRoutes, { services });
  await app.register(regionRoutes, { services });
  await app.register(officeRoutes, { services });
  await app.register(departmentRoutes, { services });
  await app.register(personRoutes, { services });
  await app.register(orgImportRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(frameworkRoutes, { services });
  await app.register(aiActRoutes, { services });
  await app.register(inventoryImportRoutes, { services });
  await app.register(assetRoutes, { services });
  await app.register(rolloutRoutes, { services });
  await app.register(scorecardRoutes, { services });
  await app.register(actionRoutes, { services });
  await app.register(aiSystemRoutes, { services });
  await app.register(aiDocumentRoutes, { services });
  await app.register(aiReviewRoutes, { services });
  await app.register(aiClassificationRoutes, { services });
  await app.register(usageRoutes, { services });
  await app.register(riskRoutes, { services });
  await app.register(complianceRoutes, { services });
  await app.register(fileRoutes, { services });
  await app.register(assessmentTemplateRoutes, { services });
  await app.register(assessmentRoutes, { services });
  await app.register(assessmentFileRoutes, { services });
  await app.register(jobRoutes, { services });
  await app.register(sensitiveDataRoutes, { services });

  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(webDist), wildcard: false });
    // The web app routes on the client: unknown non-API paths get index.html. A catch-all route,
    // not a second not-found handler (the error handler already owns that one).
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.status(404).send({
          error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
        });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }

  return app;
}
