import { describe, expect, it } from 'vitest';
import type { FindingForRisk } from './assessment-findings.service.js';
import { findingRiskInput } from './finding-risk.js';

const base: FindingForRisk = {
  finding: {
    id: 'f1',
    assessment_id: 'a1',
    question_id: null,
    title: 'No retention period',
    severity: 'high',
    recommendation: 'Set one',
    risk_id: null,
    version: 1,
    created_at: '',
    updated_at: '',
  },
  assessment: {
    id: 'a1',
    title: 'DPIA',
    template_id: 'dpia',
    office_id: 'o1',
    subject_kind: 'asset',
    subject_id: 'asset-1',
    subject_text: 'Register',
  },
};

describe('the risk a finding opens', () => {
  it.each([
    ['low', 2],
    ['medium', 3],
    ['high', 4],
    ['critical', 5],
  ] as const)('rates a %s finding with impact %i', (severity, impact) => {
    expect(findingRiskInput({ ...base, finding: { ...base.finding, severity } }).impact).toBe(impact);
  });

  it.each([
    ['dpia', 'asset', 'data_protection', { asset_ids: ['asset-1'] }],
    ['data-sharing', 'text', 'data_protection', {}],
    ['ai-impact', 'ai_system', 'ai', { ai_system_ids: ['asset-1'] }],
    ['ai-vendor', 'text', 'ai', {}],
    ['custom', 'ai_system', 'ai', { ai_system_ids: ['asset-1'] }],
  ])(
    'files a %s finding about a %s subject as %s, linked to it',
    (template_id, subject_kind, category, links) => {
      const input = findingRiskInput({
        ...base,
        assessment: {
          ...base.assessment,
          template_id,
          subject_kind,
          subject_id: subject_kind === 'text' ? null : 'asset-1',
        },
      });
      expect(input).toMatchObject({
        category,
        links,
        office_id: 'o1',
        source: 'assessment:a1',
        title: 'No retention period',
      });
      expect(input.description).toContain('Recommendation: Set one');
    },
  );
});
