import { describe, expect, it } from 'vitest';
import {
  byteSize,
  categoryId,
  lastDays,
  percent,
  pluralCount,
  weeklyOption,
  weeklyTable,
  type WeeklyTexts,
} from './usage-view';

const TEXTS: WeeklyTexts = {
  aiEvents: 'AI',
  unapproved: 'Unapproved',
  highRisk: 'High',
  columns: { week: 'W', events: 'E', aiEvents: 'A', unapproved: 'U', highRisk: 'H', users: 'N' },
  sheet: 'Weekly',
};

const WEEKS = [
  { week: '2026-11-23', events: 6, ai_events: 5, unapproved_events: 5, high_risk_events: 4, ai_users: 3 },
  {
    week: '2026-11-30',
    events: 3,
    ai_events: 3,
    unapproved_events: 2,
    high_risk_events: 2,
    ai_users: '<5' as const,
  },
];

describe('lastDays', () => {
  it.each([
    ['2026-11-30T23:59:00Z', 30, '2026-11-01', '2026-11-30'],
    ['2026-03-01T00:00:00Z', 1, '2026-03-01', '2026-03-01'],
    ['2024-03-01T10:00:00Z', 2, '2024-02-29', '2024-03-01'],
  ])('from %s, %i days → %s to %s', (now, days, from, to) => {
    expect(lastDays(new Date(now), days)).toEqual({ from, to });
  });
});

describe('numbers in words', () => {
  it.each([
    [0, 'en', /^0%$/],
    [0.875, 'en', /^87\.5%$/],
    [1 / 3, 'en', /^33\.3%$/],
    [1, 'en', /^100%$/],
    // French and Spanish: a decimal comma and a (no-break) space before the sign
    [0, 'fr', /^0\s%$/],
    [0.875, 'fr', /^87,5\s%$/],
    [0.875, 'es', /^87,5\s%$/],
  ])('percent(%d) in %s matches %s', (share, language, text) =>
    expect(percent(share, language)).toMatch(text),
  );

  it.each([
    [0, 0],
    [1, 1],
    [7, 7],
    ['<5', 5],
  ])('pluralCount(%s) = %i', (count, expected) => expect(pluralCount(count)).toBe(expected));

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
  ])('byteSize(%d) = %s', (bytes, text) => expect(byteSize(bytes)).toBe(text));

  it('finds the category id of a report label, and none for an unknown one', () => {
    expect(categoryId('voice and music generation')).toBe('voice_generation');
    expect(categoryId('AI search')).toBe('ai_search');
    expect(categoryId('chat_assistant')).toBeNull();
  });
});

describe('the weekly chart', () => {
  it('draws nothing without weeks', () => {
    expect(weeklyOption([], TEXTS)).toBeNull();
  });

  it('draws AI, unapproved and high-risk requests per week', () => {
    const option = weeklyOption(WEEKS, TEXTS) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['2026-11-23', '2026-11-30']);
    expect(option.series.map((series) => [series.name, series.data])).toEqual([
      ['AI', [5, 3]],
      ['Unapproved', [5, 2]],
      ['High', [4, 2]],
    ]);
  });

  it('downloads every week with its (possibly suppressed) users', () => {
    expect(weeklyTable(WEEKS, TEXTS)).toEqual({
      name: 'Weekly',
      columns: ['W', 'E', 'A', 'U', 'H', 'N'],
      rows: [
        ['2026-11-23', 6, 5, 5, 4, 3],
        ['2026-11-30', 3, 3, 2, 2, '<5'],
      ],
    });
  });
});
