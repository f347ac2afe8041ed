import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Portable schema: text, integer, real; JSON as text; booleans as 0/1;
 * timestamps ISO-8601 UTC text; ids UUIDv7 text.
 */
export interface RegionTable {
  id: string;
  code: string;
  name: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OfficeTable {
  id: string;
  code: string;
  name: string;
  kind: 'country_office' | 'hq_department';
  region_id: string | null;
  country_code: string | null;
  city: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DepartmentTable {
  id: string;
  office_id: string;
  code: string;
  name: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  full_name: string;
  email: string;
  office_id: string;
  department_id: string | null;
  job_title: string | null;
  governance_roles: string; // JSON array of GovernanceRole
  active: number;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  role: string;
  scope_region_ids: string; // JSON array
  scope_office_ids: string; // JSON array
  person_id: string | null;
  password_hash: string | null;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string; // SHA-256 of the cookie value
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  read_only: number;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface OidcStateTable {
  id: string; // SHA-256 of the state value
  code_verifier: string;
  nonce: string;
  created_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  office_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AssetTable {
  seq: Generated<number>; // integer key for the SQLite full-text index; never shown
  id: string;
  name: string;
  description: string | null;
  asset_type: string; // AssetType
  system_id: string | null; // the parent system: an asset of type application or database
  office_id: string;
  department_id: string | null;
  data_owner_id: string | null;
  data_custodian_id: string | null;
  data_steward_id: string | null;
  focal_point_id: string | null;
  sensitivity_label: string | null; // SensitivityLabel; null = unlabelled
  personal_data: number;
  special_categories: string; // JSON array of SpecialCategory
  data_subjects: string; // JSON array of DataSubject
  legal_basis: string | null;
  purpose: string | null;
  retention: string | null;
  hosting_location: string | null;
  sharing_agreements: string | null;
  tags: string; // JSON array of strings
  last_reviewed: string | null; // YYYY-MM-DD
  last_access_review: string | null; // YYYY-MM-DD
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RolloutWaveTable {
  id: string;
  region_id: string;
  name: string;
  number: number; // order within the region, from 1
  planned_start: string | null; // YYYY-MM-DD
  planned_end: string | null; // YYYY-MM-DD
  notes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One office's place in the roll-out; an office without a row has not started and has no wave. */
export interface OfficeOnboardingTable {
  id: string;
  office_id: string;
  wave_id: string | null;
  status: string; // OnboardingStatus
  focal_point_id: string | null;
  target_date: string | null; // YYYY-MM-DD
  actual_date: string | null; // YYYY-MM-DD; set exactly when status is complete
  notes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ScorecardSettingsTable {
  id: string; // 'scorecard': the single row
  config: string; // JSON ScorecardConfigInput
  custom_controls: string; // JSON array of RuleDefinitionInput
  version: number;
  updated_at: string;
}

export interface ScorecardSnapshotTable {
  id: string;
  date: string; // YYYY-MM-DD
  dimension: string; // ScorecardDimension
  key: string; // group key; '' for the unassigned group
  name: string | null;
  assets: number;
  score: number | null;
  band: string | null;
  controls: string; // JSON {<control>: {passed, applicable}}
  created_at: string;
}

export interface ActionTable {
  id: string;
  source: string; // 'scorecard', …
  source_key: string; // dedupe key, e.g. scorecard:<asset id>:<control>
  subject_type: string; // 'asset', …
  subject_id: string;
  office_id: string | null;
  assignee_person_id: string | null;
  code: string;
  reason_codes: string; // JSON array of strings
  due_date: string; // YYYY-MM-DD
  status: string; // open | closed
  close_reason: string | null;
  opened_at: string;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AiSystemTable {
  id: string;
  name: string;
  public_description: string | null;
  purpose: string | null;
  office_id: string;
  department_id: string | null;
  business_owner_id: string | null;
  technical_owner_id: string | null;
  provider: string | null;
  contract: string | null;
  models: string; // JSON array of { name, provider, general_purpose }
  deployment: string | null; // Deployment
  lifecycle: string; // Lifecycle
  users: string | null;
  affected_people: string; // JSON array of AffectedPeople
  decisions_informed: string | null;
  human_oversight: string | null;
  personal_data: number;
  approval_status: string; // ApprovalStatus
  approval_conditions: string | null;
  dpia_done: number;
  dpia_reference: string | null;
  usage_app_ids: string; // JSON array of AI usage catalogue ids (data/ai-apps/catalogue.yaml)
  data_asset_ids: string; // JSON array of inventory asset ids
  languages: string; // JSON array of ISO 639-1 codes (lower case)
  countries: string; // JSON array of ISO 3166-1 alpha-2 codes (upper case)
  alternatives_considered: string | null;
  risks_and_mitigations: string | null;
  public: number;
  public_fields: string; // JSON array of PublishableField: what the public register shows
  tier: string | null; // Tier of the last verified classification
  next_review_date: string | null; // YYYY-MM-DD
  search_text: string; // folded name, descriptions and provider (foldForSearch)
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AiClassificationTable {
  id: string;
  ai_system_id: string;
  number: number;
  role: string; // AiActRole
  answers: string; // JSON object: question id → boolean
  result: string; // JSON Classification (the classifier's output)
  tier: string;
  derogation_justification: string | null;
  status: string; // ClassificationStatus
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comments: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsageFileTable {
  id: string;
  fingerprint: string; // SHA-256 of the decompressed content
  name: string;
  format: string; // LogFormat
  compressed: number;
  bytes: number;
  lines: number;
  events: number;
  ai_events: number;
  malformed: number;
  first_day: string | null; // YYYY-MM-DD of the first event (UTC)
  last_day: string | null;
  ingested_by: string;
  ingested_at: string;
}

export interface UsageDailyTotalTable {
  day: string;
  events: number;
  ai_events: number;
}

/** department and office: '' when unknown (they are part of the key). */
export interface UsageDailyTable {
  day: string;
  app_id: string;
  department: string;
  office: string;
  events: number;
  blocked_events: number;
  users: number;
  bytes_up: number;
  bytes_down: number;
  /** The users behind the row: sorted usage_users ids, 32-bit little-endian (user-sets.ts). */
  user_ids: Buffer;
}

/** A number per pseudonym (HMAC of the user, never the user), for the packed sets of usage_daily. */
export interface UsageUserTable {
  id: number;
  user_hash: string;
}

export interface UsageFirstSeenTable {
  app_id: string;
  department: string;
  office: string;
  first_day: string;
}

export interface UsageAppOverrideTable {
  app_id: string;
  custom: number;
  definition: string | null; // JSON: custom apps' name, vendor, category, domains
  status: string; // AppStatus
  risk: string | null; // RiskLevel override; null = derived
  attributes: string; // JSON: Partial<AppAttributes>
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AiRegistrySettingsTable {
  id: string; // 'ai_registry': the single row
  review_months: string; // JSON ReviewMonths: tier → months from verification to the next review
  version: number;
  updated_at: string;
}

/** One row, id 'usage_alerts': the AI usage alert rules' settings. */
export interface UsageAlertSettingsTable {
  id: string;
  min_users: number;
  upload_threshold_mib: number;
  window_days: number;
  due_days: number;
  version: number;
  updated_by: string;
  updated_at: string;
}

/** A compliance assessment against a framework of the library; office_id null: the whole organisation. */
export interface ComplianceAssessmentTable {
  id: string;
  framework_id: string; // an id of data/frameworks, checked by the service
  office_id: string | null;
  title: string;
  owner_id: string | null;
  status: string; // AssessmentStatus
  version: number;
  created_at: string;
  updated_at: string;
}

/** The status given to one requirement; a requirement without a row is unassessed. */
export interface ComplianceRequirementAssessmentTable {
  id: string;
  assessment_id: string;
  requirement_id: string;
  status: string; // RequirementStatus
  not_applicable_reason: string | null; // set exactly when status is not_applicable
  notes: string | null;
  assessed_by: string; // the actor's label
  assessed_at: string;
  version: number;
}

/** Evidence for a requirement: a web link now, a file of the file store (by sha256) once it lands. */
export interface ComplianceEvidenceLinkTable {
  id: string;
  assessment_id: string;
  requirement_id: string;
  position: number;
  kind: string; // 'url' | 'file'
  url: string | null;
  title: string | null;
  sha256: string | null;
  name: string | null;
}

/** A risk of the risk register linked to a requirement (no foreign key until the register lands). */
export interface ComplianceRiskLinkTable {
  assessment_id: string;
  requirement_id: string;
  risk_id: string;
  position: number;
}

export interface RiskTable {
  id: string;
  title: string;
  description: string | null;
  category: string; // RiskCategory
  cause: string | null;
  consequence: string | null;
  office_id: string;
  department_id: string | null;
  owner_person_id: string | null;
  proposer_person_id: string | null;
  proposed_by: string; // the actor label that created it (the four-eyes rule compares it)
  inherent_likelihood: number; // 1–5
  inherent_impact: number; // 1–5
  existing_controls: string | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  level: string; // RiskLevel of the residual score when set, else the inherent one
  treatment: string | null; // Treatment
  status: string; // RiskStatus
  next_review_date: string | null; // YYYY-MM-DD
  acceptance_expires_on: string | null; // YYYY-MM-DD of the sign-off in force
  source: string | null; // where it came from, e.g. an assessment finding
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RiskLinkTable {
  risk_id: string;
  kind: string; // asset | ai_system | usage_app | office
  target_id: string;
}

export interface RiskTreatmentTable {
  id: string;
  risk_id: string;
  description: string;
  owner_person_id: string | null;
  due_date: string; // YYYY-MM-DD
  status: string; // TreatmentStatus
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RiskAcceptanceTable {
  id: string;
  risk_id: string;
  signed_by: string; // actor label
  signer_person_id: string | null;
  justification: string;
  expires_on: string; // YYYY-MM-DD
  signed_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface FileTable {
  sha256: string;
  content_type: string; // sniffed from the bytes, one of the allowed types
  size: number;
  content: Buffer;
  created_at: string;
}

export interface FileAttachmentTable {
  id: string;
  owner_kind: string; // 'assessment', …
  owner_id: string;
  owner_slot: string | null; // e.g. the question an evidence file answers
  sha256: string;
  name: string;
  uploaded_by: string; // the actor's label
  uploaded_at: string;
}

export interface AssessmentTemplateTable {
  id: string;
  definition: string; // JSON AssessmentTemplate
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AssessmentTable {
  id: string;
  template_id: string;
  template: string; // JSON copy of the template it was started from
  title: string;
  subject_kind: string; // asset | ai_system | text
  subject_id: string | null;
  subject_text: string | null;
  office_id: string;
  status: string; // draft | in_review | completed
  answers: string; // JSON {<question id>: value}
  revision: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  completed_by: string | null;
  completed_at: string | null;
}

export interface AssessmentFindingTable {
  id: string;
  assessment_id: string;
  question_id: string | null;
  title: string;
  severity: string; // low | medium | high | critical
  recommendation: string | null;
  risk_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A background job (see src/modules/jobs): queued, claimed by a runner, with progress and a result. */
export interface JobTable {
  id: string;
  kind: string; // the handler's name, e.g. 'scan'
  status: string; // queued | running | succeeded | failed | cancelled
  progress_done: number;
  progress_total: number | null;
  progress_message: string | null;
  params_json: string; // JSON owned by the kind
  result_json: string | null; // JSON owned by the kind
  error: string | null;
  cancel_requested: number; // 0/1: asked to stop while running
  runner_id: string | null; // only this runner may claim it (inputs on its disk); null: any
  created_by: string | null; // users.id
  created_by_label: string;
  office_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
}

/** A sensitive-data scan; its job runs it, its datasets hold the result. */
export interface ScanTable {
  id: string;
  job_id: string;
  office_id: string | null;
  created_by: string | null;
  created_by_label: string;
  sources_json: string; // JSON: sources as described to people (no passwords)
  options_json: string; // JSON: sampling
  errors_json: string | null; // JSON ScanError[] once finished
  dataset_count: number;
  created_at: string;
  finished_at: string | null;
}

/** One dataset of a finished scan: its proposal, masked evidence and label decision. */
export interface ScanDatasetTable {
  id: string;
  scan_id: string;
  position: number; // 1-based, in report order
  source: string;
  format: string;
  rows_scanned: number;
  proposed_label: string;
  proposed_rule: string;
  reasons_json: string; // JSON string[]
  columns_json: string; // JSON ColumnDetections[] (masked examples only)
  label: string | null; // confirmed or overridden label
  label_change: string | null; // as_proposed | raised | lowered
  justification: string | null;
  asset_id: string | null;
  decided_by: string | null;
  decided_by_label: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentVersionTable {
  assessment_id: string;
  revision: number;
  snapshot: string; // JSON AssessmentDetail as completed
  completed_by: string;
  completed_at: string;
}

export interface Database {
  regions: RegionTable;
  offices: OfficeTable;
  departments: DepartmentTable;
  people: PersonTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  oidc_states: OidcStateTable;
  audit_events: AuditEventTable;
  custos_meta: MetaTable;
  assets: AssetTable;
  rollout_waves: RolloutWaveTable;
  office_onboarding: OfficeOnboardingTable;
  scorecard_settings: ScorecardSettingsTable;
  scorecard_snapshots: ScorecardSnapshotTable;
  actions: ActionTable;
  ai_systems: AiSystemTable;
  ai_classifications: AiClassificationTable;
  ai_registry_settings: AiRegistrySettingsTable;
  usage_files: UsageFileTable;
  usage_daily_totals: UsageDailyTotalTable;
  usage_daily: UsageDailyTable;
  usage_users: UsageUserTable;
  usage_first_seen: UsageFirstSeenTable;
  usage_app_overrides: UsageAppOverrideTable;
  usage_alert_settings: UsageAlertSettingsTable;
  risks: RiskTable;
  risk_links: RiskLinkTable;
  risk_treatments: RiskTreatmentTable;
  risk_acceptances: RiskAcceptanceTable;
  compliance_assessments: ComplianceAssessmentTable;
  compliance_requirement_assessments: ComplianceRequirementAssessmentTable;
  compliance_evidence_links: ComplianceEvidenceLinkTable;
  compliance_risk_links: ComplianceRiskLinkTable;
  files: FileTable;
  file_attachments: FileAttachmentTable;
  assessment_templates: AssessmentTemplateTable;
  assessments: AssessmentTable;
  assessment_findings: AssessmentFindingTable;
  assessment_versions: AssessmentVersionTable;
  jobs: JobTable;
  scans: ScanTable;
  scan_datasets: ScanDatasetTable;
}
