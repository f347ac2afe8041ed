import { describe, expect, it } from 'vitest';
import { countBarsOption, countRows, countTable } from './ai-dashboard-view';

const upper = (key: string) => key.toUpperCase();

describe('the AI systems dashboard charts', () => {
  it.each([
    {
      case: 'keeps the known order and shows absent categories as 0',
      counts: { limited: 2, high: 1 },
      keys: ['high', 'limited', 'minimal'],
      rows: [
        ['high', 1],
        ['limited', 2],
        ['minimal', 0],
      ],
    },
    {
      case: 'keeps categories it does not know, after the known ones',
      counts: { unclassified: 4, high: 1 },
      keys: ['high'],
      rows: [
        ['high', 1],
        ['unclassified', 4],
      ],
    },
    { case: 'gives nothing for nothing', counts: {}, keys: [], rows: [] },
  ])('$case', ({ counts, keys, rows }) => {
    const found = countRows(counts as Record<string, number>, keys, upper);
    expect(found.map((row) => [row.key, row.count])).toEqual(rows);
    expect(found.map((row) => row.label)).toEqual(rows.map(([key]) => upper(String(key))));
  });

  it('draws one labelled bar per row, and nothing when every count is 0', () => {
    const rows = countRows({ high: 3, limited: 1 }, ['high', 'limited'], upper);
    const option = countBarsOption(rows, 'Systems') as {
      yAxis: { data: string[] };
      series: { data: number[]; label: { show: boolean } }[];
    };
    expect(option.yAxis.data).toEqual(['HIGH', 'LIMITED']);
    expect(option.series[0]).toMatchObject({ data: [3, 1], label: { show: true } });
    expect(countBarsOption(countRows({}, ['high'], upper), 'Systems')).toBeNull();
  });

  it('downloads the same figures as a sheet', () => {
    const rows = countRows({ high: 3 }, ['high', 'minimal'], upper);
    expect(countTable('By tier', ['Tier', 'Systems'], rows)).toEqual({
      name: 'By tier',
      columns: ['Tier', 'Systems'],
      rows: [
        ['HIGH', 3],
        ['MINIMAL', 0],
      ],
    });
  });
});
