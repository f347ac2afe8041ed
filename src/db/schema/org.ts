import type { Generated } from 'kysely';

/** Kysely table types of the organisation, accounts, audit trail, files and jobs (conventions: ../schema.ts). */

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
