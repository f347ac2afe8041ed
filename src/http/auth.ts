import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../core/audit.js';
import { AppError, errors } from '../core/errors.js';
import type { Actor } from '../core/permissions.js';
import type { UserRow } from '../modules/accounts/accounts.repository.js';
import type { AccountsService } from '../modules/accounts/accounts.service.js';

export const SESSION_COOKIE = 'custos_session';

/** Routes a user who must change their password may still call. */
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/me',
  'GET /api/auth/session',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'GET /api/auth/providers',
]);

export interface AuthState {
  actor: Actor;
  user: UserRow;
  via: 'session' | 'token';
  /** Present for cookie sessions: the raw cookie value and its CSRF token. */
  sessionToken?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * Resolve who is calling (session cookie or `Authorization: Bearer` API token) on every /api
 * request, and enforce CSRF on cookie-authenticated writes: the `x-csrf-token` header must carry the
 * session's token, which a cross-site page cannot read. Tokens need no CSRF check (a browser never
 * sends them by itself), but a read-only token is refused on every write here, whatever the route.
 * A session whose user must change the password reaches only the routes needed to do so.
 */
export function registerAuth(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const resolved = await accounts.resolveToken(header.slice('Bearer '.length).trim());
      if (!resolved) throw new AppError('unauthenticated', 'The API token is unknown, expired or revoked');
      request.auth = {
        actor: await accounts.actorFor(resolved.user, resolved.readOnly),
        user: resolved.user,
        via: 'token',
      };
      if (resolved.readOnly && !SAFE_METHODS.has(request.method))
        throw new AppError('forbidden', 'This API token is read-only', { read_only: true });
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const resolved = await accounts.resolveSession(cookie);
    if (!resolved) return;
    request.auth = {
      actor: await accounts.actorFor(resolved.user),
      user: resolved.user,
      via: 'session',
      sessionToken: cookie,
      csrfToken: resolved.session.csrf_token,
    };
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, resolved.session.csrf_token)) {
        throw new AppError(
          'csrf_failed',
          'Missing or wrong x-csrf-token header: reload the page and try again',
        );
      }
    }
    if (
      resolved.user.must_change_password &&
      !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)
    ) {
      throw new AppError('password_change_required', 'Change your password first (POST /api/auth/password)');
    }
  });
}

/** Whether cookies get the Secure flag: always, never, or (auto) when the request came over HTTPS. */
export function secureCookie(request: FastifyRequest, mode: 'auto' | 'always' | 'never'): boolean {
  return mode === 'always' || (mode === 'auto' && request.protocol === 'https');
}

/** The caller of a route that needs a signed-in user. */
export function requestContext(request: FastifyRequest): RequestContext {
  if (!request.auth) throw errors.unauthenticated();
  return { actor: request.auth.actor, requestId: request.id };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
