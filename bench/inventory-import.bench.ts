import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../src/app/config.js';
import { createServices } from '../src/app/services.js';
import type { RequestContext } from '../src/core/audit.js';
import { systemClock } from '../src/core/clock.js';
import { systemActor } from '../src/core/permissions.js';
import { Prng } from '../src/core/prng.js';
import { writeXlsx } from '../src/core/tabular/write-xlsx.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import {
  ASSET_TYPES,
  DATA_SUBJECTS,
  SENSITIVITY_LABELS,
  SPECIAL_CATEGORIES,
} from '../src/modules/inventory/asset.schema.js';
import { seedBenchOrganisation } from './asset-search.bench.js';
import { INVENTORY_TABLE, type InventoryRow } from '../src/modules/inventory/inventory-import.spec.js';

const ROWS = Number(process.env.CUSTOS_BENCH_IMPORT_ROWS ?? 100_000);
const TOPICS = ['Beneficiary', 'Health', 'Shelter', 'Protection', 'Education', 'Cash', 'Staff', 'Finance'];
const KINDS = ['registry', 'survey', 'assessment', 'case files', 'distribution list', 'payroll'];
const TAGS = ['cash', 'gbv', 'kobo', 'excel', 'sharepoint', 'monthly', 'baseline', 'donor-report'];

/**
 * Importing a 100,000-row XLSX into an empty inventory on SQLite (file, WAL) through the import
 * service, as `custos inventory import` runs it: streaming read, every row checked, one transaction
 * with one audit event per asset. Goal (issue 3): under 30 s and under 1 GB. Peak RSS is sampled
 * every 50 ms during the import. The file is synthetic and the same on every run (seeded PRNG).
 */
export async function benchInventoryImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-import-'));
  const db = openDb(`sqlite:${path.join(dir, 'custos.db')}`);
  try {
    await migrateToLatest(db);
    const services = createServices(db, systemClock, loadConfig({ db: 'sqlite::memory:' }, {}));
    const ctx: RequestContext = { actor: systemActor('bench'), requestId: null };
    const { offices, people } = await seedBenchOrganisation(services, ctx);
    const codes = offices.map((office) => office.code);
    const emails = people.map((person) => person.email);
    const file = path.join(dir, 'inventory.xlsx');
    let started = Date.now();
    await pipeline(writeXlsx(INVENTORY_TABLE, syntheticRows(codes, emails)), fs.createWriteStream(file));
    const size = fs.statSync(file).size;
    console.log(
      `wrote ${ROWS} rows, ${(size / 2 ** 20).toFixed(1)} MiB, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    for (const dryRun of [true, false]) {
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      started = Date.now();
      const cpu = process.cpuUsage();
      const report = await services.inventoryImport.import(ctx, fs.createReadStream(file), { dryRun });
      clearInterval(sampler);
      const seconds = (Date.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      if (report.issues.length > 0)
        throw new Error(`unexpected problems: ${JSON.stringify(report.issues.slice(0, 3))}`);
      console.log(
        `${dryRun ? 'dry run' : 'import '}  ${ROWS} rows: ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (created ${report.created})`,
      );
    }
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function* syntheticRows(codes: readonly string[], emails: readonly string[]): Generator<InventoryRow> {
  const rng = new Prng(7);
  for (let i = 0; i < ROWS; i++) {
    const office = i % codes.length;
    const staff = (k: number) => emails[office + codes.length * k]!;
    const personal = rng.chance(0.6);
    yield {
      name: `${rng.pick(TOPICS)} ${rng.pick(KINDS)} ${i}`,
      description: rng.chance(0.7) ? `Synthetic asset ${i} for the import benchmark` : undefined,
      asset_type: rng.pick(ASSET_TYPES),
      office_code: codes[office]!,
      data_owner_email: staff(0),
      data_custodian_email: staff(1),
      data_steward_email: rng.chance(0.5) ? staff(2) : undefined,
      focal_point_email: rng.chance(0.5) ? staff(3) : undefined,
      sensitivity_label: rng.chance(0.9) ? rng.pick(SENSITIVITY_LABELS) : undefined,
      personal_data: personal,
      special_categories: personal && rng.chance(0.3) ? [rng.pick(SPECIAL_CATEGORIES)] : undefined,
      data_subjects: personal ? [rng.pick(DATA_SUBJECTS)] : undefined,
      legal_basis: personal ? 'Vital interest' : undefined,
      purpose: 'Programme delivery',
      retention: rng.chance(0.5) ? '5 years' : undefined,
      hosting_location: rng.pick(['Azure West Europe', 'Nairobi server room', 'AWS eu-central-1']),
      tags: [rng.pick(TAGS), rng.pick(TAGS)],
      last_reviewed: `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
    };
  }
}
