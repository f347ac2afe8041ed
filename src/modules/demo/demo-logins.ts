import type { Role } from '../../core/permissions.js';
import type { GovernanceRole } from '../org/org.schema.js';
import { DEMO_EMAIL_DOMAIN, type DemoLogin, type DemoPerson } from './demo-types.js';

interface LoginPlan {
  role: Role;
  email: string;
  office: string;
  /** Who in that office holds the account. */
  who: 'head' | 'focal_point' | GovernanceRole | 'no_role';
  region_codes?: string[];
  office_codes?: string[];
}

/**
 * One sign-in per role, each held by a demo person whose office matches the scope: the
 * organisation-wide roles sit at HQ; scoped roles sit in the office or region they cover.
 */
const LOGIN_PLANS: readonly LoginPlan[] = [
  { role: 'admin', email: 'admin', office: 'HQ-ICT', who: 'focal_point' },
  { role: 'governance_officer', email: 'governance.officer', office: 'HQ-DPO', who: 'head' },
  {
    role: 'regional_focal_point',
    email: 'regional.focal.point',
    office: 'CO-KE',
    who: 'focal_point',
    region_codes: ['EHA'],
  },
  {
    role: 'office_focal_point',
    email: 'office.focal.point',
    office: 'CO-SN',
    who: 'focal_point',
    office_codes: ['CO-SN'],
  },
  {
    role: 'data_custodian',
    email: 'data.custodian',
    office: 'CO-CO',
    who: 'data_custodian',
    office_codes: ['CO-CO'],
  },
  { role: 'auditor', email: 'auditor', office: 'HQ-OIG', who: 'head' },
  { role: 'viewer', email: 'viewer', office: 'CO-JO', who: 'no_role', office_codes: ['CO-JO'] },
];

/** Offices the logins need fully staffed; the generator gives them every unit and four people. */
export const DEMO_LOGIN_ANCHORS = {
  countryOffices: LOGIN_PLANS.map((plan) => plan.office).filter((office) => office.startsWith('CO-')),
  emails: LOGIN_PLANS.map((plan) => `${plan.email}@${DEMO_EMAIL_DOMAIN}`),
};

function holder(people: readonly DemoPerson[], plan: LoginPlan): DemoPerson {
  const staff = people.filter((person) => person.office_code === plan.office);
  const found =
    plan.who === 'head'
      ? staff[0]
      : plan.who === 'no_role'
        ? (staff.find((person) => person.governance_roles.length === 0) ?? staff[staff.length - 1])
        : staff.find((person) => person.governance_roles.includes(plan.who as GovernanceRole));
  if (!found) throw new Error(`No demo person in ${plan.office} can hold the ${plan.role} login`);
  return found;
}

export function buildDemoLogins(people: readonly DemoPerson[]): DemoLogin[] {
  return LOGIN_PLANS.map((plan) => {
    const person = holder(people, plan);
    return {
      role: plan.role,
      email: `${plan.email}@${DEMO_EMAIL_DOMAIN}`,
      display_name: person.full_name,
      person_email: person.email,
      ...(plan.region_codes ? { region_codes: plan.region_codes } : {}),
      ...(plan.office_codes ? { office_codes: plan.office_codes } : {}),
    };
  });
}
