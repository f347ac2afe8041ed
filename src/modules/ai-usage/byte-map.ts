/*
 * A hash map from byte strings (hosts, user names as a log writes them) to integers, looked up
 * without turning the bytes into a JavaScript string: the bytes are hashed (FNV-1a) and compared
 * in place, and copied once, into an arena, when they are added. Each slot holds the hash, the
 * key's place in the arena, its length and the value side by side, so a lookup touches one slot
 * and the key's bytes: two cache lines. The ingestion's hot loop uses it for the host → app and
 * raw user → user number caches.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
/** What `get` answers for bytes that were never `set`. */
export const MISSING = -0x80000000;

const SLOT = 4;
const HASH = 0;
const START = 1;
const LENGTH = 2;
const VALUE = 3;
const EMPTY = -1;

/** FNV-1a over `buf[start, end)`, as a signed 32-bit integer. */
export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
  return hash;
}

export class ByteMap {
  private table: Int32Array;
  private mask: number;
  private arena: Buffer;
  private arenaUsed = 0;
  private count = 0;
  /** Where the last `get` miss would go, and its hash, for the `set` that follows. */
  private pendingSlot = 0;
  private pendingHash = 0;

  constructor(initialSlots = 1024) {
    const slots = nextPowerOfTwo(Math.max(16, initialSlots));
    this.table = new Int32Array(slots * SLOT).fill(EMPTY);
    this.mask = slots - 1;
    this.arena = Buffer.allocUnsafe(slots * 16);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held (table and arena). */
  get bytes(): number {
    return this.table.byteLength + this.arena.length;
  }

  /** The value of `buf[start, end)` whose fnv1a is `hash`, or MISSING. */
  get(buf: Uint8Array, start: number, end: number, hash: number): number {
    const table = this.table;
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * SLOT;
      const keyLength = table[at + LENGTH]!;
      if (keyLength === EMPTY) {
        this.pendingSlot = slot;
        this.pendingHash = hash;
        return MISSING;
      }
      if (
        table[at + HASH] === hash &&
        keyLength === length &&
        this.sameBytes(table[at + START]!, buf, start, length)
      )
        return table[at + VALUE]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Add `buf[start, end)` → `value` right after `get` reported it MISSING. */
  set(buf: Uint8Array, start: number, end: number, value: number): void {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + length));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    const keyStart = this.arenaUsed;
    for (let i = 0; i < length; i += 1) this.arena[keyStart + i] = buf[start + i]!;
    this.arenaUsed += length;
    const at = this.pendingSlot * SLOT;
    this.table[at + HASH] = this.pendingHash;
    this.table[at + START] = keyStart;
    this.table[at + LENGTH] = length;
    this.table[at + VALUE] = value;
    this.count += 1;
    // At most 3/4 full: four slots share a 64-byte cache line, so short probe runs stay cheap
    // and the table stays small enough to remain in cache.
    if (this.count * 4 > (this.mask + 1) * 3) this.grow();
  }

  /** Forget everything (the host cache does so when it reaches its bound). */
  clear(): void {
    this.table.fill(EMPTY);
    this.count = 0;
    this.arenaUsed = 0;
  }

  private sameBytes(at: number, buf: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let i = 0; i < length; i += 1) if (arena[at + i] !== buf[start + i]) return false;
    return true;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    this.table = new Int32Array(slots * SLOT).fill(EMPTY);
    this.mask = slots - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + LENGTH] === EMPTY) continue;
      let slot = old[at + HASH]! & this.mask;
      while (this.table[slot * SLOT + LENGTH] !== EMPTY) slot = (slot + 1) & this.mask;
      this.table.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}
