/*
 * A set of (a, b) pairs of non-negative 31-bit integers in one Int32Array (open addressing).
 * The roll-up keeps its distinct users this way, as (bucket, user) pairs, instead of one Set per
 * bucket: no object per bucket, no garbage, and 8 bytes per entry plus the empty slots.
 */

const EMPTY = -1;

export class PairSet {
  private table: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialSlots = 4096) {
    let slots = 16;
    while (slots < initialSlots) slots *= 2;
    this.table = new Int32Array(slots * 2).fill(EMPTY);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Add the pair; true when it was not there yet. */
  add(a: number, b: number): boolean {
    const table = this.table;
    let slot = mix(a, b) & this.mask;
    for (;;) {
      const at = slot * 2;
      const first = table[at]!;
      if (first === EMPTY) {
        table[at] = a;
        table[at + 1] = b;
        this.count += 1;
        if (this.count * 4 > (this.mask + 1) * 3) this.grow();
        return true;
      }
      if (first === a && table[at + 1] === b) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  has(a: number, b: number): boolean {
    let slot = mix(a, b) & this.mask;
    for (;;) {
      const at = slot * 2;
      const first = this.table[at]!;
      if (first === EMPTY) return false;
      if (first === a && this.table[at + 1] === b) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Every pair, in no particular order. */
  forEach(visit: (a: number, b: number) => void): void {
    const table = this.table;
    for (let at = 0; at < table.length; at += 2) if (table[at] !== EMPTY) visit(table[at]!, table[at + 1]!);
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    this.table = new Int32Array(slots * 2).fill(EMPTY);
    this.mask = slots - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === EMPTY) continue;
      let slot = mix(old[at]!, old[at + 1]!) & this.mask;
      while (this.table[slot * 2] !== EMPTY) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = old[at]!;
      this.table[slot * 2 + 1] = old[at + 1]!;
    }
  }
}

/** Spread two integers over 32 bits (a multiply–xorshift mix). */
function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
