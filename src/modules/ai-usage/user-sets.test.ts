import { describe, expect, it } from 'vitest';
import {
  distinctUsers,
  distinctUsersBy,
  mergeUserSets,
  packUserSet,
  sortUserSet,
  unpackUserSet,
  UserTally,
} from './user-sets.js';

const set = (...ids: number[]) => new Uint32Array(ids);

describe('packed user sets', () => {
  it.each([[[]], [[1]], [[1, 2, 70_000, 4_294_967_295]]])('pack and unpack %j unchanged', (ids) => {
    const packed = packUserSet(set(...ids));
    expect(packed.length).toBe(ids.length * 4);
    expect([...unpackUserSet(packed)]).toEqual(ids);
  });

  it('stores 32-bit little-endian numbers, and reads them from an unaligned buffer too', () => {
    expect([...packUserSet(set(1, 258))]).toEqual([1, 0, 0, 0, 2, 1, 0, 0]);
    const unaligned = Buffer.concat([Buffer.from([9]), packUserSet(set(3, 500))]).subarray(1);
    expect(unaligned.byteOffset % 4).not.toBe(0);
    expect([...unpackUserSet(unaligned)]).toEqual([3, 500]);
    expect(() => unpackUserSet(Buffer.from([1, 2, 3]))).toThrow(/multiple of 4/);
  });

  it.each([
    [[], [], []],
    [[1, 3], [], [1, 3]],
    [[], [2], [2]],
    [
      [1, 3, 5],
      [2, 3, 6],
      [1, 2, 3, 5, 6],
    ],
    [
      [1, 2],
      [1, 2],
      [1, 2],
    ],
    [[7], [1, 2, 3], [1, 2, 3, 7]],
  ])('merges %j and %j into %j', (a, b, merged) => {
    expect([...mergeUserSets(set(...a), set(...b))]).toEqual(merged);
  });

  it('sorts numbers and refuses a repeated one', () => {
    expect([...sortUserSet(set(5, 1, 3))]).toEqual([1, 3, 5]);
    expect([...sortUserSet(set(10, 9))]).toEqual([9, 10]);
    expect(() => sortUserSet(set(2, 1, 2))).toThrow(/twice/);
  });
});

describe('distinct users over roll-ups', () => {
  const rows = [
    { app: 'chatgpt', day: '2026-11-23', users: set(1, 2, 3) },
    { app: 'chatgpt', day: '2026-11-24', users: set(2, 3, 4) },
    { app: 'deepl', day: '2026-11-23', users: set(3, 9) },
    { app: 'claude', day: '2026-11-25', users: set() },
  ];
  const usersOf = (row: (typeof rows)[number]) => row.users;

  it('counts each user once, never the sum of the rows', () => {
    expect(distinctUsers(rows, usersOf)).toBe(5);
    expect(distinctUsers(rows, usersOf, (row) => row.day === '2026-11-23')).toBe(4);
    expect(distinctUsers(rows, usersOf, () => false)).toBe(0);
    expect(distinctUsers([], usersOf)).toBe(0);
  });

  it('counts per group; a group of empty sets or left out has no entry', () => {
    expect(distinctUsersBy(rows, usersOf, (row) => row.app)).toEqual(
      new Map([
        ['chatgpt', 4],
        ['deepl', 2],
      ]),
    );
    expect(distinctUsersBy(rows, usersOf, (row) => (row.app === 'deepl' ? undefined : row.day))).toEqual(
      new Map([
        ['2026-11-23', 3],
        ['2026-11-24', 3],
      ]),
    );
  });
});

describe('UserTally', () => {
  it('counts each user once per group, whatever the order and size of the sets', () => {
    const tally = new UserTally<string>();
    tally.add('a', set(1, 2, 31, 32, 33));
    tally.add('a', set(2, 33, 100_000));
    tally.add('b', set(0, 4_294_967));
    tally.add('b', set());
    tally.add('c', set());
    expect(tally.count('a')).toBe(6);
    expect(tally.count('b')).toBe(2);
    expect(tally.count('c')).toBe(0);
    expect(tally.counts()).toEqual(
      new Map([
        ['a', 6],
        ['b', 2],
      ]),
    );
  });

  it('agrees with a Set on many random sets', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const tally = new UserTally<number>();
    const expected = new Map<number, Set<number>>();
    for (let row = 0; row < 500; row += 1) {
      const group = random(7);
      const ids = [...new Set(Array.from({ length: random(40) }, () => random(5000)))].sort((a, b) => a - b);
      tally.add(group, set(...ids));
      const seen = expected.get(group) ?? new Set<number>();
      for (const id of ids) seen.add(id);
      expected.set(group, seen);
    }
    for (const [group, seen] of expected) expect(tally.count(group)).toBe(seen.size);
  });
});
