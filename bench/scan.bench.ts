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
 * is measured: sample mode (the default, 1,000 values per column) and `--full` (every value checked).
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

function scanOnce(file: string, mode: 'sample' | 'full'): ChildResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scan-child.ts', file, mode], {
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
    const bytes = await generateCsv(file, size);
    console.log(
      `${mb(bytes).toFixed(0)} MB CSV, ${BENEFICIARY_HEADERS.length} columns; ${runs} timed run(s) each, medians`,
    );
    const results: Record<string, ChildResult[]> = { sample: [], full: [] };
    for (const mode of ['sample', 'full'] as const) {
      for (let i = 0; i < runs; i++) results[mode]!.push(scanOnce(file, mode));
      const r = results[mode]!;
      const wall = median(r.map((x) => x.wall));
      const cpu = median(r.map((x) => x.cpu));
      console.log(
        `custos scan ${mode === 'full' ? '--full' : '(sample) '}: wall ${wall.toFixed(0)} ms (${rate(bytes, wall)}), cpu ${cpu.toFixed(0)} ms (${rate(bytes, cpu)}), ` +
          `peak RSS ${mb(median(r.map((x) => x.peakRss))).toFixed(0)} MB (${mb(median(r.map((x) => x.baseRss))).toFixed(0)} MB before reading), ` +
          `${r[0]!.rows} rows, ${r[0]!.errors.length} error(s)`,
      );
    }
    if (!fs.existsSync(RG)) {
      console.log(`ripgrep: not installed at ${RG}, no ceiling measured`);
      return;
    }
    ripgrepOnce(file); // warm the page cache the same way the scans did
    const rg = Array.from({ length: Math.max(3, runs) }, () => ripgrepOnce(file));
    const rgWall = median(rg.map((x) => x.wall));
    const rgCpu = rg.every((x) => x.cpu !== null) ? median(rg.map((x) => x.cpu!)) : null;
    const fullWall = median(results.full!.map((x) => x.wall));
    const fullCpu = median(results.full!.map((x) => x.cpu));
    const sampleWall = median(results.sample!.map((x) => x.wall));
    console.log(
      `ripgrep (${RG_PATTERNS.length} patterns, ${rg[0]!.lines} matching lines): wall ${rgWall.toFixed(0)} ms (${rate(bytes, rgWall)})` +
        (rgCpu !== null ? `, cpu ${rgCpu.toFixed(0)} ms (${rate(bytes, Math.max(rgCpu, 1))})` : ''),
    );
    console.log(
      `ratio: custos scan --full takes ${(fullWall / rgWall).toFixed(1)}× ripgrep's wall time` +
        (rgCpu !== null ? ` and ${(fullCpu / Math.max(rgCpu, 1)).toFixed(1)}× its CPU time` : '') +
        `; sample mode ${(sampleWall / rgWall).toFixed(1)}× its wall time`,
    );
  } finally {
    fs.rmSync(file, { force: true });
  }
}
