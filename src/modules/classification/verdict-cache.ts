/** Bit added to a cached verdict when the detector's signal (e.g. protection) was also seen. */
export const SIGNALLED = 8;

const CACHE_ENTRIES = 1024;
const CACHE_VALUE_CHARS = 64;
/** Lookups before judging whether the cache pays: fewer than one hit in five switches it off. */
const CACHE_TRIAL = 10_000;

/**
 * Verdicts of recently seen values: categorical columns (sex, district, dates, statuses) repeat a
 * few values millions of times, so each distinct value is checked once. Bounded (1,024 values of
 * at most 64 characters) and switched off when a column's values rarely repeat (ids, phones).
 */
export class VerdictCache {
  private readonly entries = new Map<string, Uint8Array>();
  private lookups = 0;
  private hits = 0;
  private enabled = true;

  lookup(value: string): Uint8Array | undefined {
    if (!this.enabled) return undefined;
    this.lookups++;
    // A value too long to be kept is never found: no need to hash it.
    const found = value.length <= CACHE_VALUE_CHARS ? this.entries.get(value) : undefined;
    if (found) this.hits++;
    else if (
      this.entries.size >= CACHE_ENTRIES &&
      this.lookups >= CACHE_TRIAL &&
      this.hits * 5 < this.lookups
    ) {
      this.enabled = false;
      this.entries.clear();
    }
    return found;
  }

  /** Whether a value not found would be kept: only then is a new verdict array worth allocating. */
  wants(value: string): boolean {
    return this.enabled && value.length <= CACHE_VALUE_CHARS && this.entries.size < CACHE_ENTRIES;
  }

  remember(value: string, verdicts: Uint8Array): void {
    if (this.wants(value)) this.entries.set(detach(value), verdicts);
  }
}

/**
 * A copy of `value` that does not keep alive the larger text it was sliced from (V8 shares the
 * characters of a substring with its parent): a value kept for the whole scan — in a sample or this
 * cache — must not pin a megabyte chunk of the file it came from.
 */
export function detach(value: string): string {
  return (' ' + value).slice(1);
}
