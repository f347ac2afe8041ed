/** Kysely table types of the AI registry and AI usage monitoring (conventions: ../schema.ts). */

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

export interface AiRegistrySettingsTable {
  id: string; // 'ai_registry': the single row
  review_months: string; // JSON ReviewMonths: tier → months from verification to the next review
  version: number;
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
