import { loadConfig } from '../src/app/config.js';
import { createServices } from '../src/app/services.js';
import { systemClock } from '../src/core/clock.js';
import { systemActor, type Actor } from '../src/core/permissions.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { measure, row } from './measure.js';

const PEOPLE = 100_000;

/**
 * People search on the embedded database at 100,000 people across 200 offices: the first page of a
 * free-text search, of an office filter, and of a scoped caller's list (what the web pages ask for).
 */
export async function benchPeopleSearch(): Promise<void> {
  const db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  const services = createServices(db, systemClock, loadConfig({ db: 'sqlite::memory:' }, {}));
  const ctx = { actor: systemActor('bench'), requestId: null };
  const region = await services.regions.create(ctx, { code: 'BENCH', name: 'Bench region' });
  const offices = await services.offices.createMany(
    ctx,
    Array.from({ length: 200 }, (_, i) => ({
      code: `CO-B${i}`,
      name: `Bench office ${i}`,
      kind: 'hq_department' as const,
      region_id: region.id,
    })),
  );
  const first = ['Amina', 'José', 'Fatou', 'Chloé', 'Ahmed', 'María', 'John', 'Wanjiru', 'Hélène', 'Tariq'];
  const last = ['Yusuf', 'García', 'Diallo', 'Martin', 'Haddad', 'López', 'Smith', 'Kamau', 'Dubois', 'Khan'];
  const started = Date.now();
  for (let batch = 0; batch < PEOPLE / 5000; batch += 1) {
    await services.people.createMany(
      ctx,
      Array.from({ length: 5000 }, (_, j) => {
        const i = batch * 5000 + j;
        return {
          full_name: `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${i}`,
          email: `person${i}@bench.example.org`,
          office_id: offices[i % offices.length]!.id,
          job_title: i % 7 === 0 ? 'Data Management Officer' : 'Programme Assistant',
          governance_roles: i % 50 === 0 ? ['data_owner' as const] : [],
        };
      }),
    );
  }
  console.log(
    `loaded ${PEOPLE} people in ${((Date.now() - started) / 1000).toFixed(1)} s (bulk create with audit events)`,
  );

  const scoped: Actor = {
    ...systemActor('bench-focal'),
    role: 'office_focal_point',
    scope: {
      kind: 'offices',
      officeIds: new Set(offices.slice(0, 3).map((o) => o.id)),
      regionIds: new Set([region.id]),
    },
  };
  const cases: [string, () => Promise<unknown>][] = [
    ['first page, no filter (50 rows)', () => services.people.list(ctx, { limit: 50 })],
    ['search q=garcia (accent-insensitive)', () => services.people.list(ctx, { q: 'garcia', limit: 50 })],
    [
      'search q=person4242@ (rare term, full scan)',
      () => services.people.list(ctx, { q: 'person4242@', limit: 50 }),
    ],
    ['filter office_id', () => services.people.list(ctx, { office_id: offices[7]!.id, limit: 50 })],
    [
      'filter governance_role=data_owner',
      () => services.people.list(ctx, { governance_role: 'data_owner', limit: 50 }),
    ],
    [
      'office focal point (3 offices in scope)',
      () => services.people.list({ actor: scoped, requestId: null }, { limit: 50 }),
    ],
  ];
  for (const [label, work] of cases) console.log(row(label, await measure(21, work)));
  await db.close();
}
