import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { isoNow } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Role } from '../../core/permissions.js';
import { inTransaction, isUniqueViolation, type ServiceDeps } from '../../core/service-context.js';
import { AccountsRepository, type UserRow } from './accounts.repository.js';
import {
  actorLabelOnly,
  redactUser,
  sha256,
  type AccountsService,
  type SessionGrant,
} from './accounts.service.js';
import { OidcRepository } from './oidc.repository.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  defaultRole: Role;
  label: string;
}

/** What Custos needs to know about the person the provider signed in. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** How long a sign-in may take between leaving for the provider and coming back. */
const STATE_MINUTES = 10;
const SCOPE = 'openid email profile';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function oidcFailed(message: string, reason: string): AppError {
  return new AppError('oidc_failed', message, { reason });
}

function sameState(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * OpenID Connect sign-in (for example Microsoft Entra ID): the authorization-code flow with PKCE,
 * state and nonce. The verifier and nonce stay in the database; the state also goes into a cookie of
 * the browser that started, so a callback is only accepted in that browser.
 */
export class OidcService {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly insecure: boolean;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly accounts: AccountsService,
    private readonly settings: OidcSettings | undefined,
  ) {
    const issuer = settings ? new URL(settings.issuer) : null;
    // Plain http only to a provider on this machine (development and tests), never across a network.
    this.insecure = issuer?.protocol === 'http:';
    if (issuer && this.insecure && !LOOPBACK_HOSTS.has(issuer.hostname))
      throw new Error(
        `oidc.issuer must use https (http is only accepted for localhost): ${settings!.issuer}`,
      );
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  get label(): string | null {
    return this.settings?.label ?? null;
  }

  /** Where to send the browser, and the state to keep in its cookie. */
  async begin(): Promise<{ url: string; state: string }> {
    const settings = this.require();
    const config = await this.discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const now = this.deps.clock.now();
    const repo = new OidcRepository(this.deps.db.kysely);
    await repo.deleteExpiredStates(now.toISOString());
    await repo.insertState({
      id: sha256(state),
      code_verifier: verifier,
      nonce,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + STATE_MINUTES * 60_000).toISOString(),
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * The provider sent the browser back: check the state against the browser's cookie, exchange the
   * code (PKCE), validate the ID token (signature, issuer, audience, nonce), then find, link or create
   * the user and open a session.
   */
  async complete(
    query: string,
    browserState: string | undefined,
    requestId: string | null,
  ): Promise<SessionGrant> {
    const settings = this.require();
    const params = new URLSearchParams(query);
    const state = params.get('state');
    if (!state || !browserState || !sameState(state, browserState))
      throw oidcFailed('The sign-in did not start in this browser; try again', 'state_mismatch');
    const saved = await new OidcRepository(this.deps.db.kysely).takeState(sha256(state));
    if (!saved || saved.expires_at <= isoNow(this.deps.clock))
      throw oidcFailed('The sign-in took too long or was already used; try again', 'state_expired');
    const providerError = params.get('error');
    if (providerError)
      throw oidcFailed(
        `The identity provider refused the sign-in (${providerError.slice(0, 100)})`,
        'provider_error',
      );

    const config = await this.discover();
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = params.toString();
    let identity: OidcIdentity;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: saved.code_verifier,
        expectedState: state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // Providers often keep e-mail and name out of the ID token: ask the userinfo endpoint then.
      const extra =
        typeof claims.email === 'string'
          ? {}
          : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      identity = toIdentity({ ...extra, ...claims });
    } catch (error) {
      throw oidcFailed(
        `The identity provider's answer could not be verified: ${error instanceof Error ? error.message : 'unknown error'}`,
        'token_invalid',
      );
    }
    const user = await this.findOrCreateUser(identity, requestId);
    if (user.disabled)
      throw new AppError('account_disabled', 'This account is disabled; ask an administrator');
    const now = isoNow(this.deps.clock);
    await new AccountsRepository(this.deps.db.kysely).setLoginState(user.id, {
      failed_logins: user.failed_logins,
      locked_until: user.locked_until,
      last_login_at: now,
    });
    return this.accounts.startSession({ ...user, last_login_at: now }, requestId);
  }

  /**
   * The user with this provider identity; else the user with the same e-mail when the provider says it
   * is verified (linked now, once); else a new user with the configured default role.
   */
  async findOrCreateUser(identity: OidcIdentity, requestId: string | null): Promise<UserRow> {
    const settings = this.require();
    try {
      return await this.matchUser(identity, settings, requestId);
    } catch (error) {
      // Two first sign-ins of the same person at once: the other one created or linked the user.
      if (!isUniqueViolation(error)) throw error;
      const existing = await new AccountsRepository(this.deps.db.kysely).findUserByOidc(
        identity.issuer,
        identity.subject,
      );
      if (!existing) throw error;
      return existing;
    }
  }

  private async matchUser(
    identity: OidcIdentity,
    settings: OidcSettings,
    requestId: string | null,
  ): Promise<UserRow> {
    const repo = new AccountsRepository(this.deps.db.kysely);
    const linked = await repo.findUserByOidc(identity.issuer, identity.subject);
    if (linked) return linked;
    if (!identity.email)
      throw oidcFailed('The identity provider did not give an e-mail address for this account', 'no_email');
    const email = identity.email;
    const sameEmail = await repo.findUserByEmail(email);
    if (sameEmail) {
      // A concurrent first sign-in of the same person created or linked it a moment ago.
      if (sameEmail.oidc_issuer === identity.issuer && sameEmail.oidc_subject === identity.subject)
        return sameEmail;
      if (!identity.emailVerified)
        throw oidcFailed(
          'An account with this e-mail exists, but the provider did not confirm the e-mail is verified; ask an administrator',
          'email_unverified',
        );
      if (sameEmail.oidc_subject !== null)
        throw oidcFailed('This e-mail is already linked to another sign-in identity', 'already_linked');
      if (sameEmail.disabled)
        throw new AppError('account_disabled', 'This account is disabled; ask an administrator');
      return this.link(sameEmail, identity, requestId);
    }
    return this.create(identity, email, settings.defaultRole, requestId);
  }

  private link(user: UserRow, identity: OidcIdentity, requestId: string | null): Promise<UserRow> {
    const changes = {
      oidc_issuer: identity.issuer,
      oidc_subject: identity.subject,
      updated_at: isoNow(this.deps.clock),
    };
    return inTransaction(this.deps, { actor: actorLabelOnly(user), requestId }, async (trx, audit) => {
      const repo = new AccountsRepository(trx);
      await repo.updateUserBumpingVersion(user.id, changes);
      const after = (await repo.findUserById(user.id))!;
      await audit({
        action: 'link_oidc',
        entityType: 'user',
        entityId: user.id,
        before: redactUser(user),
        after: redactUser(after),
      });
      return after;
    });
  }

  private create(
    identity: OidcIdentity,
    email: string,
    role: Role,
    requestId: string | null,
  ): Promise<UserRow> {
    const now = isoNow(this.deps.clock);
    const row: UserRow = {
      id: newId(),
      email,
      display_name: identity.name?.trim().slice(0, 200) || email,
      role,
      scope_region_ids: '[]',
      scope_office_ids: '[]',
      person_id: null,
      password_hash: null,
      must_change_password: 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      oidc_issuer: identity.issuer,
      oidc_subject: identity.subject,
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    return inTransaction(this.deps, { actor: actorLabelOnly(row), requestId }, async (trx, audit) => {
      await new AccountsRepository(trx).insertUser(row);
      await audit({ action: 'create', entityType: 'user', entityId: row.id, after: redactUser(row) });
      return row;
    });
  }

  private require(): OidcSettings {
    if (!this.settings) throw new AppError('not_found', 'OpenID Connect sign-in is not configured');
    return this.settings;
  }

  /** The provider's metadata and keys, fetched once; a failure is retried on the next sign-in. */
  private discover(): Promise<client.Configuration> {
    const settings = this.require();
    this.configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        this.insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw oidcFailed(
          `The identity provider could not be reached: ${error instanceof Error ? error.message : 'unknown error'}`,
          'discovery_failed',
        );
      });
    return this.configuration;
  }
}

/** Claims as the provider sent them (ID token over userinfo) to the identity Custos keeps. */
export function toIdentity(claims: Record<string, unknown> & { iss: string; sub: string }): OidcIdentity {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const preferred = text(claims.preferred_username);
  const email = text(claims.email) ?? (preferred && /^[^@\s]+@[^@\s]+$/.test(preferred) ? preferred : null);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: email?.toLowerCase() ?? null,
    // Only the `email` claim can be verified; a preferred_username never counts as verified. Entra ID
    // sends no email_verified: its optional claim xms_edov (e-mail domain owner verified) says it.
    emailVerified:
      text(claims.email) !== null &&
      (claims.email_verified === true || claims.email_verified === 'true' || claims.xms_edov === true),
    name: text(claims.name),
  };
}
