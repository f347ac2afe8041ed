import type {
  RegionTable,
  OfficeTable,
  DepartmentTable,
  PersonTable,
  UserTable,
  SessionTable,
  ApiTokenTable,
  OidcStateTable,
  AuditEventTable,
  MetaTable,
  FileTable,
  FileAttachmentTable,
  JobTable,
} from './schema/org.js';
import type {
  AssetTable,
  AssetWordTable,
  RolloutWaveTable,
  OfficeOnboardingTable,
  ScorecardSettingsTable,
  ScorecardSnapshotTable,
  ActionTable,
  ScanTable,
  ScanDatasetTable,
} from './schema/inventory.js';
import type {
  AiSystemTable,
  AiClassificationTable,
  AiRegistrySettingsTable,
  UsageFileTable,
  UsageDailyTotalTable,
  UsageDailyTable,
  UsageUserTable,
  UsageFirstSeenTable,
  UsageAppOverrideTable,
  UsageAlertSettingsTable,
} from './schema/ai.js';
import type {
  RiskTable,
  RiskLinkTable,
  RiskTreatmentTable,
  RiskAcceptanceTable,
  ComplianceAssessmentTable,
  ComplianceRequirementAssessmentTable,
  ComplianceEvidenceLinkTable,
  ComplianceRiskLinkTable,
  AssessmentTemplateTable,
  AssessmentTable,
  AssessmentFindingTable,
  AssessmentVersionTable,
} from './schema/risk.js';

/**
 * Table types for Kysely. Portable schema: text, integer, real; JSON as text; booleans as 0/1;
 * timestamps ISO-8601 UTC text; ids UUIDv7 text.
 */
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
  asset_words: AssetWordTable;
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
