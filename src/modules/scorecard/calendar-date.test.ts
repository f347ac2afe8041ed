import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber, isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2026-12-01', 20_788],
  ])('%s is day %i', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(dateOfDay(day)).toBe(date);
  });

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['2100-02-29', 'century, not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'no month 13'],
    ['2026-00-10', 'no month 0'],
    ['2026-01-00', 'no day 0'],
    ['2026-1-01', 'month without its zero'],
    [' 2026-01-01', 'leading space'],
    ['2026-01-01T00:00:00Z', 'a timestamp, not a date'],
    ['01/12/2026', 'another format'],
    ['', 'empty'],
  ])('refuses %j (%s)', (value) => {
    expect(dayNumber(value)).toBeNull();
    expect(isCalendarDate(value)).toBe(false);
  });

  it('accepts 29 February in leap years, including 2000 and 2028', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('refuses values that are not text', () => {
    for (const value of [null, undefined, 20_260_101, new Date('2026-01-01'), ['2026-01-01']]) {
      expect(dayNumber(value)).toBeNull();
    }
  });

  it('agrees with the UTC calendar on every day of four centuries, both ways', () => {
    const mismatches: string[] = [];
    for (let day = dayNumber('1900-01-01')!; day <= dayNumber('2300-12-31')!; day += 1) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDay(day) !== date || dayNumber(date) !== day) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-01', 30)).toBe('2026-12-31');
    expect(addDays('2026-12-01', 31)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-01', -365)).toBe('2025-12-01');
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a calendar date/);
  });
});
