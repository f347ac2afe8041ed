import { describe, expect, it } from 'vitest';
import { countsOption, countsTable, heatMapCells, heatMapTable } from './risk-view';

const texts = {
  likelihood: 'Likelihood',
  impact: 'Impact',
  count: 'Risks',
  likelihoodWords: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactWords: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  sheet: 'Inherent',
};
const grid = [
  [1, 0, 0, 0, 2],
  [0, 0, 0, 0, 0],
  [0, 0, 3, 0, 0],
  [0, 0, 0, 0, 0],
  [4, 0, 0, 0, 5],
];

describe('risk dashboard views', () => {
  it('places each count at its impact column and likelihood row, scored for colour', () => {
    const cells = heatMapCells(grid);
    expect(cells).toHaveLength(25);
    expect(cells).toContainEqual([4, 0, 5, 2]);
    expect(cells).toContainEqual([2, 2, 9, 3]);
    expect(cells).toContainEqual([0, 4, 5, 4]);
    expect(cells).toContainEqual([4, 4, 25, 5]);
  });

  it('writes the grid as a sheet with the most likely row first', () => {
    const table = heatMapTable(grid, texts);
    expect(table.columns).toEqual([
      'Likelihood \\ Impact',
      'Negligible',
      'Minor',
      'Moderate',
      'Major',
      'Severe',
    ]);
    expect(table.rows[0]).toEqual(['Almost certain', 4, 0, 0, 0, 5]);
    expect(table.rows[4]).toEqual(['Rare', 1, 0, 0, 0, 2]);
  });

  it('draws counts as bars largest on top, and nothing without counts', () => {
    expect(countsOption([])).toBeNull();
    const option = countsOption([
      { label: 'AI', count: 3 },
      { label: 'Operational', count: 7 },
    ]) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['AI', 'Operational']);
    expect(countsTable([{ label: 'AI', count: 3 }], ['Category', 'Risks'], 'By category').rows).toEqual([
      ['AI', 3],
    ]);
  });
});
