import type { GovernanceRole } from '../org/org.schema.js';

/** Units of a country office: code, name, job titles, and how often an office has one. */
export interface UnitTemplate {
  code: string;
  name: string;
  titles: readonly string[];
  /** Share of country offices with this unit (1 = all). */
  frequency: number;
  /** Governance role some staff of this unit hold, and how likely. */
  role?: readonly [GovernanceRole, number];
}

export const COUNTRY_OFFICE_UNITS: readonly UnitTemplate[] = [
  {
    code: 'COM',
    name: 'Office of the Chief of Mission',
    titles: ['Executive Assistant', 'Senior Policy Adviser'],
    frequency: 1,
  },
  {
    code: 'PRG',
    name: 'Programmes',
    titles: [
      'Programme Officer',
      'Project Manager',
      'Programme Assistant',
      'Monitoring and Evaluation Officer',
    ],
    frequency: 1,
    role: ['data_steward', 0.35],
  },
  {
    code: 'FIN',
    name: 'Finance and Administration',
    titles: ['Finance Officer', 'Finance Assistant', 'Administrative Assistant', 'Procurement Officer'],
    frequency: 1,
    role: ['data_owner', 0.1],
  },
  {
    code: 'ICT',
    name: 'Information and Communications Technology',
    titles: ['ICT Officer', 'ICT Assistant', 'Information Management Officer'],
    frequency: 0.8,
    role: ['data_custodian', 0.6],
  },
  {
    code: 'HR',
    name: 'Human Resources',
    titles: ['Human Resources Officer', 'Human Resources Assistant'],
    frequency: 0.6,
    role: ['data_owner', 0.15],
  },
  {
    code: 'PRT',
    name: 'Protection',
    titles: ['Protection Officer', 'Case Management Officer', 'Protection Assistant'],
    frequency: 0.5,
    role: ['data_steward', 0.4],
  },
  {
    code: 'MH',
    name: 'Migration Health',
    titles: ['Migration Health Physician', 'Nurse', 'Migration Health Officer'],
    frequency: 0.4,
    role: ['data_steward', 0.4],
  },
];

export interface HqDepartmentTemplate {
  code: string;
  name: string;
  units: ReadonlyArray<readonly [code: string, name: string]>;
  titles: readonly string[];
  role?: readonly [GovernanceRole, number];
}

/** Headquarters departments, each an office of kind hq_department with its own units. */
export const HQ_DEPARTMENTS: readonly HqDepartmentTemplate[] = [
  {
    code: 'HQ-ICT',
    name: 'Information and Communications Technology Division',
    units: [
      ['INF', 'Infrastructure'],
      ['APP', 'Applications'],
      ['SEC', 'Information Security'],
      ['SD', 'Service Desk'],
    ],
    titles: [
      'Systems Engineer',
      'Information Security Officer',
      'Application Developer',
      'Service Desk Analyst',
      'Cloud Architect',
    ],
    role: ['data_custodian', 0.5],
  },
  {
    code: 'HQ-LEG',
    name: 'Office of Legal Affairs',
    units: [
      ['ADV', 'Legal Advice'],
      ['CTR', 'Contracts and Agreements'],
    ],
    titles: ['Legal Officer', 'Associate Legal Officer', 'Legal Assistant'],
  },
  {
    code: 'HQ-DPO',
    name: 'Data Protection Office',
    units: [
      ['DPU', 'Data Protection Unit'],
      ['PRV', 'Privacy Compliance'],
    ],
    titles: ['Data Protection Officer', 'Privacy Specialist', 'Data Protection Assistant'],
    role: ['data_steward', 0.6],
  },
  {
    code: 'HQ-HR',
    name: 'Human Resources Management Division',
    units: [
      ['REC', 'Recruitment'],
      ['POL', 'HR Policy'],
      ['PAY', 'Payroll and Benefits'],
    ],
    titles: ['Human Resources Officer', 'Recruitment Specialist', 'Payroll Officer'],
    role: ['data_owner', 0.2],
  },
  {
    code: 'HQ-FIN',
    name: 'Financial Management Division',
    units: [
      ['ACC', 'Accounts'],
      ['TRS', 'Treasury'],
      ['BUD', 'Budget'],
    ],
    titles: ['Finance Officer', 'Treasury Officer', 'Budget Analyst', 'Accountant'],
    role: ['data_owner', 0.15],
  },
  {
    code: 'HQ-PRG',
    name: 'Programme Support and Development Department',
    units: [
      ['PSU', 'Programme Support'],
      ['MEL', 'Monitoring, Evaluation and Learning'],
    ],
    titles: ['Programme Specialist', 'Monitoring and Evaluation Officer', 'Knowledge Management Officer'],
    role: ['data_steward', 0.25],
  },
  {
    code: 'HQ-MH',
    name: 'Migration Health Division',
    units: [
      ['HAS', 'Health Assessment'],
      ['PHE', 'Public Health in Emergencies'],
    ],
    titles: ['Migration Health Physician', 'Epidemiologist', 'Health Information Officer'],
    role: ['data_steward', 0.3],
  },
  {
    code: 'HQ-PRT',
    name: 'Protection Division',
    units: [
      ['CHP', 'Child Protection'],
      ['CTP', 'Counter-Trafficking'],
    ],
    titles: ['Protection Specialist', 'Counter-Trafficking Officer', 'Child Protection Officer'],
    role: ['data_steward', 0.3],
  },
  {
    code: 'HQ-EMR',
    name: 'Department of Emergency Response',
    units: [
      ['OPS', 'Operations'],
      ['SHL', 'Shelter and Settlements'],
    ],
    titles: ['Emergency Coordinator', 'Shelter Officer', 'Operations Officer'],
  },
  {
    code: 'HQ-OIG',
    name: 'Office of the Inspector General',
    units: [
      ['AUD', 'Internal Audit'],
      ['INV', 'Investigations'],
    ],
    titles: ['Internal Auditor', 'Investigator', 'Audit Assistant'],
  },
  {
    code: 'HQ-COM',
    name: 'Media and Communications Division',
    units: [
      ['MED', 'Media Relations'],
      ['WEB', 'Digital Communications'],
    ],
    titles: ['Communications Officer', 'Digital Content Editor', 'Media Assistant'],
  },
  {
    code: 'HQ-DAT',
    name: 'Global Data and Analytics Centre',
    units: [
      ['STA', 'Statistics'],
      ['ENG', 'Data Engineering'],
      ['AIN', 'AI and Innovation'],
    ],
    titles: ['Data Scientist', 'Statistician', 'Data Engineer', 'AI Ethics Officer'],
    role: ['data_steward', 0.4],
  },
];

export const HQ_LOCATION = { country_code: 'CH', city: 'Geneva' } as const;
