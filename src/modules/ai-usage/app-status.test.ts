import { describe, expect, it } from 'vitest';
import { resolveStatus, type AppStatus, type RegistryLink, type ResolvedStatus } from './app-status.js';

const system = (id: string, name: string, approval_status: RegistryLink['approval_status']) => ({
  system_id: id,
  system_name: name,
  approval_status,
});

describe('resolveStatus', () => {
  const cases: {
    name: string;
    page: AppStatus;
    systems: ReturnType<typeof system>[];
    expected: ResolvedStatus;
  }[] = [
    {
      name: 'nobody reviewed it',
      page: 'not_reviewed',
      systems: [],
      expected: { status: 'not_reviewed', status_source: 'not_reviewed', status_system: null },
    },
    {
      name: 'the catalogue page decided',
      page: 'approved',
      systems: [],
      expected: { status: 'approved', status_source: 'catalogue_page', status_system: null },
    },
    {
      name: 'the registry wins over the catalogue page',
      page: 'unapproved',
      systems: [system('s1', 'Chat helper', 'approved')],
      expected: {
        status: 'approved',
        status_source: 'registry',
        status_system: { id: 's1', name: 'Chat helper' },
      },
    },
    {
      name: 'the registry decides an app nobody reviewed on the page',
      page: 'not_reviewed',
      systems: [system('s1', 'Chat helper', 'under_review')],
      expected: {
        status: 'under_review',
        status_source: 'registry',
        status_system: { id: 's1', name: 'Chat helper' },
      },
    },
    {
      name: 'several systems: the most restrictive wins',
      page: 'approved',
      systems: [
        system('s1', 'A', 'approved'),
        system('s2', 'B', 'unapproved'),
        system('s3', 'C', 'approved_with_conditions'),
      ],
      expected: { status: 'unapproved', status_source: 'registry', status_system: { id: 's2', name: 'B' } },
    },
    {
      name: 'conditions are more restrictive than a plain approval',
      page: 'not_reviewed',
      systems: [system('s1', 'A', 'approved'), system('s2', 'B', 'approved_with_conditions')],
      expected: {
        status: 'approved_with_conditions',
        status_source: 'registry',
        status_system: { id: 's2', name: 'B' },
      },
    },
    {
      name: 'under review is more restrictive than conditions',
      page: 'not_reviewed',
      systems: [system('s2', 'B', 'approved_with_conditions'), system('s1', 'A', 'under_review')],
      expected: { status: 'under_review', status_source: 'registry', status_system: { id: 's1', name: 'A' } },
    },
    {
      name: 'a tie names the system whose name sorts first, whatever the order given',
      page: 'not_reviewed',
      systems: [system('s9', 'Zeta', 'unapproved'), system('s1', 'Alpha', 'unapproved')],
      expected: {
        status: 'unapproved',
        status_source: 'registry',
        status_system: { id: 's1', name: 'Alpha' },
      },
    },
  ];
  it.each(cases)('$name', ({ page, systems, expected }) => {
    expect(resolveStatus(page, systems)).toEqual(expected);
    expect(resolveStatus(page, [...systems].reverse())).toEqual(expected);
  });
});
