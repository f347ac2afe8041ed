import { describe, expect, it } from 'vitest';
import { assetQuery } from './asset-filters';

describe('assetQuery', () => {
  it('passes the chosen filters on to the API', () => {
    expect(
      assetQuery({
        q: 'cash',
        office_id: 'o1',
        sensitivity_label: 'Strictly Confidential',
        personal_data: 'true',
        asset_type: 'database',
        control_failing: 'ownership',
        sort: '-updated_at',
      }),
    ).toEqual({
      q: 'cash',
      office_id: 'o1',
      region_id: undefined,
      sensitivity_label: 'Strictly Confidential',
      personal_data: 'true',
      owner_id: undefined,
      asset_type: 'database',
      control_failing: 'ownership',
    });
  });

  it('keeps "unlabelled" as a label choice', () => {
    expect(assetQuery({ sensitivity_label: 'unlabelled' }).sensitivity_label).toBe('unlabelled');
  });

  it('leaves out values an edited address made up', () => {
    const query = assetQuery({
      sensitivity_label: 'Secret',
      personal_data: 'maybe',
      asset_type: 'spreadsheet',
    });
    expect(query.sensitivity_label).toBeUndefined();
    expect(query.personal_data).toBeUndefined();
    expect(query.asset_type).toBeUndefined();
  });
});
