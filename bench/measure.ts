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
