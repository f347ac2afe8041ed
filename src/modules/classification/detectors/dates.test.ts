import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDay, parseCalendarDate } from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['1985-03-12', [{ year: 1985, month: 3, day: 12 }]],
    ['1985-03-12T00:00:00Z', [{ year: 1985, month: 3, day: 12 }]],
    ['1985-03-12 00:00', [{ year: 1985, month: 3, day: 12 }]],
    [
      '12/03/1985',
      [
        { year: 1985, month: 3, day: 12 },
        { year: 1985, month: 12, day: 3 },
      ],
    ],
    ['25/12/1985', [{ year: 1985, month: 12, day: 25 }]],
    ['05.05.1990', [{ year: 1990, month: 5, day: 5 }]],
    ['19850312', [{ year: 1985, month: 3, day: 12 }]],
    ['12 March 1985', [{ year: 1985, month: 3, day: 12 }]],
    ['12 mars 1985', [{ year: 1985, month: 3, day: 12 }]],
    ['1er février 2001', [{ year: 2001, month: 2, day: 1 }]],
    ['12 de marzo de 1985', [{ year: 1985, month: 3, day: 12 }]],
    ['March 12, 1985', [{ year: 1985, month: 3, day: 12 }]],
  ])('%s reads as %j', (text, dates) => {
    expect(parseCalendarDate(text)).toEqual(dates);
  });

  it.each([
    '1985-02-30',
    '2023-02-29',
    '31/04/1990',
    '12/03/85',
    '1985-03-12T10:15:00Z',
    '1985-13-01',
    'soon',
    '12 Foo 1985',
  ])('%s is not a calendar date', (text) => {
    expect(parseCalendarDate(text)).toEqual([]);
  });

  it('knows leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
  });

  it('refuses a malformed "today"', () => {
    expect(() => isoDay('30/11/2026')).toThrow(/YYYY-MM-DD/);
  });
});
