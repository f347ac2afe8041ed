import { describe, expect, it } from 'vitest';
import { asRecord, changedFields } from './history-diff';

describe('changedFields', () => {
  it('lists only the fields an update changed, leaving out version and timestamps', () => {
    const before = { id: 'r1', code: 'EA', name: 'East Africa', version: 1, updated_at: 'a' };
    const after = { id: 'r1', code: 'EA', name: 'Eastern Africa', version: 2, updated_at: 'b' };
    expect(changedFields(before, after)).toEqual([
      { field: 'name', before: 'East Africa', after: 'Eastern Africa' },
    ]);
  });

  it('lists every field of a created record as new', () => {
    expect(changedFields(null, { code: 'KE', city: null })).toEqual([
      { field: 'code', before: undefined, after: 'KE' },
      { field: 'city', before: undefined, after: null },
    ]);
  });

  it('lists every field of a deleted record as removed', () => {
    expect(changedFields({ code: 'KE' }, null)).toEqual([{ field: 'code', before: 'KE', after: undefined }]);
  });

  it('compares arrays by value', () => {
    const roles = ['data_owner'];
    expect(changedFields({ governance_roles: roles }, { governance_roles: [...roles] })).toEqual([]);
    expect(changedFields({ governance_roles: roles }, { governance_roles: [] })).toHaveLength(1);
  });

  it('reads snapshots stored as JSON text', () => {
    expect(changedFields('{"name":"A"}', '{"name":"B"}')).toEqual([
      { field: 'name', before: 'A', after: 'B' },
    ]);
  });
});

describe('asRecord', () => {
  it('refuses text that is not a JSON object', () => {
    expect(asRecord('not json')).toBeNull();
    expect(asRecord('[1,2]')).toBeNull();
    expect(asRecord(42)).toBeNull();
  });
});
