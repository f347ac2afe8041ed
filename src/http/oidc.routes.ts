import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../app/services.js';
import { AppError, errors, isAppError } from '../core/errors.js';
import { providersSchema } from '../modules/accounts/accounts.schema.js';
import { secureCookie, setSessionCookie } from './auth.js';

export const OIDC_STATE_COOKIE = 'custos_oidc';
const OIDC_COOKIE_PATH = '/api/auth/oidc';
const LOGIN_URL = '/api/auth/oidc/login';
/** Where the web app shows a failed sign-in; `error` carries the error code it translates. */
const SIGN_IN_PAGE = '/login';

const tags = ['auth'];

/**
 * OpenID Connect sign-in. These are browser navigations, not API calls: they answer with redirects,
 * and a failure sends the browser to the sign-in page with the error code.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { oidc } = services;
  const cookieMode = services.config.secureCookies;

  const failed = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const code = isAppError(error) ? error.code : 'internal';
    const reason = isAppError(error) ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    if (isAppError(error))
      request.log.warn({ code, reason, reqId: request.id }, 'OpenID Connect sign-in refused');
    else request.log.error({ err: error, reqId: request.id }, 'OpenID Connect sign-in failed');
    reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
    return reply.redirect(`${SIGN_IN_PAGE}?error=${encodeURIComponent(code)}`, 302);
  };

  app.get(
    '/api/auth/providers',
    {
      schema: {
        tags,
        summary: 'How one may sign in: password, and OpenID Connect when configured',
        security: [],
        response: { 200: providersSchema },
      },
    },
    async () => ({
      password: true as const,
      oidc: { enabled: oidc.enabled, label: oidc.label, login_url: oidc.enabled ? LOGIN_URL : null },
    }),
  );

  app.get(
    LOGIN_URL,
    {
      schema: { tags, summary: 'Start OpenID Connect sign-in (redirects to the provider)', security: [] },
      config: { rateLimit: { max: services.config.login.perIpPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (!oidc.enabled) throw errors.notFound('sign-in provider');
      try {
        const { url, state } = await oidc.begin();
        reply.setCookie(OIDC_STATE_COOKIE, state, {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
          sameSite: 'lax',
          secure: secureCookie(request, cookieMode),
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      } catch (error) {
        return failed(request, reply, error);
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags,
        summary: 'The provider returns here; starts the session and redirects to /',
        security: [],
      },
    },
    async (request, reply) => {
      if (!oidc.enabled) throw errors.notFound('sign-in provider');
      try {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
        const grant = await oidc.complete(query, request.cookies[OIDC_STATE_COOKIE], request.id);
        reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
        setSessionCookie(reply, grant.token, grant.expiresAt, secureCookie(request, cookieMode));
        return reply.redirect('/', 302);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') throw error;
        return failed(request, reply, error);
      }
    },
  );
};
