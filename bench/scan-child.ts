/**
 * One timed scan in a process of its own (so that its peak RSS is the scan's): prints
 * `{ wall, cpu, baseRss, peakRss, rows, errors }` as JSON. Used by scan.bench.ts.
 */
import { loadLabelPolicy } from '../src/modules/classification/label-policy.js';
import { runScan } from '../src/modules/classification/scan.js';

const [file, mode] = process.argv.slice(2);
const policy = loadLabelPolicy();
const baseRss = process.memoryUsage().rss;
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const report = await runScan([{ kind: 'path', path: file! }], {
  sampling: mode === 'full' ? { kind: 'full' } : { kind: 'sample', size: 1000 },
  policy,
});
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    wall: Number(process.hrtime.bigint() - started) / 1e6,
    cpu: (used.user + used.system) / 1000,
    baseRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    rows: report.datasets[0]?.rows_scanned ?? 0,
    errors: report.errors,
  }),
);
