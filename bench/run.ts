/**
 * `npm run bench`: run every benchmark and print medians. Results go to docs/PERFORMANCE.md by hand,
 * with the machine they were measured on. Never part of `npm test`.
 */
import os from 'node:os';
import { benchClassification } from './classification.bench.js';
import { benchAiUsageIngest } from './ai-usage-ingest.bench.js';
import { benchAssetSearch } from './asset-search.bench.js';
import { benchInventoryImport } from './inventory-import.bench.js';
import { benchPeopleSearch } from './people-search.bench.js';
import { benchScorecard } from './scorecard.bench.js';
import { benchScorecardStored } from './scorecard-stored.bench.js';
import { benchScan } from './scan.bench.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  'people-search': benchPeopleSearch,
  scorecard: benchScorecard,
  'scorecard-stored': benchScorecardStored,
  classification: benchClassification,
  'ai-usage-ingest': benchAiUsageIngest,
  'asset-search': benchAssetSearch,
  'inventory-import': benchInventoryImport,
  scan: benchScan,
};

console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n# ${name}`);
  await run();
}
