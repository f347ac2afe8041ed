import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_PERMISSIONS } from '../core/permissions.js';
import {
  loginSchema,
  meSchema,
  passwordChangeSchema,
  userSchema,
} from '../modules/accounts/accounts.schema.js';
import { presentUser } from '../modules/accounts/accounts.service.js';
import type { Services } from '../app/services.js';
import { clearSessionCookie, requestContext, secureCookie, setSessionCookie } from './auth.js';

export interface AuthRouteOptions {
  services: Services;
}

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { services }) => {
  const cookieMode = services.config.secureCookies;
  // Per client address, in this process: the account lock-out covers guessing spread over addresses.
  const perAddressLimit = {
    rateLimit: { max: services.config.login.perIpPerMinute, timeWindow: '1 minute' },
  };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: loginSchema,
        response: { 200: meSchema },
      },
      config: perAddressLimit,
    },
    async (request, reply) => {
      const grant = await services.accounts.login(request.body.email, request.body.password, request.id);
      setSessionCookie(reply, grant.token, grant.expiresAt, secureCookie(request, cookieMode));
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
    { schema: { tags, summary: 'End the current session on the server', response: { 204: z.null() } } },
    async (request, reply) => {
      const ctx = requestContext(request);
      if (request.auth?.sessionToken) await services.accounts.logout(ctx, request.auth.sessionToken);
      clearSessionCookie(reply, secureCookie(request, cookieMode));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (ends your other sessions)',
        body: passwordChangeSchema,
        response: { 200: userSchema },
      },
      config: perAddressLimit,
    },
    async (request) =>
      services.accounts.changePassword(requestContext(request), request.body, request.auth?.sessionToken),
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, permissions and CSRF token',
        response: { 200: meSchema },
      },
    },
    async (request) => presentMe(request),
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in: as GET /api/me, or null (still 200) when nobody is',
        security: [],
        response: { 200: meSchema.nullable() },
      },
    },
    async (request) => (request.auth ? presentMe(request) : null),
  );
};

/** The caller as `GET /api/me` answers it. */
function presentMe(request: FastifyRequest): z.infer<typeof meSchema> {
  const ctx = requestContext(request);
  const auth = request.auth!;
  const readOnly = ctx.actor.readOnly;
  return {
    user: presentUser(auth.user),
    permissions: ROLE_PERMISSIONS[ctx.actor.role].filter((p) => !readOnly || p.endsWith('.read')),
    csrf_token: auth.csrfToken ?? null,
    auth: auth.via,
  };
}
