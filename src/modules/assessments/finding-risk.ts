import type { FindingForRisk } from './assessment-findings.service.js';

/*
 * What a finding tells the risk register when it opens a risk: the shape of the risk module's
 * `createFromFinding` input, built here so the wiring in the composition root is one line. Pure.
 */

/** Impact on the 1–5 scale from the finding's severity. */
const IMPACT = { low: 2, medium: 3, high: 4, critical: 5 } as const;
/** Templates about AI open AI risks; the others, data protection risks. */
const AI_TEMPLATES = new Set(['ai-impact', 'ai-vendor']);

export interface FindingRiskInput {
  title: string;
  description: string | null;
  category: 'ai' | 'data_protection';
  office_id: string;
  impact: number;
  links: { asset_ids?: string[]; ai_system_ids?: string[] };
  source: string;
}

export function findingRiskInput({ finding, assessment }: FindingForRisk): FindingRiskInput {
  const lines = [
    `Finding of the assessment "${assessment.title}"${assessment.subject_text ? ` (${assessment.subject_text})` : ''}.`,
    finding.recommendation ? `Recommendation: ${finding.recommendation}` : null,
  ].filter((line): line is string => line !== null);
  const subject = assessment.subject_id;
  return {
    title: finding.title,
    description: lines.join('\n'),
    category:
      AI_TEMPLATES.has(assessment.template_id) || assessment.subject_kind === 'ai_system'
        ? 'ai'
        : 'data_protection',
    office_id: assessment.office_id,
    impact: IMPACT[finding.severity],
    links:
      subject && assessment.subject_kind === 'asset'
        ? { asset_ids: [subject] }
        : subject && assessment.subject_kind === 'ai_system'
          ? { ai_system_ids: [subject] }
          : {},
    source: `assessment:${assessment.id}`,
  };
}
