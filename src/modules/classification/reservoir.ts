import { Prng } from '../../core/prng.js';
/**
 * Uniform sampling of up to `size` items from a stream of unknown length in bounded memory
 * (Li's "Algorithm L", ACM TOMS 1994): after the reservoir fills, it draws how many items to
 * skip instead of a random number per item, so a long stream costs little beyond counting.
 * Seeded, so the same stream and seed give the same sample (tests, repeatable scans).
 */
export class Reservoir<T> {
  private readonly items: T[] = [];
  private readonly random: () => number;
  private seen = 0;
  private w = 1;
  private nextPick = 0;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`Reservoir size must be a positive integer, got ${size}`);
    this.random = seededRandom(seed);
  }

  /**
   * Offer the next item of the stream; `keep` turns an item that is kept into what is stored (e.g.
   * a copy that does not hold on to the buffer it was cut from), so skipped items cost nothing.
   */
  offer(item: T, keep?: (item: T) => T): void {
    const index = this.seen++;
    if (index < this.size) {
      this.items.push(keep ? keep(item) : item);
      if (index === this.size - 1) this.advance();
      return;
    }
    if (index === this.nextPick) {
      this.items[Math.floor(this.random() * this.size)] = keep ? keep(item) : item;
      this.advance();
    }
  }

  /** Items offered so far. */
  get offered(): number {
    return this.seen;
  }

  /** The sample: every item when fewer than `size` were offered, else `size` of them. */
  sample(): readonly T[] {
    return this.items;
  }

  private advance(): void {
    this.w *= Math.exp(Math.log(this.positiveRandom()) / this.size);
    const skip = Math.floor(Math.log(this.positiveRandom()) / Math.log(1 - this.w));
    this.nextPick = this.seen + (Number.isFinite(skip) ? skip : Number.MAX_SAFE_INTEGER);
  }

  private positiveRandom(): number {
    let r = this.random();
    while (r === 0) r = this.random();
    return r;
  }
}

/** A seeded [0, 1) generator for reproducible samples (the shared core PRNG). */
export function seededRandom(seed: number): () => number {
  const prng = new Prng(Math.trunc(seed));
  return () => prng.next();
}
