import { describe, expect, it } from 'vitest';
import { formatBytes } from './limits.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1536, '1.5 KiB'],
    [50 * 1024 * 1024, '50 MiB'],
    [1023.96 * 1024 * 1024, '1024 MiB'],
    [2607.2 * 1024 * 1024, '2.5 GiB'],
    [5 * 1024 ** 4, '5120 GiB'],
  ])('%d bytes read as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
