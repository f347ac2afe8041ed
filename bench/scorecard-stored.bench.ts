import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { createServices } from '../src/app/services.js';
import type { RequestContext } from '../src/core/audit.js';
import { fixedClock } from '../src/core/clock.js';
import { systemActor } from '../src/core/permissions.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ScorecardRepository } from '../src/modules/scorecard/scorecard.repository.js';
import { load } from './asset-search.bench.js';
import { measure, row } from './measure.js';

/**
 * The Data Health Scorecard end to end on SQLite (a file, as `custos serve` uses it) at 100,000 assets in
 * 200 offices: reading the assets from the database (the columns scoring needs, with office, region and
 * department names) and scoring them, as GET /api/scorecard does; then the snapshots with the actions
 * they open or close, and asset search by failing control. Goal of issue 3: the scorecard under 1 s.
 */
export async function benchScorecardStored(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-scorecard-'));
  const db = openDb(`sqlite:${path.join(dir, 'custos.db')}`);
  try {
    await migrateToLatest(db);
    const clock = fixedClock('2026-12-01T06:00:00.000Z');
    const services = createServices(db, clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    const ctx: RequestContext = { actor: systemActor('bench'), requestId: null };
    await load(services, ctx);

    const repo = new ScorecardRepository(db.kysely);
    console.log(
      row('read 100,000 scored assets', await measure(5, () => repo.scoredAssets({ scope: undefined }))),
    );
    for (const by of ['office', 'region', 'organisation'] as const) {
      const cpu = process.cpuUsage();
      const result = await measure(5, () => services.scorecard.scorecard(ctx, { by }));
      const used = process.cpuUsage(cpu);
      console.log(
        `${row(`scorecard by ${by} (read + score)`, result)}  cpu ${((used.user + used.system) / 6000).toFixed(1)} ms/run`,
      );
    }
    const card = await services.scorecard.scorecard(ctx, { by: 'office' });
    console.log(`${card.groups.length} office groups, overall ${card.overall.score} (${card.overall.band})`);

    let started = process.hrtime.bigint();
    const first = await services.scorecardSnapshots.take(ctx);
    console.log(`first snapshot: ${ms(started)} ms, ${JSON.stringify(first.actions)}`);
    started = process.hrtime.bigint();
    const again = await services.scorecardSnapshots.take(ctx);
    console.log(`same-day re-run: ${ms(started)} ms, ${JSON.stringify(again.actions)}`);
    clock.set('2026-12-02T06:00:00.000Z');
    started = process.hrtime.bigint();
    const next = await services.scorecardSnapshots.take(ctx);
    console.log(`next day: ${ms(started)} ms, ${JSON.stringify(next.actions)}`);

    const failing = await measure(11, () =>
      services.assets.list(ctx, { control_failing: 'access_review', limit: 50 }),
    );
    console.log(row('asset search control_failing=access_review', failing));
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function ms(since: bigint): string {
  return (Number(process.hrtime.bigint() - since) / 1e6).toFixed(0);
}
