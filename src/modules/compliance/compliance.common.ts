import { errors, type FieldIssue } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import type { AssessmentRow, AssessmentView, RequirementRow } from './compliance.repository.js';
import type { RequirementStatus } from './compliance.schema.js';

/* What the compliance operations (compliance.service, compliance.requirements) share. Pure. */

export const ASSESSMENT = 'compliance_assessment';
export const REQUIREMENT = 'compliance_requirement';
export const NO_LINKS = { evidence: [], riskIds: [] };

/** The offices whose assessments the actor sees; undefined: all, organisation-wide ones included. */
export function visibleOffices(actor: Actor): ReadonlySet<string> | undefined {
  return actor.scope.kind === 'all' ? undefined : actor.scope.officeIds;
}

/** The assessment if the actor may see it; else 404, as for one that does not exist. */
export function visible(actor: Actor, view: AssessmentView | undefined, id: string): AssessmentView {
  if (!view || !inScope(actor, view.office_id)) throw errors.notFound(ASSESSMENT, id);
  return view;
}

export function storedAssessment(view: AssessmentView): AssessmentRow {
  const { office_code: _code, office_name: _name, owner_name: _owner, ...row } = view;
  return row;
}

export function statusMap(rows: readonly RequirementRow[]): Map<string, RequirementStatus> {
  return new Map(rows.map((row) => [row.requirement_id, row.status as RequirementStatus]));
}

/** validation_failed naming the first issue, if there is any. */
export function throwIssues(issues: FieldIssue[]): void {
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
}
