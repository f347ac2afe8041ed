import { errors } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import { throwStale } from '../../core/service-context.js';
import type { Attachment } from '../files/files.schema.js';
import { answerProgress, type Answers } from './assessment-answers.js';
import type { AssessmentTemplate } from './assessment-template.js';
import type { AssessmentListRow, AssessmentRow, FindingRow } from './assessments.repository.js';
import type { AssessmentDetail, AssessmentSummary, VersionInfo } from './assessments.schema.js';

/* Assessments from stored rows to what the API answers, and the checks on a row read. No I/O. */

export const ASSESSMENT = 'assessment';

export function templateOf(row: AssessmentRow): AssessmentTemplate {
  return JSON.parse(row.template) as AssessmentTemplate;
}

export function presentSummary(row: AssessmentListRow): AssessmentSummary {
  const template = templateOf(row);
  const progress = answerProgress(template, JSON.parse(row.answers) as Answers);
  return {
    id: row.id,
    template_id: row.template_id,
    template_title: template.title.en,
    title: row.title,
    subject_kind: row.subject_kind as AssessmentSummary['subject_kind'],
    subject_id: row.subject_id,
    subject_text: row.subject_text,
    office_id: row.office_id,
    office_name: row.office_name,
    status: row.status as AssessmentSummary['status'],
    revision: row.revision,
    version: row.version,
    answered: progress.answered,
    questions: progress.total,
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
    completed_by: row.completed_by,
    completed_at: row.completed_at,
  };
}

export function presentDetail(
  row: AssessmentListRow,
  findings: readonly FindingRow[],
  evidence: Attachment[],
  versions: VersionInfo[],
): AssessmentDetail {
  return {
    ...presentSummary(row),
    template: templateOf(row),
    answers: JSON.parse(row.answers) as Answers,
    findings: findings.map((f) => ({
      ...f,
      severity: f.severity as AssessmentDetail['findings'][number]['severity'],
    })),
    evidence,
    versions,
  };
}

export function versionInfo(detail: AssessmentDetail): VersionInfo {
  return {
    revision: detail.revision,
    completed_by: detail.completed_by ?? '',
    completed_at: detail.completed_at ?? '',
  };
}

/** The answers to the questions `ids` (null for one not answered), as an audit event records them. */
export function pickAnswers(answers: Answers, ids: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(ids.map((id) => [id, answers[id] ?? null]));
}

/** The row if the actor may see it; else 404, as for one that does not exist. */
export function visible(actor: Actor, row: AssessmentListRow | undefined, id: string): AssessmentListRow {
  if (!row || !inScope(actor, row.office_id)) throw errors.notFound(ASSESSMENT, id);
  return row;
}

/** Visible, at the version the caller read, and not completed. */
export function writable(
  actor: Actor,
  row: AssessmentListRow | undefined,
  id: string,
  version: number,
): AssessmentListRow {
  const found = visible(actor, row, id);
  if (found.status === 'completed') throw errors.locked(ASSESSMENT, id);
  if (found.version !== version) throwStale(ASSESSMENT, id, version, found);
  return found;
}
