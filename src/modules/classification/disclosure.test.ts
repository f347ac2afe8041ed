import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.js';
import { HDX_GLOBAL_RISK_THRESHOLD, individualRisk, measureDisclosureRisk } from './disclosure.js';

const rows = (header: string, lines: readonly string[]) =>
  lines.map((line) => Object.fromEntries(header.split(',').map((h, i) => [h, line.split(',')[i] ?? ''])));

// Six people; keys (age band, sex) shared by 3, 2 and 1 records.
const SMALL = rows('age,sex,status,w', [
  '20-29,F,refugee,10',
  '20-29,F,refugee,10',
  '20-29,F,idp,10',
  '30-39,M,host,5',
  '30-39,M,host,5',
  '40-49,F,idp,1',
]);

describe('individual risk', () => {
  it('is 1/fk without weights', () => {
    expect(individualRisk(1)).toBe(1);
    expect(individualRisk(4)).toBe(0.25);
  });

  // Hand-computed from sdcMicro's indivRisk(method = "approx") formulas, with p = fk / Fk.
  it.each([
    [1, 10, (0.1 / 0.9) * Math.log(10), 'fk = 1: p/(1-p)·ln(1/p)'],
    [2, 20, 0.1 / 0.9 - (0.1 / 0.9) ** 2 * Math.log(10), 'fk = 2: p/(1-p) − (p/(1-p))²·ln(1/p)'],
    [3, 30, 0.1 / (3 - 0.9), 'fk = 3: p/(fk − (1 − p))'],
    [4, 20, 0.2 / (4 - 0.8), 'fk = 4'],
    [10, 1000, 0.01 / (10 - 0.99), 'fk = 10'],
    [2, 2, 0.5, 'Fk = fk: the sample is the population, 1/fk'],
    [3, 2.5, 1 / 3, 'weights below 1 (Fk < fk): 1/fk'],
  ])('fk=%i, Fk=%d → %d (%s)', (fk, Fk, risk) => {
    expect(individualRisk(fk, Fk)).toBeCloseTo(risk, 12);
  });

  it('matches the values sdcMicro itself tests (tests/testthat/test_indivRisk.R, approx)', () => {
    expect(individualRisk(3, 108)).toBeCloseTo(0.01369863, 8);
    expect(individualRisk(1, 45.5)).toBeCloseTo(0.08579129, 8);
    expect(individualRisk(1, 17)).toBeCloseTo(0.17707583, 8);
    expect(individualRisk(2, 100)).toBeCloseTo(0.01877883, 8);
    expect(individualRisk(1, 123.5)).toBeCloseTo(0.03931625, 8);
  });
});

describe('disclosure risk of microdata', () => {
  it('counts key frequencies, k-anonymity violations and the global risk without weights', () => {
    const risk = measureDisclosureRisk({ quasiIdentifiers: ['age', 'sex'], records: SMALL });
    expect(risk).toMatchObject({
      records: 6,
      keys: 3,
      weight: null,
      sample_uniques: 1,
      violating: { k2: 1, k3: 3, k5: 6 },
      expected_reidentifications: 3,
      share: 0.5,
      threshold: HDX_GLOBAL_RISK_THRESHOLD,
      above_threshold: true,
      max_individual_risk: 1,
    });
    expect(risk.riskiest_keys).toEqual([
      { key: { age: '40-49', sex: 'F' }, fk: 1, risk: 1 },
      { key: { age: '30-39', sex: 'M' }, fk: 2, risk: 0.5 },
      { key: { age: '20-29', sex: 'F' }, fk: 3, risk: 1 / 3 },
    ]);
  });

  it('uses the sdcMicro estimate with a weight column', () => {
    const risk = measureDisclosureRisk({ quasiIdentifiers: ['age', 'sex'], records: SMALL, weight: 'w' });
    const r3 = 0.1 / (3 - 0.9); // fk = 3, Fk = 30
    const r2 = 0.2 / 0.8 - (0.2 / 0.8) ** 2 * Math.log(5); // fk = 2, Fk = 10
    const r1 = 1; // fk = 1, Fk = 1: the record is its own population
    expect(risk.expected_reidentifications).toBeCloseTo(3 * r3 + 2 * r2 + r1, 12);
    expect(risk.share).toBeCloseTo((3 * r3 + 2 * r2 + r1) / 6, 12);
    expect(risk.riskiest_keys.map((k) => [k.fk, k.Fk])).toEqual([
      [1, 1],
      [2, 10],
      [3, 30],
    ]);
  });

  it('reproduces sdcMicro on its own test data, including missing values that match any category', () => {
    // sdcMicro tests/testthat/test_indivRisk.R: keys A, B, C and weights; NA stands for any category.
    const records = rows('A,B,C,w', [
      '2,3,1,18',
      '3,3,3,45.5',
      '2,3,,39',
      '2,3,2,17',
      '3,3,1,92',
      '3,3,1,8',
      '1,4,,123.5',
      ',3,1,51',
    ]);
    const risk = measureDisclosureRisk({
      quasiIdentifiers: ['A', 'B', 'C'],
      records,
      weight: 'w',
      topKeys: 10,
    });
    const expected = [
      0.01369863, 0.085791288, 0.01055409, 0.032466112, 0.009836066, 0.009836066, 0.039316254, 0.005973716,
    ];
    expect(risk.expected_reidentifications).toBeCloseTo(
      expected.reduce((a, b) => a + b, 0),
      7,
    );
    const unweighted = measureDisclosureRisk({ quasiIdentifiers: ['A', 'B', 'C'], records });
    // sdcMicro's fk for the same rows: 3, 1, 4, 2, 3, 3, 1, 5.
    expect(unweighted.expected_reidentifications).toBeCloseTo(
      1 / 3 + 1 + 1 / 4 + 1 / 2 + 1 / 3 + 1 / 3 + 1 + 1 / 5,
      12,
    );
    expect(unweighted.sample_uniques).toBe(2);
  });

  it('measures distinct l-diversity of sensitive columns within each key', () => {
    const risk = measureDisclosureRisk({
      quasiIdentifiers: ['age', 'sex'],
      records: SMALL,
      sensitive: ['status'],
    });
    expect(risk.l_diversity).toEqual([{ column: 'status', min_l: 1, keys_with_l1: 2, records_with_l1: 3 }]);
  });

  it('counts a missing sensitive value as one more value only beside others', () => {
    const records = rows('k,s', ['a,x', 'a,', 'b,', 'b,']);
    const [l] = measureDisclosureRisk({ quasiIdentifiers: ['k'], records, sensitive: ['s'] }).l_diversity;
    expect(l).toEqual({ column: 's', min_l: 0, keys_with_l1: 1, records_with_l1: 2 });
  });

  it('is below the HDX threshold when every key is shared by many records', () => {
    const records = Array.from({ length: 400 }, (_, i) => ({
      sex: i % 2 ? 'M' : 'F',
      region: `R${Math.floor(i / 2) % 4}`,
    }));
    const risk = measureDisclosureRisk({ quasiIdentifiers: ['sex', 'region'], records });
    expect(risk).toMatchObject({
      keys: 8,
      expected_reidentifications: 8,
      share: 0.02,
      above_threshold: false,
    });
  });

  it('refuses unusable weights, naming the records', () => {
    const records = rows('k,w', ['a,1', 'a,zero', 'b,-2', 'b,']);
    const error = (() => {
      try {
        measureDisclosureRisk({ quasiIdentifiers: ['k'], records, weight: 'w' });
      } catch (e) {
        return e as AppError;
      }
      throw new Error('accepted');
    })();
    expect(error.code).toBe('validation_failed');
    expect((error.details as { issues: { row: number }[] }).issues.map((i) => i.row)).toEqual([2, 3, 4]);
  });

  it('needs at least one quasi-identifier', () => {
    expect(() => measureDisclosureRisk({ quasiIdentifiers: [], records: [] })).toThrow(/at least one/);
  });

  it('handles an empty file', () => {
    expect(measureDisclosureRisk({ quasiIdentifiers: ['a'], records: [] })).toMatchObject({
      records: 0,
      keys: 0,
      expected_reidentifications: 0,
      share: 0,
      above_threshold: false,
      max_individual_risk: 0,
    });
  });

  it('keeps the work proportional to keys, not records squared, for a large file', () => {
    const records = Array.from({ length: 100_000 }, (_, i) => ({
      age: String(i % 90),
      sex: i % 3 ? 'M' : 'F',
      district: i % 7 === 0 ? '' : `D${i % 50}`,
    }));
    const started = Date.now();
    const risk = measureDisclosureRisk({ quasiIdentifiers: ['age', 'sex', 'district'], records });
    expect(risk.records).toBe(100_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
