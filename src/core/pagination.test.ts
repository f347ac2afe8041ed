import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { decodeCursor, encodeCursor, parseSort, toPage } from './pagination.js';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor('Kenya', 'id-1'))).toEqual({ v: 'Kenya', id: 'id-1' });
  });

  it.each(['not-base64!', Buffer.from('{"v":1}').toString('base64url'), ''])(
    'refuses cursor %j',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(AppError);
    },
  );

  it.each([
    [undefined, { column: 'name', direction: 'asc' }],
    ['code', { column: 'code', direction: 'asc' }],
    ['-name', { column: 'name', direction: 'desc' }],
  ] as const)('sort %s', (value, expected) => {
    expect(parseSort(value, ['name', 'code'], 'name')).toEqual(expected);
  });

  it('refuses an unknown sort column, naming it', () => {
    expect(() => parseSort('password', ['name'], 'name')).toThrow(/sort must be one of name/);
  });

  it('keeps limit rows and points the cursor at the last kept row', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toPage(
      rows,
      2,
      (r) => r.id,
      (r) => r.id,
    );
    expect(page.items).toEqual(['a', 'b']);
    expect(decodeCursor(page.next_cursor!)).toEqual({ v: 'b', id: 'b' });
    expect(
      toPage(
        rows,
        3,
        (r) => r.id,
        (r) => r.id,
      ).next_cursor,
    ).toBeNull();
  });
});
