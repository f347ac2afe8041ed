/** Bit added to a cached verdict when the detector's signal (e.g. protection) was also seen. */
export const SIGNALLED = 8;

const CACHE_ENTRIES = 1024;
const CACHE_VALUE_CHARS = 64;
/** Slots of an empty table (a power of two); it doubles whenever it is half full. */
const MIN_SLOTS = 16;
/** Lookups before judging whether the cache pays: fewer than one hit in five switches it off. */
const CACHE_TRIAL = 10_000;

/**
 * Verdicts of recently seen values: categorical columns (sex, district, dates, statuses) repeat a
 * few values millions of times, so each distinct value is checked once. Bounded (1,024 values of
 * at most 64 characters) and switched off when a column's values rarely repeat (ids, phones).
 */
export class VerdictCache {
  /*
   * An open-addressing table (linear probing, at least twice as many slots as entries, grown as
   * entries come) hashed by a short loop over the characters: cheaper than a Map, whose hash of
   * each new string (every cell is a fresh slice of the file) costs a call into the engine.
   */
  private keys: (string | undefined)[] = emptySlots(MIN_SLOTS);
  private verdicts: (Uint8Array | undefined)[] = emptySlots(MIN_SLOTS);
  private size = 0;
  private lookups = 0;
  private hits = 0;
  private enabled = true;

  lookup(value: string): Uint8Array | undefined {
    if (!this.enabled) return undefined;
    this.lookups++;
    // A value too long to be kept is never found: no need to hash it.
    const found = value.length <= CACHE_VALUE_CHARS ? this.verdicts[this.slotOf(value)] : undefined;
    if (found) this.hits++;
    else if (this.size >= CACHE_ENTRIES && this.lookups >= CACHE_TRIAL && this.hits * 5 < this.lookups) {
      this.enabled = false;
      this.keys = [];
      this.verdicts = [];
    }
    return found;
  }

  /** Whether a value not found would be kept: only then is a new verdict array worth allocating. */
  wants(value: string): boolean {
    return this.enabled && value.length <= CACHE_VALUE_CHARS && this.size < CACHE_ENTRIES;
  }

  remember(value: string, verdicts: Uint8Array): void {
    if (!this.wants(value)) return;
    const slot = this.slotOf(value);
    if (this.keys[slot] === undefined) {
      this.keys[slot] = detach(value);
      this.size++;
    }
    this.verdicts[slot] = verdicts;
    if (2 * this.size > this.keys.length) this.grow();
  }

  private grow(): void {
    const keys = this.keys;
    const verdicts = this.verdicts;
    this.keys = emptySlots(2 * keys.length);
    this.verdicts = emptySlots(2 * keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === undefined) continue;
      const slot = this.slotOf(key);
      this.keys[slot] = key;
      this.verdicts[slot] = verdicts[i];
    }
  }

  /** The slot holding `value`, or the empty slot where it would go. */
  private slotOf(value: string): number {
    let hash = value.length;
    for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x9e3779b1);
    const mask = this.keys.length - 1;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined || key === value) return slot;
      slot = (slot + 1) & mask;
    }
  }
}

function emptySlots<T>(length: number): (T | undefined)[] {
  return new Array<T | undefined>(length).fill(undefined);
}

/**
 * A copy of `value` that does not keep alive the larger text it was sliced from (V8 shares the
 * characters of a substring with its parent): a value kept for the whole scan — in a sample or this
 * cache — must not pin a megabyte chunk of the file it came from.
 */
export function detach(value: string): string {
  return (' ' + value).slice(1);
}
