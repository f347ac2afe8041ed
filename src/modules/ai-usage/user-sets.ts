/*
 * Sets of stored user numbers, packed: each day × app × department × office roll-up keeps the
 * users behind it as one value, the sorted distinct numbers (usage_users.id, which stands for a
 * pseudonym) as unsigned 32-bit little-endian integers. Distinct users over any period are counted
 * here, in memory, by merging those sets. Pure: no I/O.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export const EMPTY_USER_SET = new Uint32Array(0);

/** Pack sorted distinct numbers into the stored value. */
export function packUserSet(ids: Uint32Array): Buffer {
  const packed = Buffer.allocUnsafe(ids.length * 4);
  if (LITTLE_ENDIAN) packed.set(new Uint8Array(ids.buffer, ids.byteOffset, ids.length * 4));
  else for (let i = 0; i < ids.length; i += 1) packed.writeUInt32LE(ids[i]!, i * 4);
  return packed;
}

/** The numbers of a stored value (a view on it when it is aligned, a copy otherwise). */
export function unpackUserSet(packed: Uint8Array): Uint32Array {
  if (packed.length % 4 !== 0)
    throw new Error(`A packed user set has ${packed.length} bytes, not a multiple of 4`);
  const length = packed.length / 4;
  if (length === 0) return EMPTY_USER_SET;
  if (LITTLE_ENDIAN && packed.byteOffset % 4 === 0)
    return new Uint32Array(packed.buffer, packed.byteOffset, length);
  const ids = new Uint32Array(length);
  const view = new DataView(packed.buffer, packed.byteOffset, packed.length);
  for (let i = 0; i < length; i += 1) ids[i] = view.getUint32(i * 4, true);
  return ids;
}

/** The union of two sorted sets, sorted. */
export function mergeUserSets(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const merged = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      merged[n++] = x;
      i += 1;
    } else if (y < x) {
      merged[n++] = y;
      j += 1;
    } else {
      merged[n++] = x;
      i += 1;
      j += 1;
    }
  }
  while (i < a.length) merged[n++] = a[i++]!;
  while (j < b.length) merged[n++] = b[j++]!;
  return n === merged.length ? merged : merged.slice(0, n);
}

/** Sort numbers in place and check that none repeats (the sets hold distinct users). */
export function sortUserSet(ids: Uint32Array): Uint32Array {
  for (let i = 1; i < ids.length; i += 1)
    if (ids[i - 1]! >= ids[i]!) {
      ids.sort();
      break;
    }
  for (let i = 1; i < ids.length; i += 1)
    if (ids[i - 1] === ids[i]) throw new Error(`User ${ids[i]} appears twice in one set`);
  return ids;
}

/**
 * Distinct users per group, fed one set at a time: a bit per user in each group, so memory is
 * bounded by groups × users / 8, not by the number of sets (rows) read.
 */
export class UserTally<K> {
  private readonly bits = new Map<K, Uint32Array>();

  add(key: K, set: Uint32Array): void {
    if (set.length === 0) return;
    const needed = (set[set.length - 1]! >>> 5) + 1;
    let words = this.bits.get(key);
    if (!words || words.length < needed) {
      const grown = new Uint32Array(Math.max(needed, words ? words.length * 2 : 64));
      if (words) grown.set(words);
      words = grown;
      this.bits.set(key, words);
    }
    for (let i = 0; i < set.length; i += 1) {
      const user = set[i]!;
      words[user >>> 5] = words[user >>> 5]! | (1 << (user & 31));
    }
  }

  /** Distinct users of a group (0 for a group never given a user). */
  count(key: K): number {
    const words = this.bits.get(key);
    let count = 0;
    if (words)
      for (let i = 0; i < words.length; i += 1) {
        // Population count of a 32-bit word.
        let w = words[i]!;
        w -= (w >>> 1) & 0x55555555;
        w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
        count += Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
      }
    return count;
  }

  /** Every group given at least one user, with its count. */
  counts(): Map<K, number> {
    return new Map([...this.bits.keys()].map((key) => [key, this.count(key)]));
  }
}

/** Distinct users per group: `groupOf` names the group of each set (undefined leaves it out). */
export function distinctUsersBy<T, K>(
  rows: readonly T[],
  setOf: (row: T) => Uint32Array,
  groupOf: (row: T) => K | undefined,
): Map<K, number> {
  const tally = new UserTally<K>();
  for (const row of rows) {
    const key = groupOf(row);
    if (key !== undefined) tally.add(key, setOf(row));
  }
  return tally.counts();
}

/** Distinct users over the rows `include` keeps (all of them by default). */
export function distinctUsers<T>(
  rows: readonly T[],
  setOf: (row: T) => Uint32Array,
  include: (row: T) => boolean = () => true,
): number {
  return distinctUsersBy(rows, setOf, (row) => (include(row) ? true : undefined)).get(true) ?? 0;
}
