/** Where a periodic check reports: the server's logger. */
export interface PeriodicLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Run `check` shortly after start and then every `intervalMs`, one run at a time, for `custos serve`.
 * A run resolves to a line to log (null: nothing worth saying); a failure is logged as `<what> failed`
 * and the next run tries again. Timers do not keep the process alive.
 */
export function startPeriodic(
  what: string,
  check: () => Promise<string | null>,
  log: PeriodicLog,
  intervalMs: number,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= check()
      .then((message) => {
        if (message) log.info(message);
      })
      .catch((error: unknown) => {
        log.warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, 1000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    /** Stop checking; resolves once a run under way has finished (before the database closes). */
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
