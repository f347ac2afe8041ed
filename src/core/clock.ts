/** The only source of "now": injected so tests and `--as-of` are deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set: (next: string) => {
      current = new Date(next);
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
