import type { Generated } from 'kysely';

/** Kysely table types of the data inventory, roll-out, scorecard, actions and sensitive-data scans (conventions: ../schema.ts). */

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

/** The words of the assets' search text, each once: what a search term may start (src/db/fulltext.ts). */
export interface AssetWordTable {
  word: string;
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
