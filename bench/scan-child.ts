/**
 * One timed scan in a process of its own (so that its peak RSS is the scan's): prints
 * `{ wall, cpu, baseRss, peakRss, rows, errors }` as JSON (CPU of the whole process: every thread).
 * Used by scan.bench.ts. Arguments: FILE MODE [dist]. MODE is `sample`, `full` (`--full` with one
 * thread per core, as the compiled command runs it; from the sources the command keeps one thread,
 * see DEFAULT_PARALLEL) or `full-1` (`--full` in one thread); `dist` runs the compiled build
 * (`npm run build:server`) instead of the TypeScript sources, as the installed command does.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Clock from '../src/core/clock.js';
import type * as LabelPolicy from '../src/modules/classification/label-policy.js';
import type * as Scan from '../src/modules/classification/scan.js';

const [file, mode, build] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = async <T>(module: string): Promise<T> =>
  (await import(
    build === 'dist' ? pathToFileURL(path.join(root, 'dist/src', `${module}.js`)).href : `../src/${module}.js`
  )) as T;
const { systemClock } = await load<typeof Clock>('core/clock');
const { loadLabelPolicy } = await load<typeof LabelPolicy>('modules/classification/label-policy');
const { createScanRunner, DEFAULT_PARALLEL } = await load<typeof Scan>('modules/classification/scan');

const threads = { ...DEFAULT_PARALLEL, threads: os.availableParallelism() };
const scan = createScanRunner({ clock: systemClock, parallel: mode === 'full-1' ? null : threads });
const policy = loadLabelPolicy();
const baseRss = process.memoryUsage().rss;
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const report = await scan([{ kind: 'path', path: file! }], {
  sampling: mode === 'sample' ? { kind: 'sample', size: 1000 } : { kind: 'full' },
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
