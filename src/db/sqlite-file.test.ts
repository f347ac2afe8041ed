import { describe, expect, it } from 'vitest';
import { checkSqliteHeader, SQLITE_HEADER_BYTES, SQLITE_MAGIC } from './sqlite-file.js';

function header(pageSize: number, pages: number, { validFor = 7 } = {}): Buffer {
  const buf = Buffer.alloc(SQLITE_HEADER_BYTES);
  SQLITE_MAGIC.copy(buf, 0);
  buf.writeUInt16BE(pageSize === 65_536 ? 1 : pageSize, 16);
  buf.writeUInt32BE(7, 24); // change counter
  buf.writeUInt32BE(pages, 28);
  buf.writeUInt32BE(validFor, 92);
  return buf;
}

describe('checkSqliteHeader', () => {
  it.each([
    ['a complete 4 KiB-page file', header(4096, 3), 3 * 4096, { ok: true, pageSize: 4096, pageCount: 3 }],
    [
      '64 KiB pages (stored as 1)',
      header(65_536, 2),
      2 * 65_536,
      { ok: true, pageSize: 65_536, pageCount: 2 },
    ],
    [
      'a stale page count: falls back to the file size',
      header(1024, 99, { validFor: 6 }),
      4 * 1024,
      { ok: true, pageSize: 1024, pageCount: 4 },
    ],
  ])('accepts %s', (_name, buf, size, expected) => {
    expect(checkSqliteHeader(buf, size)).toEqual(expected);
  });

  it.each([
    ['a text file', Buffer.from('id,name\n1,Kenya\n'), 16, 'not_sqlite'],
    ['an empty file', Buffer.alloc(0), 0, 'not_sqlite'],
    ['a file with only the magic', SQLITE_MAGIC, SQLITE_MAGIC.length, 'truncated'],
    ['a file shorter than its page count', header(4096, 3), 2 * 4096, 'truncated'],
    ['a file cut inside a page', header(4096, 3), 3 * 4096 - 100, 'truncated'],
    ['an impossible page size', header(1000, 3), 3000, 'not_sqlite'],
  ])('refuses %s', (_name, buf, size, problem) => {
    const result = checkSqliteHeader(buf, size);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.problem).toBe(problem);
  });
});
