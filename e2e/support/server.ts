import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/app/config.js';
import { createServices, type Services } from '../../src/app/services.js';
import type { RequestContext } from '../../src/core/audit.js';
import { systemClock } from '../../src/core/clock.js';
import { systemActor } from '../../src/core/permissions.js';
import type { Db } from '../../src/db/database.js';
import { openTestDb } from '../../src/db/testing/dialects.js';
import { buildServer } from '../../src/http/server.js';
import { WEB_DIST } from './browser.js';

/** Puts a test's starting data in place through the services, as the local operator. */
export type Seed = (services: Services, operator: RequestContext) => Promise<void>;

/** Settings beyond the defaults, e.g. the AI usage pseudonymisation key. */
export interface ServerSettings {
  usageKey?: string;
}

export interface E2eServer {
  services: Services;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real server over a fresh in-memory SQLite database, serving the built web app on a free port.
 * `seed` puts the test's starting data in place through the services, as the local operator.
 */
export async function startServer(seed: Seed, settings: ServerSettings = {}): Promise<E2eServer> {
  const db: Db = await openTestDb('sqlite', null);
  const config = loadConfig({ db: 'sqlite::memory:', secureCookies: 'never', ...settings }, {});
  const services = createServices(db, systemClock, config);
  await seed(services, { actor: systemActor('e2e'), requestId: null });
  const app: FastifyInstance = await buildServer({ services, webDist: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // Background jobs (scans) run as under `custos serve`.
  await services.jobRunner.start();
  return {
    services,
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    async close() {
      await services.jobRunner.stop();
      await app.close();
      await db.close();
    },
  };
}
