import { describe, expect, it } from 'vitest';
import { personSearchText, presentPerson, storedRoles } from './person.present.js';

describe('person storage and presentation', () => {
  it('stores governance roles once each, in catalogue order', () => {
    expect(storedRoles(['focal_point', 'data_owner', 'focal_point'])).toBe('["data_owner","focal_point"]');
    expect(storedRoles([])).toBe('[]');
  });

  it('folds name, e-mail and job title for accent- and case-insensitive search', () => {
    expect(personSearchText({ full_name: 'Zoë Ñúñez', email: 'zoe@example.org', job_title: null })).toBe(
      'zoe nunez zoe@example.org',
    );
  });

  it('presents roles as an array and active as a boolean, without the search column', () => {
    const person = presentPerson({
      id: 'p1',
      full_name: 'Ann Lee',
      email: 'ann@example.org',
      office_id: 'o1',
      department_id: null,
      job_title: 'Analyst',
      governance_roles: '["data_steward"]',
      active: 0,
      search_text: 'ann lee',
      version: 3,
      created_at: '2026-11-30T09:00:00.000Z',
      updated_at: '2026-11-30T09:00:00.000Z',
    });
    expect(person.governance_roles).toEqual(['data_steward']);
    expect(person.active).toBe(false);
    expect(person).not.toHaveProperty('search_text');
  });
});
