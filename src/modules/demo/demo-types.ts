import type { Role } from '../../core/permissions.js';
import type { GovernanceRole } from '../org/org.schema.js';

/** Plain data for the demo organisation, keyed by codes and e-mails (no database ids yet). */

export interface DemoRegion {
  code: string;
  name: string;
}

export interface DemoOffice {
  code: string;
  name: string;
  kind: 'country_office' | 'hq_department';
  /** null for HQ departments, which serve every region. */
  region_code: string | null;
  country_code: string;
  city: string;
}

export interface DemoDepartment {
  office_code: string;
  code: string;
  name: string;
}

export interface DemoPerson {
  full_name: string;
  email: string;
  office_code: string;
  department_code: string;
  job_title: string;
  governance_roles: GovernanceRole[];
}

export interface DemoLogin {
  role: Role;
  email: string;
  display_name: string;
  /** The demo person this account belongs to (link users.person_id by this e-mail). */
  person_email: string;
  region_codes?: string[];
  office_codes?: string[];
}

export interface DemoOrganisation {
  regions: DemoRegion[];
  offices: DemoOffice[];
  departments: DemoDepartment[];
  people: DemoPerson[];
  logins: DemoLogin[];
}

export const DEMO_EMAIL_DOMAIN = 'custos-demo.org';
