import { describe, expect, it } from 'vitest';
import { recordName, recordPath } from './audit-record';

const base = {
  entity_type: 'office',
  entity_id: 'o1',
  action: 'create',
  office_id: 'o1',
  actor_id: 'u1',
  actor_label: 'admin@example.org',
  before: null,
  after: null,
};

describe('recordName', () => {
  it('names the record from the snapshot after the change', () => {
    expect(recordName({ ...base, after: { code: 'KE-NBO', name: 'Kenya Country Office' } })).toBe(
      'Kenya Country Office',
    );
  });

  it('names a deleted record from the snapshot before the deletion, stored as JSON text too', () => {
    expect(recordName({ ...base, before: '{"full_name":"Amina Diallo"}' })).toBe('Amina Diallo');
  });

  it('names an account by its display name and a token by its name', () => {
    expect(recordName({ ...base, entity_type: 'user', after: { display_name: 'Fatou Sow' } })).toBe(
      'Fatou Sow',
    );
    expect(recordName({ ...base, entity_type: 'api_token', after: { name: 'Monthly export' } })).toBe(
      'Monthly export',
    );
  });

  it('names the acting user for their own sign-in, which keeps no snapshot', () => {
    expect(recordName({ ...base, entity_type: 'user', entity_id: 'u1' })).toBe('admin@example.org');
  });

  it('is null when nothing names the record', () => {
    expect(recordName({ ...base, entity_type: 'user', entity_id: 'u2', after: { version: 2 } })).toBeNull();
  });
});

describe('recordPath', () => {
  it('links regions, offices and people to their pages', () => {
    expect(recordPath({ ...base, entity_type: 'region', entity_id: 'r1' })).toBe('/regions/r1');
    expect(recordPath(base)).toBe('/offices/o1');
    expect(recordPath({ ...base, entity_type: 'person', entity_id: 'p1' })).toBe('/people/p1');
  });

  it("links a department to its office's page", () => {
    expect(recordPath({ ...base, entity_type: 'department', entity_id: 'd1', office_id: 'o9' })).toBe(
      '/offices/o9',
    );
  });

  it('does not link deleted records or records without a page', () => {
    expect(recordPath({ ...base, action: 'delete' })).toBeNull();
    expect(recordPath({ ...base, entity_type: 'api_token', entity_id: 't1' })).toBeNull();
    expect(recordPath({ ...base, entity_type: 'department', office_id: null })).toBeNull();
  });
});
