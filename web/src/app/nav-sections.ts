import type { Permission } from '@server/core/permissions';
import {
  IconApps,
  IconBooks,
  IconDeviceDesktopAnalytics,
  IconBuilding,
  IconDatabase,
  IconChartBar,
  IconChartPie,
  IconChecklist,
  IconClipboardCheck,
  IconFileImport,
  IconFileUpload,
  IconDatabaseImport,
  IconFlame,
  IconHistory,
  IconAlertTriangle,
  IconKey,
  IconMap2,
  IconRobot,
  IconRoute,
  IconTableColumn,
  IconScale,
  IconScan,
  IconShieldLock,
  IconEyeOff,
  IconSettings,
  IconUserCog,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavLinkItem {
  to: string;
  label:
    | 'nav.regions'
    | 'nav.offices'
    | 'nav.people'
    | 'nav.import'
    | 'nav.rollout'
    | 'nav.assets'
    | 'nav.inventoryImport'
    | 'nav.library'
    | 'nav.crosswalk'
    | 'nav.compliance'
    | 'aiAct.nav.check'
    | 'nav.aiSystems'
    | 'nav.aiDashboard'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.tokens'
    | 'nav.scorecard'
    | 'nav.myActions'
    | 'nav.scorecardSettings'
    | 'nav.usage'
    | 'nav.usageIngest'
    | 'nav.usageApps'
    | 'nav.assessmentsList'
    | 'nav.riskRegister'
    | 'nav.riskDashboard'
    | 'nav.scans'
    | 'nav.accessCheck'
    | 'nav.disclosure';
  icon: Icon;
  /** Shown only to holders of this permission; the page checks again, and so does the API. */
  permission: Permission;
}

export interface NavSection {
  id: string;
  label:
    | 'nav.organisation'
    | 'nav.inventory'
    | 'nav.dataHealth'
    | 'nav.sensitiveData'
    | 'aiAct.nav.section'
    | 'nav.risks'
    | 'nav.frameworks'
    | 'nav.assessments'
    | 'nav.administration'
    | 'nav.account';
  links: NavLinkItem[];
}

const SECTIONS: NavSection[] = [
  {
    id: 'organisation',
    label: 'nav.organisation',
    links: [
      { to: '/regions', label: 'nav.regions', icon: IconMap2, permission: 'org.read' },
      { to: '/offices', label: 'nav.offices', icon: IconBuilding, permission: 'org.read' },
      { to: '/people', label: 'nav.people', icon: IconUsers, permission: 'people.read' },
      { to: '/import', label: 'nav.import', icon: IconFileImport, permission: 'people.import' },
      { to: '/rollout', label: 'nav.rollout', icon: IconRoute, permission: 'rollout.read' },
    ],
  },
  {
    id: 'inventory',
    label: 'nav.inventory',
    links: [
      { to: '/inventory/assets', label: 'nav.assets', icon: IconDatabase, permission: 'inventory.read' },
      {
        to: '/inventory/import',
        label: 'nav.inventoryImport',
        icon: IconDatabaseImport,
        permission: 'inventory.read',
      },
    ],
  },
  {
    id: 'data-health',
    label: 'nav.dataHealth',
    links: [
      { to: '/scorecard', label: 'nav.scorecard', icon: IconChartBar, permission: 'scorecard.read' },
      { to: '/actions', label: 'nav.myActions', icon: IconChecklist, permission: 'actions.read' },
      {
        to: '/scorecard/settings',
        label: 'nav.scorecardSettings',
        icon: IconSettings,
        permission: 'scorecard.manage',
      },
    ],
  },
  {
    id: 'sensitive-data',
    label: 'nav.sensitiveData',
    links: [
      { to: '/sensitive-data/scans', label: 'nav.scans', icon: IconScan, permission: 'classification.read' },
      {
        to: '/sensitive-data/access',
        label: 'nav.accessCheck',
        icon: IconShieldLock,
        permission: 'classification.scan',
      },
      {
        to: '/sensitive-data/disclosure',
        label: 'nav.disclosure',
        icon: IconEyeOff,
        permission: 'classification.read',
      },
    ],
  },
  {
    id: 'ai',
    label: 'aiAct.nav.section',
    links: [
      { to: '/ai-systems', label: 'nav.aiSystems', icon: IconRobot, permission: 'ai.read' },
      {
        to: '/ai-systems/dashboard',
        label: 'nav.aiDashboard',
        icon: IconChartPie,
        permission: 'ai.read',
      },
      { to: '/ai-act', label: 'aiAct.nav.check', icon: IconScale, permission: 'ai.read' },
      { to: '/usage', label: 'nav.usage', icon: IconDeviceDesktopAnalytics, permission: 'usage.read' },
      { to: '/usage/ingest', label: 'nav.usageIngest', icon: IconFileUpload, permission: 'usage.ingest' },
      { to: '/usage/apps', label: 'nav.usageApps', icon: IconApps, permission: 'usage.read' },
    ],
  },
  {
    id: 'risks',
    label: 'nav.risks',
    links: [
      { to: '/risks', label: 'nav.riskRegister', icon: IconAlertTriangle, permission: 'risk.read' },
      { to: '/risks/dashboard', label: 'nav.riskDashboard', icon: IconFlame, permission: 'risk.read' },
    ],
  },
  {
    id: 'frameworks',
    label: 'nav.frameworks',
    links: [
      { to: '/frameworks', label: 'nav.library', icon: IconBooks, permission: 'org.read' },
      { to: '/crosswalk', label: 'nav.crosswalk', icon: IconTableColumn, permission: 'org.read' },
      { to: '/compliance', label: 'nav.compliance', icon: IconClipboardCheck, permission: 'compliance.read' },
    ],
  },
  {
    id: 'assessments',
    label: 'nav.assessments',
    links: [
      {
        to: '/assessments',
        label: 'nav.assessmentsList',
        icon: IconClipboardCheck,
        permission: 'assessment.read',
      },
    ],
  },
  {
    id: 'administration',
    label: 'nav.administration',
    links: [
      { to: '/users', label: 'nav.users', icon: IconUserCog, permission: 'users.manage' },
      { to: '/audit', label: 'nav.audit', icon: IconHistory, permission: 'audit.read' },
    ],
  },
  {
    id: 'account',
    label: 'nav.account',
    links: [{ to: '/tokens', label: 'nav.tokens', icon: IconKey, permission: 'account.self' }],
  },
];

/** The navigation the reader may use: links they lack the permission for, and empty sections, left out. */
export function navSections(can: (permission: Permission) => boolean): NavSection[] {
  return SECTIONS.map((section) => ({
    ...section,
    links: section.links.filter((link) => can(link.permission)),
  })).filter((section) => section.links.length > 0);
}

/**
 * The link of the page shown: the longest whose address starts the path, so the scorecard's settings
 * (`/scorecard/settings`) do not also light up the scorecard (`/scorecard`).
 */
export function activeLink(sections: readonly NavSection[], pathname: string): string | undefined {
  let active: string | undefined;
  for (const link of sections.flatMap((section) => section.links)) {
    if (pathname.startsWith(link.to) && link.to.length > (active?.length ?? 0)) active = link.to;
  }
  return active;
}
