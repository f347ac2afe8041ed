import type { Requirement } from '../frameworks/frameworks.schema.js';
import type {
  AssessmentView,
  EvidenceRow,
  RequirementLinks,
  RequirementRow,
} from './compliance.repository.js';
import type {
  AssessedRequirement,
  Assessment,
  AssessmentStatus,
  EvidenceLink,
  RequirementStatus,
} from './compliance.schema.js';

/* From stored rows to what the API answers. */

export function presentAssessment(view: AssessmentView, frameworkTitle: string): Assessment {
  return {
    id: view.id,
    framework_id: view.framework_id,
    framework_title: frameworkTitle,
    office_id: view.office_id,
    office_code: view.office_code,
    office_name: view.office_name,
    title: view.title,
    owner_id: view.owner_id,
    owner_name: view.owner_name,
    status: view.status as AssessmentStatus,
    version: view.version,
    created_at: view.created_at,
    updated_at: view.updated_at,
  };
}

export function presentEvidence(row: EvidenceRow): EvidenceLink {
  return row.kind === 'file'
    ? { kind: 'file', sha256: row.sha256 ?? '', name: row.name ?? '' }
    : { kind: 'url', url: row.url ?? '', title: row.title ?? '' };
}

const NO_LINKS: RequirementLinks = { evidence: [], riskIds: [] };

/** Every requirement of the framework in file order (headings included), with what was found. */
export function presentRequirements(
  requirements: readonly Requirement[],
  rows: readonly RequirementRow[],
  links: ReadonlyMap<string, RequirementLinks>,
): AssessedRequirement[] {
  const byId = new Map(rows.map((row) => [row.requirement_id, row]));
  return requirements.map((requirement) =>
    presentRequirement(requirement, byId.get(requirement.id), links.get(requirement.id) ?? NO_LINKS),
  );
}

export function presentRequirement(
  requirement: Requirement,
  row: RequirementRow | undefined,
  links: RequirementLinks,
): AssessedRequirement {
  return {
    requirement_id: requirement.id,
    parent: requirement.parent,
    group: requirement.group,
    reference: requirement.reference,
    title: requirement.title,
    summary: requirement.summary,
    themes: requirement.themes,
    status: (row?.status as RequirementStatus | undefined) ?? null,
    not_applicable_reason: row?.not_applicable_reason ?? null,
    notes: row?.notes ?? null,
    evidence: links.evidence.map(presentEvidence),
    risk_ids: links.riskIds,
    assessed_by: row?.assessed_by ?? null,
    assessed_at: row?.assessed_at ?? null,
    version: row?.version ?? 0,
  };
}
