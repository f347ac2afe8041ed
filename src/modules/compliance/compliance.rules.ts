import type { FieldIssue } from '../../core/errors.js';
import type { EvidenceLink, RequirementStatus } from './compliance.schema.js';

/* The rules of a requirement's assessment that need nothing but the values written. Pure. */

export interface RequirementValues {
  status: RequirementStatus;
  not_applicable_reason: string | null;
  evidence: readonly EvidenceLink[];
  risk_ids: readonly string[];
}

export function requirementIssues(values: RequirementValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (values.status === 'not_applicable' && !values.not_applicable_reason)
    issues.push({
      path: 'not_applicable_reason',
      message: 'say why the requirement does not apply',
    });
  if (values.status !== 'not_applicable' && values.not_applicable_reason)
    issues.push({
      path: 'not_applicable_reason',
      message: 'give a reason only when the requirement is not applicable',
    });
  const evidenceKeys = values.evidence.map((link) => (link.kind === 'url' ? link.url : link.sha256));
  for (const key of repeated(evidenceKeys))
    issues.push({ path: 'evidence', message: `${key} is listed twice` });
  for (const id of repeated(values.risk_ids))
    issues.push({ path: 'risk_ids', message: `risk ${id} is listed twice` });
  return issues;
}

function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}
