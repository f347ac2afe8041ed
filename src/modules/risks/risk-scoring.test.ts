import { describe, expect, it } from 'vitest';
import { currentLevel, heatMap, levelOfScore, riskLevel, riskScore, scaleLabel } from './risk-scoring.js';

describe('risk scoring', () => {
  it.each([
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 4, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ] as const)('likelihood %i × impact %i scores %i, level %s', (likelihood, impact, score, level) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(riskLevel(likelihood, impact)).toBe(level);
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses %s as a scale value', (value) => {
    expect(() => riskScore(value, 3)).toThrow(RangeError);
    expect(() => riskScore(3, value)).toThrow(RangeError);
  });

  it.each([0, 26])('refuses %i as a score', (score) => {
    expect(() => levelOfScore(score)).toThrow(RangeError);
  });

  it('rates a risk by its residual values once both are set, else by its inherent ones', () => {
    const inherent = { inherent_likelihood: 5, inherent_impact: 5 };
    expect(currentLevel({ ...inherent, residual_likelihood: null, residual_impact: null })).toBe('critical');
    expect(currentLevel({ ...inherent, residual_likelihood: 2, residual_impact: null })).toBe('critical');
    expect(currentLevel({ ...inherent, residual_likelihood: 2, residual_impact: 2 })).toBe('low');
  });

  it('counts ratings into a 5×5 grid by likelihood row and impact column', () => {
    const grid = heatMap([
      { likelihood: 1, impact: 5 },
      { likelihood: 1, impact: 5 },
      { likelihood: 5, impact: 1 },
      { likelihood: null, impact: 3 },
    ]);
    expect(grid[0]).toEqual([0, 0, 0, 0, 2]);
    expect(grid[4]).toEqual([1, 0, 0, 0, 0]);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it.each([
    ['likelihood', 5, 'en', '5 Almost certain'],
    ['impact', 1, 'fr', '1 Négligeable'],
    ['impact', 4, 'es', '4 Mayor'],
  ] as const)('labels %s %i in %s as "%s"', (axis, value, language, label) => {
    expect(scaleLabel(axis, value, language)).toBe(label);
  });
});
