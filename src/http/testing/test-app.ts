import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { fixedClock } from '../../core/clock.js';
import { systemActor, type Role } from '../../core/permissions.js';
import type { Db } from '../../db/database.js';
import type { User } from '../../modules/accounts/accounts.schema.js';
import { buildServer } from '../server.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  /** Create a user with the role and scope, sign in, and return a client that sends its cookie and CSRF token. */
  signIn(role: Role, scope?: { regions?: string[]; offices?: string[] }): Promise<TestClient>;
  /** Sign in an existing user; fails the test when the sign-in is refused. */
  signInAs(email: string, password: string): Promise<TestClient>;
}

export interface TestClient {
  user: User;
  /** The raw session cookie value and CSRF token, for tests that craft requests themselves. */
  session: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

/**
 * A server over an already migrated database, as `app.inject` targets for HTTP tests. `overrides`
 * change the configuration (e.g. `login`, `oidc`).
 */
export async function createTestApp(
  db: Db,
  overrides: Partial<Record<keyof Config, unknown>> = {},
): Promise<TestApp> {
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const config = loadConfig({ db: 'sqlite::memory:', ...overrides }, {});
  const services = createServices(db, clock, config);
  const app = await buildServer({ services });
  // Jobs run as under `custos serve`; tests wait for them with services.jobRunner.idle().
  await services.jobRunner.start();
  app.addHook('onClose', () => services.jobRunner.stop());
  await app.ready();
  const testApp: TestApp = {
    app,
    services,
    clock,
    async signIn(role, scope = {}) {
      counter += 1;
      const email = `${role}.${counter}.${Date.now()}@example.org`;
      await services.accounts.createUser(
        { actor: systemActor('test'), requestId: null },
        {
          email,
          display_name: `Test ${role}`,
          role,
          password: TEST_PASSWORD,
          scope_region_ids: scope.regions ?? [],
          scope_office_ids: scope.offices ?? [],
        },
      );
      return testApp.signInAs(email, TEST_PASSWORD);
    },
    async signInAs(email, password) {
      counter += 1;
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
        // Each sign-in comes from its own address, so the per-address sign-in limit never trips.
        remoteAddress: `198.51.100.${counter % 250}`,
      });
      if (login.statusCode !== 200) throw new Error(`test sign-in failed: ${login.body}`);
      const session = login.cookies.find((c) => c.name === 'custos_session')?.value ?? '';
      const body = login.json() as { csrf_token: string; user: User };
      return {
        user: body.user,
        session,
        csrf: body.csrf_token,
        request: (options) =>
          app.inject({
            ...options,
            headers: {
              cookie: `custos_session=${session}`,
              'x-csrf-token': body.csrf_token,
              ...(options.headers ?? {}),
            },
          }),
      };
    },
  };
  return testApp;
}
