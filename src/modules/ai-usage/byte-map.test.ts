import { describe, expect, it } from 'vitest';
import { ByteMap, fnv1a, MISSING } from './byte-map.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

function put(map: ByteMap, key: Buffer, value: number, hash = fnv1a(key, 0, key.length)): void {
  expect(map.get(key, 0, key.length, hash)).toBe(MISSING);
  map.set(key, 0, key.length, value);
}

describe('the byte map behind the host and user caches', () => {
  it('returns what was set for the same bytes, wherever they sit in a buffer', () => {
    const map = new ByteMap(16);
    put(map, bytes('chatgpt.com'), 3);
    const line = bytes('CONNECT chatgpt.com:443 jdoe');
    expect(map.get(line, 8, 19, fnv1a(line, 8, 19))).toBe(3);
    expect(map.size).toBe(1);
  });

  it('answers MISSING for bytes never set, including prefixes and extensions', () => {
    const map = new ByteMap(16);
    put(map, bytes('chatgpt.com'), 3);
    for (const other of ['chatgpt.co', 'chatgpt.com.', 'ChatGPT.com', '']) {
      const key = bytes(other);
      expect(map.get(key, 0, key.length, fnv1a(key, 0, key.length)), other).toBe(MISSING);
    }
  });

  it('tells apart different bytes that share a hash', () => {
    const map = new ByteMap(16);
    put(map, bytes('first.example'), 1, 42);
    put(map, bytes('other.example'), 2, 42);
    expect(map.get(bytes('first.example'), 0, 13, 42)).toBe(1);
    expect(map.get(bytes('other.example'), 0, 13, 42)).toBe(2);
  });

  it('keeps every entry while it grows, and copies keys so the source buffer may change', () => {
    const map = new ByteMap(16);
    const scratch = Buffer.alloc(96);
    for (let i = 0; i < 5000; i += 1) {
      const length = scratch.write(i % 10 === 0 ? `${'long-'.repeat(12)}${i}.example` : `host-${i}.example`);
      expect(map.get(scratch, 0, length, fnv1a(scratch, 0, length))).toBe(MISSING);
      map.set(scratch, 0, length, i);
    }
    scratch.fill(0);
    for (let i = 0; i < 5000; i += 1) {
      const key = bytes(i % 10 === 0 ? `${'long-'.repeat(12)}${i}.example` : `host-${i}.example`);
      expect(map.get(key, 0, key.length, fnv1a(key, 0, key.length))).toBe(i);
    }
    expect(map.size).toBe(5000);
  });

  it('compares keys longer than the 48 bytes kept in the slot exactly, to the last byte', () => {
    const map = new ByteMap(16);
    const long = (last: string) => bytes(`${'a'.repeat(60)}.example.${last}`);
    put(map, long('x'), 1, 7);
    put(map, long('y'), 2, 7);
    put(map, bytes('a'.repeat(48)), 3, 7);
    put(map, bytes('a'.repeat(49)), 4, 7);
    expect(map.get(long('x'), 0, long('x').length, 7)).toBe(1);
    expect(map.get(long('y'), 0, long('y').length, 7)).toBe(2);
    expect(map.get(bytes('a'.repeat(48)), 0, 48, 7)).toBe(3);
    expect(map.get(bytes('a'.repeat(49)), 0, 49, 7)).toBe(4);
    expect(map.get(long('z'), 0, long('z').length, 7)).toBe(MISSING);
  });

  it('forgets everything on clear', () => {
    const map = new ByteMap(16);
    put(map, bytes('chatgpt.com'), 3);
    map.clear();
    expect(map.size).toBe(0);
    put(map, bytes('chatgpt.com'), 4);
    expect(map.get(bytes('chatgpt.com'), 0, 11, fnv1a(bytes('chatgpt.com'), 0, 11))).toBe(4);
  });

  it('hashes with FNV-1a (32-bit)', () => {
    // Published FNV-1a test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    expect(fnv1a(bytes(''), 0, 0) >>> 0).toBe(0x811c9dc5);
    expect(fnv1a(bytes('a'), 0, 1) >>> 0).toBe(0xe40c292c);
    expect(fnv1a(bytes('foobar'), 0, 6) >>> 0).toBe(0xbf9cf968);
  });
});
