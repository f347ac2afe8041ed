import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { openRuntime } from '../src/app/runtime.js';
import { systemActor } from '../src/core/permissions.js';
import { loadShippedCatalogue } from '../src/modules/ai-usage/catalogue.js';
import { readDirectory } from '../src/modules/ai-usage/directory.js';
import { DEFAULT_SYNTHETIC, writeSyntheticDirectory, writeSyntheticSquidLog } from './ai-usage-generator.js';

/*
 * AI usage ingestion on a synthetic 2,000,000-line Squid log: Custos's full path, `custos usage
 * ingest` through the service (read, SHA-256 fingerprint, parse, match to the catalogue, HMAC
 * pseudonyms, directory join, roll-ups, and committing them in one transaction to a fresh SQLite
 * database file for each run, with the alert rules evaluated into actions in that transaction), against a plain `mawk` one-liner that only counts hosts per user
 * on the same file. One warm-up run, then RUNS timed runs; medians of wall and CPU time. The
 * machine may be shared, so CPU time (user + system of this process) is the per-core measure.
 */

const RUNS = 3;
const BENCH_KEY = 'benchmark-key-benchmark-key-benchmark-key';
const MAWK_PROGRAM =
  '{ h = $7; sub(/^[a-z]+:\\/\\//, "", h); sub(/[:\\/].*$/, "", h); n[$8 " " h]++ } END { for (k in n) c++; print c }';

interface Timing {
  wallMs: number;
  cpuMs: number;
}

export async function benchAiUsageIngest(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-usage-'));
  const load = () =>
    os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ');
  console.log(`load average before: ${load()} (on ${os.cpus().length} cores)`);
  try {
    const catalogue = loadShippedCatalogue();
    const log = path.join(dir, 'access.log');
    const users = path.join(dir, 'users.csv');
    const started = Date.now();
    const aiLines = await writeSyntheticSquidLog(log, catalogue);
    writeSyntheticDirectory(users);
    const size = fs.statSync(log).size;
    console.log(
      `generated ${DEFAULT_SYNTHETIC.lines.toLocaleString('en-GB')} Squid lines (${(size / 2 ** 20).toFixed(0)} MiB, ${((100 * aiLines) / DEFAULT_SYNTHETIC.lines).toFixed(1)}% to AI hosts, ${DEFAULT_SYNTHETIC.users.toLocaleString('en-GB')} users) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const directory = await readDirectory(fs.createReadStream(users));
    const ctx = { actor: systemActor('bench'), requestId: null };

    let run = 0;
    let written = { daily: 0, user_days: 0 };
    const custos = async (): Promise<Timing> => {
      // A fresh database each run: the same file again would be skipped as already ingested.
      run += 1;
      const services = await openRuntime(
        loadConfig({ db: `sqlite:${path.join(dir, `custos-${run}.db`)}`, usageKey: BENCH_KEY }, {}),
      );
      try {
        const cpu = process.cpuUsage();
        const wall = process.hrtime.bigint();
        const result = await services.usageIngest.ingest(ctx, { path: log }, { format: 'auto', directory });
        const timing = elapsed(wall, cpu);
        if (result.status !== 'ingested' || result.events !== DEFAULT_SYNTHETIC.lines)
          throw new Error(`ingested ${result.events} events (${result.status})`);
        written = result.written;
        return timing;
      } finally {
        await services.db.close();
      }
    };
    await custos();
    const custosRuns: Timing[] = [];
    for (let i = 0; i < RUNS; i += 1) custosRuns.push(await custos());
    report('custos usage ingest (parse + match + HMAC + roll-up + commit to SQLite)', custosRuns);
    console.log(
      `  committed: ${written.daily} daily roll-up rows and ${written.user_days} user-day rows per run; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    );

    const mawk = findMawk();
    if (!mawk) {
      console.log('mawk is not installed (apt-get install -y mawk): no comparison');
      return;
    }
    const mawkRuns: Timing[] = [];
    let distinct = '';
    for (let i = 0; i < RUNS; i += 1) {
      const run = timeCommand(mawk, [MAWK_PROGRAM, log]);
      mawkRuns.push(run.timing);
      distinct = run.stdout.trim();
    }
    report(`mawk one-liner (hosts per user; ${distinct} pairs)`, mawkRuns);
    const custosMedian = median(custosRuns);
    const mawkMedian = median(mawkRuns);
    console.log(
      `  ratio: custos is ${(mawkMedian.wallMs / custosMedian.wallMs).toFixed(2)}× mawk by wall time, ${(mawkMedian.cpuMs / custosMedian.cpuMs).toFixed(2)}× by CPU time`,
    );
  } finally {
    console.log(`load average after: ${load()}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function elapsed(wall: bigint, cpu: NodeJS.CpuUsage): Timing {
  const used = process.cpuUsage(cpu);
  return { wallMs: Number(process.hrtime.bigint() - wall) / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

function median(runs: Timing[]): Timing {
  const pick = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { wallMs: pick(runs.map((r) => r.wallMs)), cpuMs: pick(runs.map((r) => r.cpuMs)) };
}

function report(label: string, runs: Timing[]): void {
  const m = median(runs);
  const best = Math.min(...runs.map((r) => r.cpuMs));
  const rate = (ms: number) =>
    ((DEFAULT_SYNTHETIC.lines / ms) * 1000).toLocaleString('en-GB', { maximumFractionDigits: 0 });
  console.log(label);
  console.log(
    `  median wall ${(m.wallMs / 1000).toFixed(2)} s (${rate(m.wallMs)} lines/s); median CPU ${(m.cpuMs / 1000).toFixed(2)} s (${rate(m.cpuMs)} lines/s per core); best CPU ${(best / 1000).toFixed(2)} s (${rate(best)} lines/s)`,
  );
  console.log(
    `  runs (wall / CPU s): ${runs.map((r) => `${(r.wallMs / 1000).toFixed(2)} / ${(r.cpuMs / 1000).toFixed(2)}`).join(', ')}`,
  );
}

function findMawk(): string | null {
  for (const candidate of ['/usr/bin/mawk', '/bin/mawk', '/usr/local/bin/mawk'])
    if (fs.existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v mawk'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** Run a command through bash's `time`, which reports the child's own user and system time. */
function timeCommand(command: string, args: string[]): { timing: Timing; stdout: string } {
  const quoted = [command, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ${quoted}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const [real, user, system] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { timing: { wallMs: real! * 1000, cpuMs: (user! + system!) * 1000 }, stdout: run.stdout };
}
