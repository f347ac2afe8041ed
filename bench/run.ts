/**
 * `npm run bench`: run every benchmark and print medians. Results go to docs/PERFORMANCE.md by hand,
 * with the machine they were measured on. Never part of `npm test`.
 */
import os from 'node:os';
import { benchAssetSearch } from './asset-search.bench.js';
import { benchPeopleSearch } from './people-search.bench.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  'people-search': benchPeopleSearch,
  'asset-search': benchAssetSearch,
};

console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n# ${name}`);
  await run();
}
