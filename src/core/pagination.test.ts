import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  allRows,
  decodeCursor,
  encodeCursor,
  listWindow,
  parseSort,
  toPage,
  type ListWindow,
} from './pagination.js';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor('Kenya', 'id-1'))).toEqual({ v: 'Kenya', id: 'id-1' });
  });

  it.each([
    'not-base64!',
    Buffer.from('{"v":1}').toString('base64url'),
    Buffer.from('{"v":{"at":1},"id":"x"}').toString('base64url'),
    Buffer.from('{"id":"x"}').toString('base64url'),
    '',
  ])('refuses cursor %j', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
  });

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

  it('reads a list request into a window: sort, decoded cursor, limit 50 by default', () => {
    const cursor = encodeCursor('Kenya', 'id-1');
    expect(listWindow({ sort: '-code', cursor, limit: 5 }, ['name', 'code'], 'name')).toEqual({
      sort: { column: 'code', direction: 'desc' },
      cursor: { v: 'Kenya', id: 'id-1' },
      limit: 5,
    });
    expect(listWindow({}, ['name'], 'name')).toEqual({
      sort: { column: 'name', direction: 'asc' },
      cursor: null,
      limit: 50,
    });
    expect(() => listWindow({ cursor: 'not-base64!' }, ['name'], 'name')).toThrow(AppError);
  });

  it('reads every row a batch at a time, each batch after the last row of the one before', async () => {
    const stored = ['a', 'b', 'c', 'd', 'e'].map((name, i) => ({ id: `id-${i}`, name }));
    const windows: ListWindow<'name'>[] = [];
    const list = (window: ListWindow<'name'>) => {
      windows.push(window);
      const after = stored.filter((row) => !window.cursor || row.name > String(window.cursor.v));
      return Promise.resolve(after.slice(0, window.limit + 1));
    };
    expect(await allRows(list, 'name', 2)).toEqual(stored);
    expect(windows.map((w) => w.cursor)).toEqual([null, { v: 'b', id: 'id-1' }, { v: 'd', id: 'id-3' }]);
    expect(windows.every((w) => w.limit === 2 && w.sort.direction === 'asc')).toBe(true);
  });
});
