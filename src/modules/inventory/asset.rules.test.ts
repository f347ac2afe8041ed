import { describe, expect, it } from 'vitest';
import { assetRuleIssues, notASystem } from './asset.rules.js';

const TODAY = '2026-11-30';
const base = { personal_data: 1, special_categories: '[]', last_reviewed: null, last_access_review: null };

describe('asset rules', () => {
  it.each([
    ['a complete personal-data asset', {}, []],
    ['special categories with personal data', { special_categories: '["health"]' }, []],
    [
      'special categories without personal data',
      { personal_data: 0, special_categories: '["health"]' },
      ['special_categories'],
    ],
    ['no personal data and no categories', { personal_data: 0 }, []],
    ['a review today', { last_reviewed: TODAY }, []],
    ['a review dated tomorrow (already today east of UTC)', { last_reviewed: '2026-12-01' }, []],
    ['a review the day after tomorrow', { last_reviewed: '2026-12-02' }, ['last_reviewed']],
    ['an access review next year', { last_access_review: '2027-01-01' }, ['last_access_review']],
    [
      'both problems at once',
      { personal_data: 0, special_categories: '["criminal"]', last_reviewed: '2030-01-01' },
      ['special_categories', 'last_reviewed'],
    ],
  ] as const)('%s: %j', (_label, change, paths) => {
    expect(assetRuleIssues({ ...base, ...change }, TODAY).map((issue) => issue.path)).toEqual(paths);
  });

  it('crosses month and year ends when allowing one day ahead', () => {
    expect(assetRuleIssues({ ...base, last_reviewed: '2027-01-01' }, '2026-12-31')).toEqual([]);
    expect(assetRuleIssues({ ...base, last_reviewed: '2027-01-02' }, '2026-12-31')).toHaveLength(1);
  });

  it.each([
    ['application', true],
    ['database', true],
    ['dataset', false],
    ['file_share', false],
    ['paper_records', false],
    ['api', false],
  ])('an asset of type %s can hold assets: %s', (type, holds) => {
    const why = notASystem({ id: 'a1', name: 'X', asset_type: type });
    expect(why === null).toBe(holds);
    if (!holds) expect(why).toContain(`of type ${type}`);
  });
});
