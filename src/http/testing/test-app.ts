import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../app/config.js';
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
}

export interface TestClient {
  user: User;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** A server over an already migrated database, as `app.inject` targets for HTTP tests. */
export async function createTestApp(db: Db): Promise<TestApp> {
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const config = loadConfig({ db: 'sqlite::memory:' }, {});
  const services = createServices(db, clock, config);
  const app = await buildServer({ services });
  await app.ready();
  return {
    app,
    services,
    clock,
    async signIn(role, scope = {}) {
      counter += 1;
      const email = `${role}.${counter}.${Date.now()}@example.org`;
      const user = await services.accounts.createUser(
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
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`test sign-in failed: ${login.body}`);
      const cookie = login.cookies.find((c) => c.name === 'custos_session');
      const csrf = (login.json() as { csrf_token: string }).csrf_token;
      return {
        user,
        request: (options) =>
          app.inject({
            ...options,
            headers: {
              cookie: `custos_session=${cookie?.value}`,
              'x-csrf-token': csrf,
              ...(options.headers ?? {}),
            },
          }),
      };
    },
  };
}
