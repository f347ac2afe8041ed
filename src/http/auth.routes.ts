import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_PERMISSIONS } from '../core/permissions.js';
import { loginSchema, meSchema } from '../modules/accounts/accounts.schema.js';
import { presentUser } from '../modules/accounts/accounts.service.js';
import type { Services } from '../app/services.js';
import { clearSessionCookie, requestContext, setSessionCookie } from './auth.js';

export interface AuthRouteOptions {
  services: Services;
  secureCookies: boolean;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (
  app,
  { services, secureCookies },
) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: loginSchema,
        response: { 200: meSchema },
      },
      config: {
        rateLimit: { max: services.config.login.perIpPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const grant = await services.accounts.login(request.body.email, request.body.password, request.id);
      setSessionCookie(reply, grant.token, grant.expiresAt, secureCookies);
      return {
        user: grant.user,
        permissions: [...ROLE_PERMISSIONS[grant.user.role]],
        csrf_token: grant.csrfToken,
        auth: 'session' as const,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } } },
    async (request, reply) => {
      const ctx = requestContext(request);
      if (request.auth?.sessionToken) await services.accounts.logout(ctx, request.auth.sessionToken);
      clearSessionCookie(reply, secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, permissions and CSRF token',
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      const auth = request.auth!;
      const readOnly = ctx.actor.readOnly;
      return {
        user: presentUser(auth.user),
        permissions: ROLE_PERMISSIONS[ctx.actor.role].filter((p) => !readOnly || p.endsWith('.read')),
        csrf_token: auth.csrfToken ?? null,
        auth: auth.via,
      };
    },
  );
};
