import { actionsFromFailures } from '../src/modules/scorecard/actions.js';
import { computeScorecard, findFailures } from '../src/modules/scorecard/compute-scorecard.js';
import { defaultControls } from '../src/modules/scorecard/default-controls.js';
import { generateAssets } from '../src/modules/scorecard/testing/generate-assets.js';
import { measure, row } from './measure.js';

const ASSETS = 100_000;
const AS_OF = '2026-12-01';

/**
 * The pure part of the Data Health Scorecard at 100,000 assets in 200 offices and 9 regions: the six
 * default controls evaluated for every asset and tallied per group (goal: under 1 s), and the failures
 * with their reasons turned into actions. Loading the assets from the database is not included.
 */
export async function benchScorecard(): Promise<void> {
  const started = process.hrtime.bigint();
  const assets = generateAssets(ASSETS, { offices: 200, regions: 9, asOf: AS_OF });
  console.log(
    `generated ${ASSETS} assets in ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`,
  );
  const controls = defaultControls();
  const options = { asOf: AS_OF, controls };

  let summary = '';
  for (const by of ['office', 'region', 'department', 'organisation'] as const) {
    const cpu = process.cpuUsage();
    const result = await measure(11, async () => computeScorecard(assets, { ...options, by }));
    console.log(`${row(`computeScorecard by ${by}`, result)}  cpu ${cpuPerRun(cpu, 12)} ms/run`);
    if (by === 'office') {
      const scorecard = computeScorecard(assets, { ...options, by });
      summary = `${scorecard.groups.length} office groups, overall ${scorecard.overall.score} (${scorecard.overall.band})`;
    }
  }
  const cpu = process.cpuUsage();
  const failures = await measure(11, async () => findFailures(assets, options));
  console.log(`${row('findFailures (with reasons)', failures)}  cpu ${cpuPerRun(cpu, 12)} ms/run`);
  const found = findFailures(assets, options);
  const actions = await measure(11, async () => actionsFromFailures(found, options));
  console.log(row('actionsFromFailures', actions));
  const count = actionsFromFailures(found, options).length;
  console.log(`${summary}; ${found.length} assets with a failing control, ${count} actions`);
}

/** CPU time (user + system) per run since `since`: steadier than wall time on a shared machine. */
function cpuPerRun(since: NodeJS.CpuUsage, runs: number): string {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1000 / runs).toFixed(1);
}
