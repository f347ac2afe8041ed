/*
 * A hash map from byte strings (hosts, user names as a log writes them) to integers, looked up
 * without turning the bytes into a JavaScript string: the bytes are hashed (FNV-1a) and compared
 * in place. Each slot is one 64-byte cache line holding the hash, the length, the value and the
 * first 48 bytes of the key, so looking up a host name (nearly always shorter) touches a single
 * cache line; longer keys keep their remaining bytes in an arena. Comparison is exact.
 * The ingestion's hot loop uses it for the host → app and raw user → user number caches.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
/** What `get` answers for bytes that were never `set`. */
export const MISSING = -0x80000000;

const SLOT_BYTES = 64;
const SLOT_INTS = SLOT_BYTES / 4;
const HASH = 0;
const LENGTH = 1;
const VALUE = 2;
const ARENA_START = 3;
const INLINE_OFFSET = 16;
const INLINE_BYTES = SLOT_BYTES - INLINE_OFFSET;
const EMPTY = -1;

/** FNV-1a over `buf[start, end)`, as a signed 32-bit integer. */
export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
  return hash;
}

export class ByteMap {
  private ints: Int32Array;
  private bytes: Uint8Array;
  private mask: number;
  /** The bytes of keys beyond their first 48. */
  private arena: Buffer = Buffer.allocUnsafe(1024);
  private arenaUsed = 0;
  private count = 0;
  /** Where the last `get` miss would go, and its hash, for the `set` that follows. */
  private pendingSlot = 0;
  private pendingHash = 0;

  constructor(initialSlots = 1024) {
    let slots = 16;
    while (slots < initialSlots) slots *= 2;
    this.mask = slots - 1;
    [this.ints, this.bytes] = emptyTable(slots);
  }

  get size(): number {
    return this.count;
  }

  /** The value of `buf[start, end)` whose fnv1a is `hash`, or MISSING. */
  get(buf: Uint8Array, start: number, end: number, hash: number): number {
    const ints = this.ints;
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * SLOT_INTS;
      const keyLength = ints[at + LENGTH]!;
      if (keyLength === EMPTY) {
        this.pendingSlot = slot;
        this.pendingHash = hash;
        return MISSING;
      }
      if (ints[at + HASH] === hash && keyLength === length && this.sameKey(slot, buf, start, length))
        return ints[at + VALUE]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Add `buf[start, end)` → `value` right after `get` reported it MISSING. */
  set(buf: Uint8Array, start: number, end: number, value: number): void {
    const length = end - start;
    const slot = this.pendingSlot;
    const at = slot * SLOT_INTS;
    this.ints[at + HASH] = this.pendingHash;
    this.ints[at + LENGTH] = length;
    this.ints[at + VALUE] = value;
    const inline = Math.min(length, INLINE_BYTES);
    const offset = slot * SLOT_BYTES + INLINE_OFFSET;
    for (let i = 0; i < inline; i += 1) this.bytes[offset + i] = buf[start + i]!;
    if (length > INLINE_BYTES) {
      const rest = length - INLINE_BYTES;
      if (this.arenaUsed + rest > this.arena.length) {
        const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + rest));
        this.arena.copy(bigger, 0, 0, this.arenaUsed);
        this.arena = bigger;
      }
      for (let i = 0; i < rest; i += 1) this.arena[this.arenaUsed + i] = buf[start + INLINE_BYTES + i]!;
      this.ints[at + ARENA_START] = this.arenaUsed;
      this.arenaUsed += rest;
    }
    this.count += 1;
    // At most 3/4 full, so that probe runs stay short.
    if (this.count * 4 > (this.mask + 1) * 3) this.grow();
  }

  /** Forget everything (the host cache does so when it reaches its bound). */
  clear(): void {
    this.bytes.fill(0xff);
    this.count = 0;
    this.arenaUsed = 0;
  }

  private sameKey(slot: number, buf: Uint8Array, start: number, length: number): boolean {
    const bytes = this.bytes;
    const offset = slot * SLOT_BYTES + INLINE_OFFSET;
    const inline = length < INLINE_BYTES ? length : INLINE_BYTES;
    for (let i = 0; i < inline; i += 1) if (bytes[offset + i] !== buf[start + i]) return false;
    if (length <= INLINE_BYTES) return true;
    const arena = this.arena;
    const from = this.ints[slot * SLOT_INTS + ARENA_START]!;
    for (let i = INLINE_BYTES; i < length; i += 1)
      if (arena[from + i - INLINE_BYTES] !== buf[start + i]) return false;
    return true;
  }

  private grow(): void {
    const oldBytes = this.bytes;
    const oldInts = this.ints;
    const slots = (this.mask + 1) * 2;
    this.mask = slots - 1;
    [this.ints, this.bytes] = emptyTable(slots);
    for (let old = 0; old < oldInts.length / SLOT_INTS; old += 1) {
      if (oldInts[old * SLOT_INTS + LENGTH] === EMPTY) continue;
      let slot = oldInts[old * SLOT_INTS + HASH]! & this.mask;
      while (this.ints[slot * SLOT_INTS + LENGTH] !== EMPTY) slot = (slot + 1) & this.mask;
      this.bytes.set(oldBytes.subarray(old * SLOT_BYTES, (old + 1) * SLOT_BYTES), slot * SLOT_BYTES);
    }
  }
}

/** A table of empty slots: every byte 0xff makes every LENGTH -1. */
function emptyTable(slots: number): [Int32Array, Uint8Array] {
  const buffer = new ArrayBuffer(slots * SLOT_BYTES);
  const bytes = new Uint8Array(buffer).fill(0xff);
  return [new Int32Array(buffer), bytes];
}
