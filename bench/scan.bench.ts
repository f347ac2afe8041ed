import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/modules/classification/reservoir.js';
import { BENEFICIARY_HEADERS, beneficiaryRow } from './classification.bench.js';

/*
 * `custos scan` on a large generated CSV (SCAN_BENCH_MB, default 500 MB, of the beneficiary-style
 * rows of the classification bench), each run in a child process of its own so that its peak RSS
 * is measured: sample mode (the default, 1,000 values per column), `--full` (every value checked, the
 * columns spread over one thread per core, as the compiled command does) and `--full` in one thread
 * (SCAN_BENCH_ONE_THREAD=0 skips it). CPU time is the whole process's (all threads); the load average is printed with each run.
 * In the same run, ripgrep (/usr/bin/rg) counts the lines matching a comparable pattern set (e-mail
 * addresses, phone numbers, IBAN-like strings, dates) on the same file: the ceiling of reading it.
 * SCAN_BENCH_RUNS (default 1) timed runs of each, medians printed.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RG = '/usr/bin/rg';
const RG_PATTERNS = [
  '[\\w.+-]+@[\\w-]+\\.[\\w.-]+', // e-mail
  '\\+?\\d[\\d ().-]{7,16}\\d', // phone
  '\\b[A-Z]{2}\\d{2}[A-Z0-9]{11,30}\\b', // IBAN-like
  '\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b', // date
];

interface ChildResult {
  wall: number;
  cpu: number;
  baseRss: number;
  peakRss: number;
  rows: number;
  errors: unknown[];
}

async function generateCsv(file: string, bytes: number): Promise<number> {
  const random = seededRandom(2026);
  const int = (n: number) => Math.floor(random() * n);
  const out = fs.createWriteStream(file);
  let written = 0;
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
  await write(`${BENEFICIARY_HEADERS.join(',')}\n`);
  for (let i = 0; written < bytes;) {
    const lines: string[] = [];
    for (let k = 0; k < 2000; k++, i++) lines.push(beneficiaryRow(i, int).join(','));
    const text = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(text);
    await write(text);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return fs.statSync(file).size;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

type Mode = 'sample' | 'full' | 'full-1';
const MODE_LABEL: Record<Mode, string> = {
  sample: 'custos scan (sample)          ',
  full: 'custos scan --full            ',
  'full-1': 'custos scan --full, one thread',
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** SCAN_BENCH_DIST=1: the scans run the compiled build (built first), as the installed `custos` does. */
const DIST = process.env.SCAN_BENCH_DIST === '1';

function scanOnce(file: string, mode: Mode): ChildResult {
  const args = ['--import', 'tsx', 'bench/scan-child.ts', file, mode, ...(DIST ? ['dist'] : [])];
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`scan child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

/** ripgrep under /usr/bin/time (when present) for its CPU time; wall time otherwise. */
function ripgrepOnce(file: string): { wall: number; cpu: number | null; lines: number } {
  const time = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const args = ['--no-config', '-c', ...RG_PATTERNS.flatMap((p) => ['-e', p]), file];
  const started = process.hrtime.bigint();
  const run = time
    ? spawnSync(time, ['-f', 'cpu %U %S', RG, ...args], { encoding: 'utf8' })
    : spawnSync(RG, args, { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`rg failed: ${run.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  return {
    wall,
    cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null,
    lines: Number(run.stdout.trim()),
  };
}

const mb = (bytes: number) => bytes / 1e6;
const rate = (bytes: number, ms: number) => `${(mb(bytes) / (ms / 1000)).toFixed(1)} MB/s`;

export async function benchScan(): Promise<void> {
  const size = Number(process.env.SCAN_BENCH_MB ?? 500) * 1e6;
  const runs = Number(process.env.SCAN_BENCH_RUNS ?? 1);
  const file = path.join(os.tmpdir(), `custos-scan-bench-${process.pid}.csv`);
  try {
    if (DIST) {
      const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
    }
    const bytes = await generateCsv(file, size);
    console.log(
      `${mb(bytes).toFixed(0)} MB CSV, ${BENEFICIARY_HEADERS.length} columns; ${runs} timed run(s) each, medians; ` +
        (DIST
          ? 'compiled build (dist/)'
          : 'TypeScript sources through tsx (SCAN_BENCH_DIST=1: compiled build)'),
    );
    const modes: Mode[] =
      process.env.SCAN_BENCH_ONE_THREAD === '0' ? ['sample', 'full'] : ['sample', 'full', 'full-1'];
    const results: Partial<Record<Mode, ChildResult[]>> = {};
    for (const mode of modes) {
      const r: ChildResult[] = [];
      const before = load();
      for (let i = 0; i < runs; i++) r.push(scanOnce(file, mode));
      results[mode] = r;
      const wall = median(r.map((x) => x.wall));
      const cpu = median(r.map((x) => x.cpu));
      console.log(
        `${MODE_LABEL[mode]}: wall ${wall.toFixed(0)} ms (${rate(bytes, wall)}), cpu ${cpu.toFixed(0)} ms (${rate(bytes, cpu)} per CPU), ` +
          `peak RSS ${mb(median(r.map((x) => x.peakRss))).toFixed(0)} MB (${mb(median(r.map((x) => x.baseRss))).toFixed(0)} MB before reading), ` +
          `${r[0]!.rows} rows, ${r[0]!.errors.length} error(s); load average ${before} → ${load()}`,
      );
    }
    if (!fs.existsSync(RG)) {
      console.log(`ripgrep: not found at ${RG} (apt-get install ripgrep), so no ceiling was measured`);
      return;
    }
    ripgrepOnce(file); // warm the page cache the same way the scans did
    const rgLoad = load();
    const rg = Array.from({ length: Math.max(3, runs) }, () => ripgrepOnce(file));
    const rgWall = median(rg.map((x) => x.wall));
    const rgCpu = rg.every((x) => x.cpu !== null) ? median(rg.map((x) => x.cpu!)) : null;
    const fullWall = median(results.full!.map((x) => x.wall));
    const fullCpu = median(results.full!.map((x) => x.cpu));
    const sampleWall = median(results.sample!.map((x) => x.wall));
    console.log(
      `ripgrep (${RG_PATTERNS.length} patterns, ${rg[0]!.lines} matching lines): wall ${rgWall.toFixed(0)} ms (${rate(bytes, rgWall)})` +
        (rgCpu !== null ? `, cpu ${rgCpu.toFixed(0)} ms (${rate(bytes, Math.max(rgCpu, 1))} per CPU)` : '') +
        `; load average ${rgLoad} → ${load()}`,
    );
    console.log(
      `ratio: custos scan --full takes ${(fullWall / rgWall).toFixed(1)}× ripgrep's wall time` +
        (rgCpu !== null ? ` and ${(fullCpu / Math.max(rgCpu, 1)).toFixed(1)}× its CPU time` : '') +
        `; sample mode ${(sampleWall / rgWall).toFixed(1)}× its wall time`,
    );
    console.log(
      `goal (--full at 100 MB/s wall): ${mb(bytes) / (fullWall / 1000) >= 100 ? 'met' : 'not met'} at ${rate(bytes, fullWall)}` +
        ` (${os.availableParallelism()} cores, load average ${load()})`,
    );
  } finally {
    fs.rmSync(file, { force: true });
  }
}
