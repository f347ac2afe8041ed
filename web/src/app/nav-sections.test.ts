import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Role } from '../../../src/core/permissions';
import { activeLink, navSections } from './nav-sections';

const linksOf = (role: Role) => {
  const granted = new Set(ROLE_PERMISSIONS[role]);
  return navSections((permission) => granted.has(permission)).map((section) => [
    section.id,
    section.links.map((link) => link.to),
  ]);
};

describe('navSections', () => {
  it('shows an administrator every page', () => {
    expect(linksOf('admin')).toEqual([
      ['organisation', ['/regions', '/offices', '/people', '/import', '/rollout']],
      ['inventory', ['/inventory/assets', '/inventory/import']],
      ['data-health', ['/scorecard', '/actions', '/scorecard/settings']],
      ['sensitive-data', ['/sensitive-data/scans', '/sensitive-data/access', '/sensitive-data/disclosure']],
      ['ai', ['/ai-systems', '/ai-systems/dashboard', '/ai-act', '/usage', '/usage/ingest', '/usage/apps']],
      ['risks', ['/risks', '/risks/dashboard']],
      ['frameworks', ['/frameworks', '/crosswalk', '/compliance']],
      ['assessments', ['/assessments']],
      ['administration', ['/users', '/audit']],
      ['account', ['/tokens']],
    ]);
  });

  it('shows a viewer the organisation, the data inventory, the AI Act check but not AI usage, the frameworks library and their own tokens only', () => {
    expect(linksOf('viewer')).toEqual([
      ['organisation', ['/regions', '/offices', '/people', '/rollout']],
      ['inventory', ['/inventory/assets', '/inventory/import']],
      ['data-health', ['/scorecard', '/actions']],
      ['ai', ['/ai-systems', '/ai-systems/dashboard', '/ai-act']],
      ['risks', ['/risks', '/risks/dashboard']],
      ['frameworks', ['/frameworks', '/crosswalk', '/compliance']],
      ['assessments', ['/assessments']],
      ['account', ['/tokens']],
    ]);
  });

  it('shows an auditor the audit trail and AI usage but neither users, import nor log ingestion', () => {
    expect(linksOf('auditor')).toEqual([
      ['organisation', ['/regions', '/offices', '/people', '/rollout']],
      ['inventory', ['/inventory/assets', '/inventory/import']],
      ['data-health', ['/scorecard', '/actions']],
      ['sensitive-data', ['/sensitive-data/scans', '/sensitive-data/disclosure']],
      ['ai', ['/ai-systems', '/ai-systems/dashboard', '/ai-act', '/usage', '/usage/apps']],
      ['risks', ['/risks', '/risks/dashboard']],
      ['frameworks', ['/frameworks', '/crosswalk', '/compliance']],
      ['assessments', ['/assessments']],
      ['administration', ['/audit']],
      ['account', ['/tokens']],
    ]);
  });

  it('shows the frameworks library, the crosswalk and compliance assessments to every role, since all may read them', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as Role[]) {
      expect(linksOf(role), role).toContainEqual(['risks', ['/risks', '/risks/dashboard']]);
      expect(linksOf(role), role).toContainEqual([
        'frameworks',
        ['/frameworks', '/crosswalk', '/compliance'],
      ]);
    }
  });

  it('leaves out sections with no permitted link', () => {
    expect(navSections(() => false)).toEqual([]);
  });

  it.each([
    ['/scorecard', '/scorecard'],
    ['/scorecard/settings', '/scorecard/settings'],
    ['/offices/0193', '/offices'],
    ['/inventory/assets/42', '/inventory/assets'],
    ['/nowhere', undefined],
  ])('lights up the link of %s', (pathname, expected) => {
    expect(
      activeLink(
        navSections(() => true),
        pathname,
      ),
    ).toBe(expected);
  });
});
