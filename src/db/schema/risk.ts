/** Kysely table types of the risk register, compliance assessments and assessments (conventions: ../schema.ts). */

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

export interface AssessmentVersionTable {
  assessment_id: string;
  revision: number;
  snapshot: string; // JSON AssessmentDetail as completed
  completed_by: string;
  completed_at: string;
}
