/** Time `work` `runs` times after one warm-up run; report the median and the spread in milliseconds. */
export async function measure(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ median: number; min: number; max: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! };
}

export function row(label: string, result: { median: number; min: number; max: number }): string {
  return `${label.padEnd(48)} median ${result.median.toFixed(2).padStart(8)} ms  (min ${result.min.toFixed(2)}, max ${result.max.toFixed(2)})`;
}

export interface LoadResult {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  /** Requests answered per second over the whole run. */
  throughput: number;
}

/**
 * `clients` callers at once, each sending `perClient` requests one after the other (after one
 * warm-up request each): latency percentiles in milliseconds, as each caller saw them (waiting for a
 * connection included), and the throughput of the whole run.
 */
export async function underLoad(
  clients: number,
  perClient: number,
  work: (request: number) => Promise<unknown>,
): Promise<LoadResult> {
  await Promise.all(Array.from({ length: clients }, (_, client) => work(client)));
  const times: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i += 1) {
        const start = process.hrtime.bigint();
        await work(client * perClient + i);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return {
    requests: times.length,
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    throughput: times.length / seconds,
  };
}

export function loadRow(label: string, result: LoadResult): string {
  return `${label.padEnd(52)} p50 ${result.p50.toFixed(2).padStart(8)} ms  p95 ${result.p95.toFixed(2).padStart(8)} ms  max ${result.max.toFixed(2).padStart(8)} ms  ${result.throughput.toFixed(0).padStart(6)} req/s`;
}
