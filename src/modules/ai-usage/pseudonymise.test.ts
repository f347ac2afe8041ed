import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normaliseUserId, Pseudonymiser, usageKeyFromEnv } from './pseudonymise.js';
import { TEST_KEY } from './testing/fixtures.js';

describe('normalising user ids before pseudonymisation', () => {
  it.each<[string, string | null]>([
    ['jdoe', 'jdoe'],
    ['  JDoe ', 'jdoe'],
    ['CORP\\JDoe', 'jdoe'],
    ['jdoe%40example.org', 'jdoe@example.org'],
    ['Jane.Doe@Example.ORG', 'jane.doe@example.org'],
    ['Ange\u0300le', 'angèle'],
    ['100%sure', '100%sure'],
    ['10.1.2.3', '10.1.2.3'],
    ['-', null],
    ['   ', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseUserId(raw)).toBe(expected);
  });
});

describe('pseudonyms', () => {
  const pseudonymiser = new Pseudonymiser(TEST_KEY);

  it('are HMAC-SHA-256 of the normalised id under the key, truncated to 32 hex characters', () => {
    // RFC 4231 test case 6 (a key longer than the block size).
    const rfcKey = Buffer.alloc(131, 0xaa);
    expect(
      new Pseudonymiser(rfcKey).pseudonym('Test Using Larger Than Block-Size Key - Hash Key First'),
    ).toBe('60e431591ee0b67f0d8a26aacbf5b77f');
    for (const [key, user] of [
      [TEST_KEY, 'jdoe'],
      [TEST_KEY, 'angèle@example.org'],
      ['k'.repeat(64), 'exactly one block of key'],
      ['k'.repeat(65), 'a key one byte longer than the block'],
      ['k'.repeat(32), ''],
    ] as const) {
      expect(new Pseudonymiser(key).pseudonym(user), `${key.length}-byte key`).toBe(
        createHmac('sha256', key).update(user).digest('hex').slice(0, 32),
      );
    }
  });

  it('stay the same from run to run for the same key', () => {
    expect(pseudonymiser.pseudonym('jdoe@example.org')).toBe('7c7ca87873ede17c1824b41b30b5bed3');
    expect(new Pseudonymiser(TEST_KEY).pseudonym('jdoe@example.org')).toBe(
      pseudonymiser.pseudonym('jdoe@example.org'),
    );
  });

  it('differ between users and between keys', () => {
    expect(pseudonymiser.pseudonym('jdoe')).not.toBe(pseudonymiser.pseudonym('jdoe2'));
    expect(new Pseudonymiser(`${TEST_KEY}-rotated`).pseudonym('jdoe')).not.toBe(
      pseudonymiser.pseudonym('jdoe'),
    );
  });

  it('never contain the user id', () => {
    expect(pseudonymiser.pseudonym('jdoe')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('need a key of at least 32 bytes', () => {
    expect(() => new Pseudonymiser('short')).toThrow(/at least 32 bytes/);
  });
});

describe('the key from the environment', () => {
  it('is read from CUSTOS_USAGE_KEY', () => {
    expect(usageKeyFromEnv({ CUSTOS_USAGE_KEY: TEST_KEY })).toBe(TEST_KEY);
    expect(usageKeyFromEnv({})).toBeUndefined();
    expect(usageKeyFromEnv({ CUSTOS_USAGE_KEY: '' })).toBeUndefined();
  });

  it('is refused when too short', () => {
    expect(() => usageKeyFromEnv({ CUSTOS_USAGE_KEY: 'secret' })).toThrow(
      /CUSTOS_USAGE_KEY must be at least 32 characters/,
    );
  });
});
