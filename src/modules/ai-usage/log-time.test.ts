import { describe, expect, it } from 'vitest';
import { dayToIsoDate, daysFromCivil, parseLogTime, validSeconds } from './log-time.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('reading log timestamps', () => {
  const reference = new Date('2026-11-30T12:00:00Z');

  it.each<[string, string]>([
    ['1796032800', '2026-11-30T10:00:00Z'],
    ['1796032800.123', '2026-11-30T10:00:00Z'],
    ['1796032800123', '2026-11-30T10:00:00Z'],
    ['2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z'],
    ['2026-11-30T10:00:00.123Z', '2026-11-30T10:00:00Z'],
    ['2026-11-30 10:00:00', '2026-11-30T10:00:00Z'],
    ['2026-11-30T23:30:00-05:00', '2026-12-01T04:30:00Z'],
    ['2026-11-30T01:00:00+0200', '2026-11-29T23:00:00Z'],
    ['2026-11-30', '2026-11-30T00:00:00Z'],
    ['Mon Nov 30 10:00:00 2026', '2026-11-30T10:00:00Z'],
    ['Mon Jun  1 09:05:07 2026', '2026-06-01T09:05:07Z'],
    ['30/Nov/2026:10:00:00 +0100', '2026-11-30T09:00:00Z'],
    ['[30/Nov/2026:10:00:00 +0000]', '2026-11-30T10:00:00Z'],
    ['30-Nov-2026 10:00:00.123', '2026-11-30T10:00:00Z'],
    ['Nov 30 10:00:00', '2026-11-30T10:00:00Z'],
    ['Dec 31 23:59:59', '2025-12-31T23:59:59Z'],
  ])('%j is %s', (text, iso) => {
    expect(parseLogTime(text, reference)).toBe(at(iso));
  });

  it.each([
    '',
    'yesterday',
    '2026-13-01',
    '2026-11-30T25:00:00',
    'Foo 30 10:00:00',
    '30/Xyz/2026:10:00:00',
    '12345',
    'Nov 30 10:00:00 extra',
  ])('%j is no timestamp', (text) => {
    expect(parseLogTime(text, reference)).toBeNaN();
  });

  it('needs a reference date for syslog times, which have no year', () => {
    expect(parseLogTime('Nov 30 10:00:00')).toBeNaN();
  });

  it('accepts only times between 1990 and 2099', () => {
    expect(validSeconds(at('1990-01-01T00:00:00Z'))).toBe(true);
    expect(validSeconds(at('1989-12-31T23:59:59Z'))).toBe(false);
    expect(validSeconds(at('2100-01-01T00:00:00Z'))).toBe(false);
    expect(validSeconds(Number.NaN)).toBe(false);
  });
});

describe('days since the epoch', () => {
  it.each(['1970-01-01', '2000-02-29', '2026-11-30', '2099-12-31', '1990-03-01'])(
    '%s round-trips',
    (date) => {
      const day = daysFromCivil(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10));
      expect(day).toBe(Date.parse(date) / 86_400_000);
      expect(dayToIsoDate(day)).toBe(date);
    },
  );
});
