import { errors } from './errors.js';

export const ROLES = [
  'admin',
  'governance_officer',
  'regional_focal_point',
  'office_focal_point',
  'data_custodian',
  'auditor',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.structure.write', // regions and offices: create, rename, delete
  'org.office.write', // edit an office in scope and its departments
  'people.read',
  'people.write',
  'people.import',
  'users.manage',
  'account.self', // one's own password and API tokens
  'audit.read',
  'audit.verify',
  'system.admin', // backup, restore, settings
  'ai.read', // EU AI Act questionnaire, classification and suggestions; the AI systems register
  'ai.write', // add, change, delete AI systems; draft and submit their classifications
  'ai.verify', // review classifications: start a review, verify, request changes (never one's own)
  'inventory.read', // data assets
  'inventory.write', // add, change, delete data assets (data custodians: their own only)
  'rollout.read', // roll-out waves, offices' onboarding status and progress
  'rollout.write', // an office's onboarding status, dates and notes
  'rollout.plan', // roll-out waves, and which wave and focal point each office has
  'scorecard.read', // Data Health Scorecard, asset health, trends
  'scorecard.snapshot', // take scorecard snapshots now (which also reconciles the scorecard's actions)
  'scorecard.manage', // scorecard settings: weights, bands, due days, custom controls
  'actions.read', // actions in scope (scorecard failures, later other sources)
  'usage.read', // AI usage reports and ingested files: organisation-wide data, no office scope
  'usage.ingest', // ingest proxy and DNS logs
  'usage.apps.write', // the organisation's status and attribute overrides of AI apps, custom apps
  'usage.settings', // the AI usage alert rules' settings (users threshold, upload threshold, period)
  'risk.read', // the risk register, its heat map and summary
  'risk.write', // add, change, delete risks and their treatments (a risk's owner may also accept it)
  'risk.accept', // sign off the acceptance of any risk in scope (never one the signer proposed)
  'compliance.read', // compliance assessments against a framework, in scope, and their progress
  'compliance.write', // create, change, delete assessments in scope and set their requirements' status
  'assessment.read', // assessments in scope, their evidence, findings, versions and exports; templates
  'assessment.write', // start and run assessments: answers, evidence, findings, review, complete, reopen
  'assessment.templates', // add and delete assessment templates (admins)
  'jobs.read', // one's own background jobs (admins: everyone's) and their progress
  'jobs.cancel', // cancel one's own background jobs (admins: anyone's)
  'classification.read', // sensitive-data scans and their findings in scope; disclosure-risk checks
  'classification.scan', // scan uploaded files; check permission listings (violations become actions)
  'classification.label', // confirm or override a scanned dataset's label and write it to its asset
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Every role starts from these: reading the organisation, the data inventory, its roll-out and health,
// the AI Act guidance, and managing one's own password and tokens.
const READ_ONLY: Permission[] = [
  'org.read',
  'people.read',
  'account.self',
  'ai.read',
  'inventory.read',
  'rollout.read',
  'scorecard.read',
  'actions.read',
  'risk.read',
  'compliance.read',
  'assessment.read',
  'jobs.read',
  'jobs.cancel',
];

// Finding and labelling sensitive data: those who run the inventory of an office or more.
const CLASSIFICATION: Permission[] = ['classification.read', 'classification.scan', 'classification.label'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  governance_officer: [
    ...READ_ONLY,
    'org.structure.write',
    'org.office.write',
    'people.write',
    'people.import',
    'audit.read',
    'inventory.write',
    'rollout.write',
    'rollout.plan',
    'scorecard.snapshot',
    'ai.write',
    'ai.verify',
    'usage.read',
    'usage.ingest',
    'risk.write',
    'risk.accept',
    'compliance.write',
    'assessment.write',
    ...CLASSIFICATION,
  ],
  regional_focal_point: [
    ...READ_ONLY,
    'org.office.write',
    'people.write',
    'people.import',
    'audit.read',
    'inventory.write',
    'rollout.write',
    'rollout.plan',
    'ai.write',
    'risk.write',
    'compliance.write',
    'assessment.write',
    ...CLASSIFICATION,
  ],
  office_focal_point: [
    ...READ_ONLY,
    'org.office.write',
    'people.write',
    'audit.read',
    'inventory.write',
    'rollout.write',
    'ai.write',
    'risk.write',
    'compliance.write',
    'assessment.write',
    ...CLASSIFICATION,
  ],
  // Custodians label their own assets only (the inventory's rule): they read scans and confirm labels.
  data_custodian: [
    ...READ_ONLY,
    'audit.read',
    'inventory.write',
    'risk.write',
    'classification.read',
    'classification.label',
  ],
  auditor: [...READ_ONLY, 'audit.read', 'audit.verify', 'usage.read', 'classification.read'],
  viewer: READ_ONLY,
};

/** Roles whose data scope is the whole organisation, whatever scope lists they carry. */
export const ORGANISATION_WIDE_ROLES: readonly Role[] = ['admin', 'governance_officer', 'auditor'];

/**
 * Where a caller may look. `all` for organisation-wide roles; otherwise the resolved set of
 * office ids (regions are expanded to their offices when the caller is loaded).
 */
export type Scope =
  { kind: 'all' } | { kind: 'offices'; officeIds: ReadonlySet<string>; regionIds: ReadonlySet<string> };

/** Who is calling: a signed-in user, an API token, or the local CLI operator. */
export interface Actor {
  userId: string | null;
  label: string; // e-mail or "cli"; what the audit trail shows
  role: Role;
  scope: Scope;
  personId: string | null;
  /** Tokens may be read-only: writes are refused even when the role allows them. */
  readOnly: boolean;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.readOnly && !permission.endsWith('.read')) return false;
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** First line of every service method. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw errors.forbidden(permission);
}

export function inScope(actor: Actor, officeId: string | null | undefined): boolean {
  if (actor.scope.kind === 'all') return true;
  return officeId != null && actor.scope.officeIds.has(officeId);
}

export function regionInScope(actor: Actor, regionId: string | null | undefined): boolean {
  if (actor.scope.kind === 'all') return true;
  return regionId != null && actor.scope.regionIds.has(regionId);
}

/** The local operator running `custos` on the server: full rights, as the shell user already has the file. */
export function systemActor(label = 'cli'): Actor {
  return { userId: null, label, role: 'admin', scope: { kind: 'all' }, personId: null, readOnly: false };
}
