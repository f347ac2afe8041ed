import { describe, expect, it } from 'vitest';
import { suggestRecodings } from './disclosure-recoding.js';
import { measureDisclosureRisk } from './disclosure.js';

const rows = (header: string, lines: readonly string[]) =>
  lines.map((line) => Object.fromEntries(header.split(',').map((h, i) => [h, line.split(',')[i] ?? ''])));

describe('recoding suggestions', () => {
  it('suggests age bands with the risk after each, computed by hand', () => {
    // Every record unique before (6 expected re-identifications). 10-year bands: keys of 3, 2 and 1
    // records → 1 + 1 + 1 = 3; 5-year bands: keys of 2, 1, 1, 1, 1 → 1 + 4 = 5.
    const records = rows('age,sex', ['21,F', '24,F', '27,F', '33,M', '38,M', '45,F']);
    const suggestions = suggestRecodings({ quasiIdentifiers: ['age', 'sex'], records });
    expect(
      suggestions.map((s) => [s.id, s.after.expected_reidentifications, s.after.sample_uniques]),
    ).toEqual([
      ['age_bands_5', 5, 4],
      ['age_bands_10', 3, 1],
    ]);
    expect(suggestions[0]!.description).toBe('Group `age` into 5-year bands, with 80 and over as "80+"');
  });

  it('top-codes household size where the largest quarter of households start', () => {
    const sizes = ['1', '2', '2', '3', '3', '4', '4', '5', '9', '14', '11', '12'];
    const records = sizes.map((hh, i) => ({ hh_size: hh, region: `R${i % 2}` }));
    const [suggestion] = suggestRecodings({ quasiIdentifiers: ['hh_size', 'region'], records });
    expect(suggestion).toMatchObject({ id: 'household_size_top_code', columns: ['hh_size'] });
    expect(suggestion!.description).toMatch(/at 11 \("11\+"\)/);
  });

  it('coarsens location by dropping the finest administrative level', () => {
    const records = rows('district,village', ['D1,V1', 'D1,V2', 'D1,V3', 'D2,V4', 'D2,V5']);
    const [suggestion] = suggestRecodings({ quasiIdentifiers: ['district', 'village'], records });
    expect(suggestion).toMatchObject({
      id: 'coarsen_location',
      description: 'Coarsen the location: remove `village` (the finest level) and keep `district`',
    });
    // Keys D1 (3 records) and D2 (2 records): 1 + 1 expected re-identifications.
    expect(suggestion!.after.expected_reidentifications).toBeCloseTo(2, 12);
  });

  it('groups rare categories, and combines suggestions over different columns', () => {
    const records = [
      ...Array.from({ length: 10 }, (_, i) => ({ age: String(20 + i), status: 'married' })),
      ...Array.from({ length: 10 }, (_, i) => ({ age: String(20 + i), status: 'single' })),
      { age: '47', status: 'widowed' },
      { age: '52', status: 'divorced' },
    ];
    const ids = suggestRecodings({ quasiIdentifiers: ['age', 'status'], records }).map((s) => s.id);
    expect(ids).toEqual(['age_bands_5', 'age_bands_10', 'group_rare_status', 'all_together']);
  });

  it('measures removing the only location column as everyone sharing one key', () => {
    const records = rows('district', ['D1', 'D2', 'D3', 'D4']);
    const [suggestion] = suggestRecodings({ quasiIdentifiers: ['district'], records });
    expect(suggestion!.after).toMatchObject({ expected_reidentifications: 1, sample_uniques: 0 });
  });

  it('never raises the risk (recoding only merges keys)', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      age: String((i * 37) % 90),
      sex: i % 2 ? 'M' : 'F',
      district: `D${i % 9}`,
      village: `V${i % 31}`,
    }));
    const input = { quasiIdentifiers: ['age', 'sex', 'district', 'village'], records };
    const before = measureDisclosureRisk(input);
    const suggestions = suggestRecodings(input);
    expect(suggestions.map((s) => s.id)).toEqual([
      'age_bands_5',
      'age_bands_10',
      'coarsen_location',
      'all_together',
    ]);
    for (const s of suggestions) {
      expect(s.after.expected_reidentifications).toBeLessThanOrEqual(before.expected_reidentifications);
      expect(s.after.sample_uniques).toBeLessThanOrEqual(before.sample_uniques);
    }
    expect(suggestions.at(-1)!.after.expected_reidentifications).toBeLessThan(
      before.expected_reidentifications,
    );
  });
});
