import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { createServices, type Services } from '../src/app/services.js';
import type { RequestContext } from '../src/core/audit.js';
import { systemClock } from '../src/core/clock.js';
import { systemActor, type Actor, type Role } from '../src/core/permissions.js';
import { openDb, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { Prng } from '../src/core/prng.js';
import type { AssetCreateInput } from '../src/modules/inventory/asset.bulk.js';
import type { AssetListQuery } from '../src/modules/inventory/asset.schema.js';
import { buildServer } from '../src/http/server.js';
import { httpUnderLoad } from './http-load.js';
import { loadRow, underLoad } from './measure.js';

const ASSETS = 100_000;
const OFFICES = 200;
const SYSTEMS_PER_OFFICE = 5;
const PEOPLE_PER_OFFICE = 10;
const CLIENTS = 32;
const REQUESTS_PER_CLIENT = 20;
const BATCH = 5_000;

const TOPICS = [
  'Beneficiary',
  'Health',
  'Nutrition',
  'Shelter',
  'Protection',
  'Education',
  'WASH',
  'Cash',
  'Livelihoods',
  'Migration',
  'Staff',
  'Procurement',
  'Finance',
  'Logistics',
  'Partner',
  'Returnee',
  'Border',
  'Camp',
  'Vaccination',
  'Legal aid',
];
const KINDS = [
  'registry',
  'survey',
  'assessment',
  'monitoring report',
  'case files',
  'distribution list',
  'dashboard',
  'payroll',
  'attendance sheets',
  'contact list',
  'intake forms',
  'needs analysis',
];
const PLACES = [
  'Nairobi',
  'Bogotá',
  'São Tomé',
  'Gaziantep',
  'Kraków',
  'Côte d’Ivoire',
  'Médenine',
  'Cox’s Bazar',
  'Maiduguri',
  'Zaatari',
  'Tapachula',
  'Niamey',
  'Herat',
  'Juba',
  'Mosul',
  'Goma',
  'Iquitos',
  'Dnipro',
  'Agadez',
  'Tessalit',
];
const TAGS = [
  'cash',
  'cva',
  'gbv',
  'child-protection',
  'kobo',
  'excel',
  'sharepoint',
  'legacy',
  'monthly',
  'baseline',
  'endline',
  'donor-report',
  'pii',
  'aggregate',
  'geo',
];
const SYSTEMS = [
  'PRIMA',
  'MiMOSA',
  'Kobo Toolbox',
  'DHIS2',
  'SharePoint',
  'Power BI',
  'Odoo',
  'Salesforce',
  'ActivityInfo',
  'proGres',
];
const LABELS = [null, 'Public', 'Internal', 'Confidential', 'Strictly Confidential'] as const;
/** Ten made-up words, each on 10 assets in 100,000: the "rare term" searches. */
const RARE = [
  'quetzal',
  'okapi',
  'narwhal',
  'pangolin',
  'axolotl',
  'kakapo',
  'saola',
  'vaquita',
  'tuatara',
  'dugong',
];

/**
 * Asset search at 100,000 assets in 200 offices, through AssetService.list as the API calls it: common
 * and rare terms, a filter, and a scoped caller, each with 32 clients at once. On SQLite the reads
 * go to the read pool's worker threads (CUSTOS_SQLITE_READERS, 0 for the main connection alone), each
 * answering one query at a time, so the latency each client sees includes waiting for the others; the
 * one-client rows give the time of one search. CPU is the whole process's, workers included. PostgreSQL runs when reachable (CUSTOS_BENCH_PG_URL, else 127.0.0.1:5432/test).
 */
export async function benchAssetSearch(): Promise<void> {
  // CUSTOS_BENCH_SEARCH_DB=FILE keeps the loaded SQLite database in FILE and reuses it on the next
  // run (loading 100,000 assets takes minutes); without it, a temporary file is loaded and removed.
  const kept = process.env.CUSTOS_BENCH_SEARCH_DB;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'));
  try {
    const file = kept ?? path.join(dir, 'custos.db');
    const loaded = kept !== undefined && fs.existsSync(kept);
    const db = openDb(`sqlite:${file}`);
    const readers = process.env.CUSTOS_SQLITE_READERS ?? `min(2, ${os.availableParallelism()})`;
    await runOn(`SQLite (file, WAL, ${readers} read workers${loaded ? `, reused ${file}` : ''})`, db, loaded);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.CUSTOS_BENCH_SEARCH_SQLITE_ONLY) return;
  const pgUrl = process.env.CUSTOS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!(await reachable(pgUrl))) {
    console.log(`\nPostgreSQL not reachable at ${pgUrl}: skipped`);
    return;
  }
  // CUSTOS_BENCH_SEARCH_PG_SCHEMA=NAME keeps the loaded assets in that schema and reuses them on the
  // next run, as CUSTOS_BENCH_SEARCH_DB does for SQLite; without it, a new schema is loaded and dropped.
  const keptSchema = process.env.CUSTOS_BENCH_SEARCH_PG_SCHEMA;
  const schema = keptSchema ?? `bench_${randomBytes(4).toString('hex')}`;
  const reused = keptSchema !== undefined && (await schemaExists(pgUrl, keptSchema));
  if (!reused) await admin(pgUrl, `create schema ${schema}`);
  try {
    await runOn(
      `PostgreSQL (pool of 10 connections, schema ${schema}${reused ? ', reused' : ''})`,
      openDb(pgUrl, { searchPath: schema }),
      reused,
    );
  } finally {
    if (keptSchema === undefined) await admin(pgUrl, `drop schema ${schema} cascade`);
  }
}

async function runOn(label: string, db: Db, loaded = false): Promise<void> {
  console.log(`\n## ${label}`);
  try {
    await migrateToLatest(db);
    // Measure the pool's workers, not their start (reads use the main connection until they are up).
    await db.readersReady?.();
    const services = createServices(db, systemClock, loadConfig({ db: 'sqlite::memory:' }, {}));
    const ctx: RequestContext = { actor: systemActor('bench'), requestId: null };
    const officeIds = loaded
      ? (await services.offices.list(ctx, { sort: 'code', limit: 500 })).items
          .filter((office) => office.code.startsWith('CO-B'))
          .sort((a, b) => Number(a.code.slice(4)) - Number(b.code.slice(4)))
          .map((office) => office.id)
      : await load(services, ctx);
    // What autovacuum does in time: statistics for the planner, and the visibility map that lets
    // index-only scans skip the table.
    if (db.dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
    const scoped: RequestContext = {
      actor: {
        ...systemActor('bench-focal'),
        role: 'office_focal_point',
        scope: { kind: 'offices', officeIds: new Set(officeIds.slice(0, 3)), regionIds: new Set() },
      } satisfies Actor,
      requestId: null,
    };
    const search =
      (query: Partial<AssetListQuery>, as = ctx) =>
      () =>
        services.assets.list(as, { ...query, limit: 50 });
    const rotate =
      (terms: readonly string[], extra: Partial<AssetListQuery> = {}) =>
      (i: number) =>
        services.assets.list(ctx, { q: terms[i % terms.length], ...extra, limit: 50 });
    const cases: [string, (i: number) => Promise<unknown>][] = [
      ['first page, no search', search({})],
      [
        'common term (survey, health, cash, …)',
        rotate(['survey', 'health', 'cash', 'registry', 'monitoring']),
      ],
      ['common prefix (sur, hea, reg)', rotate(['sur', 'hea', 'reg'])],
      ['two common words (health survey, …)', rotate(['health survey', 'cash registry', 'staff payroll'])],
      ['accented place (sao tome, bogota, krakow)', rotate(['sao tome', 'bogota', 'krakow'])],
      ['system name (prima, dhis2, kobo)', rotate(['prima', 'dhis2', 'kobo'])],
      ['rare term (10 assets)', rotate(RARE)],
      ['no match', rotate(['xylophone', 'zeppelin'])],
      ['a word on every asset (data)', rotate(['data'])],
      ['common term, newest first', rotate(['survey', 'health', 'cash'], { sort: '-updated_at' })],
      [
        'common term + label Confidential',
        rotate(['survey', 'health'], { sensitivity_label: 'Confidential' }),
      ],
      [
        'filter only: personal data, unlabelled',
        search({ personal_data: 'true', sensitivity_label: 'unlabelled' }),
      ],
      [
        'office focal point (3 offices), common term',
        (i) => search({ q: ['survey', 'cash'][i % 2] }, scoped)(),
      ],
    ];
    if (process.env.CUSTOS_BENCH_SEARCH_HTTP_ONLY === undefined) {
      // With the CPU time of this process per search (on PostgreSQL, without the server's own work):
      // on a shared machine, what a search costs, where latencies also measure the other processes.
      const timed = async (
        label: string,
        clients: number,
        perClient: number,
        work: (i: number) => Promise<unknown>,
      ) => {
        const cpu = process.cpuUsage();
        const result = await underLoad(clients, perClient, work);
        const used = process.cpuUsage(cpu);
        // underLoad sends one warm-up request per client before the timed ones.
        const perRequest = (used.user + used.system) / 1000 / (clients * (perClient + 1));
        console.log(`${loadRow(label, result)}  CPU ${perRequest.toFixed(2)} ms/request`);
      };
      for (const [name, work] of cases) {
        await timed(`${name}, 1 client`, 1, 60, work);
        await timed(`${name}, ${CLIENTS} clients`, CLIENTS, REQUESTS_PER_CLIENT, work);
      }
    }
    await overHttp(services, officeIds.slice(0, 3));
  } finally {
    await db.close();
  }
}

/**
 * The same searches as a browser sends them, `GET /api/assets` on a server listening on 127.0.0.1:
 * session check, query parsing, the search, and the JSON response of 50 assets. The clients run in a
 * process of their own (see http-load.ts), so the CPU time of this process is the server's.
 */
async function overHttp(services: Services, focalOffices: readonly string[]): Promise<void> {
  const app = await buildServer({ services });
  try {
    await app.ready();
    const operator: RequestContext = { actor: systemActor('bench'), requestId: null };
    const signIn = async (role: Role, offices: readonly string[] = []) => {
      const email = `bench.${role}.${randomBytes(4).toString('hex')}@example.org`;
      const password = 'a long enough bench password';
      await services.accounts.createUser(operator, {
        email,
        display_name: `Bench ${role}`,
        role,
        password,
        scope_region_ids: [],
        scope_office_ids: [...offices],
      });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
      });
      if (login.statusCode !== 200) throw new Error(`bench sign-in failed: ${login.body}`);
      const session = login.cookies.find((cookie) => cookie.name === 'custos_session')?.value;
      return { cookie: `custos_session=${session}` };
    };
    const admin = await signIn('admin');
    const focal = await signIn('office_focal_point', focalOffices);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const list = (terms: readonly string[], extra = '') =>
      terms.map((term) => `/api/assets?limit=50${term ? `&q=${encodeURIComponent(term)}` : ''}${extra}`);
    const cases: [string, string[], Record<string, string>][] = [
      ['first page, no search', list(['']), admin],
      [
        'common term (survey, health, cash, …)',
        list(['survey', 'health', 'cash', 'registry', 'monitoring']),
        admin,
      ],
      ['two common words', list(['health survey', 'cash registry', 'staff payroll']), admin],
      ['rare term (10 assets)', list(RARE), admin],
      ['a word on every asset (data)', list(['data']), admin],
      [
        'common term + label Confidential',
        list(['survey', 'health'], '&sensitivity_label=Confidential'),
        admin,
      ],
      ['office focal point (3 offices), common term', list(['survey', 'cash']), focal],
    ];
    console.log(`\n### Over HTTP (${base}, clients in a process of their own)`);
    for (const [name, paths, headers] of cases) {
      const cpu = process.cpuUsage();
      const one = await httpUnderLoad(base, headers, paths, 1, 60);
      const many = await httpUnderLoad(base, headers, paths, CLIENTS, REQUESTS_PER_CLIENT);
      const used = process.cpuUsage(cpu);
      const perRequest = (used.user + used.system) / 1000 / (one.requests + many.requests + CLIENTS + 1);
      console.log(loadRow(`HTTP ${name}, 1 client`, one));
      console.log(
        `${loadRow(`HTTP ${name}, ${CLIENTS} clients`, many)}  server CPU ${perRequest.toFixed(2)} ms/request`,
      );
    }
  } finally {
    await app.close();
  }
}

/** 200 offices in one region, 10 people each (person i works in office i mod 200). */
export async function seedBenchOrganisation(services: Services, ctx: RequestContext) {
  const region = await services.regions.create(ctx, { code: 'BENCH', name: 'Bench region' });
  const offices = await services.offices.createMany(
    ctx,
    Array.from({ length: OFFICES }, (_, i) => ({
      code: `CO-B${i}`,
      name: `Bench office ${i}`,
      kind: 'hq_department' as const,
      region_id: region.id,
    })),
  );
  const people = await services.people.createMany(
    ctx,
    Array.from({ length: OFFICES * PEOPLE_PER_OFFICE }, (_, i) => ({
      full_name: `Bench person ${i}`,
      email: `person${i}@bench.example.org`,
      office_id: offices[i % OFFICES]!.id,
    })),
  );
  return { offices, people };
}

/** The organisation and 100,000 assets through the bulk service (rules and one audit event each). */
export async function load(services: Services, ctx: RequestContext, assets = ASSETS): Promise<string[]> {
  const rng = new Prng(3);
  const started = Date.now();
  const { offices, people } = await seedBenchOrganisation(services, ctx);
  const byOffice = offices.map((_, office) => people.filter((__, i) => i % OFFICES === office));
  const peopleOf = (office: number) => byOffice[office]!;
  const systems = await services.assets.createMany(
    ctx,
    Array.from({ length: OFFICES * SYSTEMS_PER_OFFICE }, (_, i) => {
      const office = i % OFFICES;
      const staff = peopleOf(office);
      return {
        name: `${SYSTEMS[i % SYSTEMS.length]} ${PLACES[office % PLACES.length]}`,
        asset_type: i % 2 === 0 ? ('application' as const) : ('database' as const),
        office_id: offices[office]!.id,
        data_owner_id: staff[0]!.id,
        data_custodian_id: staff[1]!.id,
        sensitivity_label: 'Confidential' as const,
      };
    }),
  );
  let made = systems.length;
  while (made < assets) {
    const batch: AssetCreateInput[] = [];
    for (let j = 0; j < BATCH && made < assets; j += 1, made += 1)
      batch.push(asset(made, rng, offices, systems, peopleOf));
    await services.assets.createMany(ctx, batch);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `loaded ${OFFICES} offices, ${people.length} people and ${assets} assets in ${seconds.toFixed(1)} s (bulk create with rules and audit events)`,
  );
  return offices.map((office) => office.id);
}

function asset(
  i: number,
  rng: Prng,
  offices: readonly { id: string }[],
  systems: readonly { id: string; office_id: string }[],
  peopleOf: (office: number) => readonly { id: string }[],
): AssetCreateInput {
  const office = rng.int(0, OFFICES - 1);
  const staff = peopleOf(office);
  const topic = rng.pick(TOPICS);
  const kind = rng.pick(KINDS);
  const place = rng.pick(PLACES);
  const personal = rng.chance(0.6);
  const underSystem = rng.chance(0.6);
  return {
    name: `${topic} ${kind} ${place} ${2018 + (i % 9)}`,
    description: `${topic} data collected by the ${place} team for ${rng.pick(TOPICS).toLowerCase()} programming${i % 1_000 === 7 ? ` (${RARE[Math.floor(i / 1_000) % RARE.length]})` : ''}`,
    asset_type: rng.pick(['dataset', 'dataset', 'file_share', 'paper_records', 'api'] as const),
    office_id: offices[office]!.id,
    system_id: underSystem ? systems[office + OFFICES * rng.int(0, SYSTEMS_PER_OFFICE - 1)]!.id : undefined,
    data_owner_id: rng.chance(0.8) ? rng.pick(staff).id : undefined,
    data_custodian_id: rng.chance(0.7) ? rng.pick(staff).id : undefined,
    sensitivity_label: rng.pick(LABELS),
    personal_data: personal,
    special_categories: personal && rng.chance(0.2) ? ['health'] : [],
    tags: Array.from({ length: rng.int(0, 3) }, () => rng.pick(TAGS)),
    last_reviewed: rng.chance(0.5) ? `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}` : undefined,
  };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function schemaExists(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    return found.rowCount === 1;
  } finally {
    await client.end();
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
